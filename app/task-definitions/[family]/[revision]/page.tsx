import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TaskDefinitionBreadcrumb } from "@/components/taskdef/browse/task-definition-breadcrumb";
import { RevisionOverview } from "@/components/taskdef/revision/revision-overview";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { decodeSegment } from "@/lib/url-segment";
import { missing, readRevisionPage } from "@/server/pages/page-reads";

interface RevisionRoute {
  params: Promise<{ family: string; revision: string }>;
  /** `registered=1` when the editor has just registered this revision; `from=web:5` when its draft started from that revision. */
  searchParams?: Promise<{ registered?: string; from?: string }>;
}

/** The revision number in `web:5` when it is of this family, so the banner never links elsewhere. */
function revisionOfFamily(label: string | undefined, family: string): number | undefined {
  const match = label?.match(/^(.+):([1-9]\d{0,9})$/);
  return match && match[1] === family ? Number(match[2]) : undefined;
}

async function namesOf(params: RevisionRoute["params"]): Promise<{ family: string; text: string }> {
  const { family, revision } = await params;
  return { family: decodeSegment(family), text: decodeSegment(revision) };
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
  const { family, text } = await namesOf(params);
  const query = await searchParams;
  const justRegistered = query?.registered === "1";
  const { read, previous } = await readRevisionPage(family, text);
  if (read.ok) {
    const startedFrom = revisionOfFamily(query?.from, family);
    return <RevisionOverview revision={read.value} previous={previous} readAt={Date.now()} justRegistered={justRegistered} startedFrom={startedFrom} />;
  }
  if (missing(read)) notFound();
  return (
    <div className="space-y-6">
      <div>
        <TaskDefinitionBreadcrumb family={family} revision={Number(text)} />
        <PageHeader title={`${family}:${text}`} />
      </div>
      <Notice tone="danger" title="The revision could not be read">
        <FailureDetails failure={read.error} />
      </Notice>
    </div>
  );
}
