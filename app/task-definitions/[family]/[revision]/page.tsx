import type { Metadata } from "next";
import { TaskDefinitionNotFound } from "@/components/taskdef/browse/not-found";
import { TaskDefinitionBreadcrumb } from "@/components/taskdef/browse/task-definition-breadcrumb";
import { RevisionOverview } from "@/components/taskdef/revision/revision-overview";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { awsFailure } from "@/lib/aws-errors";
import { decodeSegment } from "@/lib/url-segment";
import { currentConnection } from "@/server/aws/current-connection";
import { readPreviousRevision } from "@/server/ecs/task-definition-history";
import { readRevision } from "@/server/ecs/task-definition-revision";
import { canSeeSecrets } from "@/server/security/secret-access";

interface RevisionRoute {
  params: Promise<{ family: string; revision: string }>;
  /** `registered=1` when the editor has just registered this revision. */
  searchParams?: Promise<{ registered?: string }>;
}

async function namesOf(params: RevisionRoute["params"]): Promise<{ family: string; text: string; revision?: number }> {
  const { family, revision } = await params;
  const text = decodeSegment(revision);
  return { family: decodeSegment(family), text, revision: /^[1-9]\d{0,9}$/.test(text) ? Number(text) : undefined };
}

export async function generateMetadata({ params }: RevisionRoute): Promise<Metadata> {
  const { family, text } = await namesOf(params);
  return { title: `${family}:${text} · Task definitions` };
}

/**
 * One revision, masked on the server for the person asking; read once per visit (an action
 * refreshes it). Its previous revision comes from the family's listings, for the comparison.
 */
export default async function RevisionPage({ params, searchParams }: RevisionRoute) {
  const { family, text, revision } = await namesOf(params);
  const justRegistered = (await searchParams)?.registered === "1";
  if (revision === undefined) {
    return <TaskDefinitionNotFound family={family} revision={text} failure={awsFailure("not-found", { detail: `${text} is not a revision: revisions are whole numbers from 1.` })} />;
  }
  const [connection, seesSecrets] = await Promise.all([currentConnection(), canSeeSecrets()]);
  const [read, previous] = await Promise.all([
    readRevision(connection, `${family}:${revision}`, { canSeeSecrets: seesSecrets }),
    readPreviousRevision(connection, family, revision),
  ]);
  if (read.ok) return <RevisionOverview revision={read.value} previous={previous} readAt={Date.now()} justRegistered={justRegistered} />;
  if (read.error.code === "not-found") return <TaskDefinitionNotFound family={family} revision={revision} failure={read.error} />;
  return (
    <div className="space-y-6">
      <div>
        <TaskDefinitionBreadcrumb family={family} revision={revision} />
        <PageHeader title={`${family}:${revision}`} />
      </div>
      <Notice tone="danger" title="The revision could not be read">
        <FailureDetails failure={read.error} />
      </Notice>
    </div>
  );
}
