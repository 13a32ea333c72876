import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { pagePaths } from "@/lib/query-keys";
import { starterDraft } from "@/lib/taskdef/draft";
import { currentConnection } from "@/server/aws/current-connection";
import { currentActor, refusalFor } from "@/server/auth/session";
import { readRevision } from "@/server/ecs/task-definition-revision";
import { canSeeSecrets } from "@/server/security/secret-access";
import { EditorClient, type EditorStart } from "./editor-client";

export const metadata: Metadata = { title: "New task definition revision" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The editor starts from a revision (`?from=web:5`, masked as the person may see it) or from a
 * blank Fargate task. Only someone who may register gets it; the action checks again.
 */
export default async function TaskDefinitionEditorPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { from: fromParam } = await searchParams;
  const from = typeof fromParam === "string" && fromParam.trim() ? fromParam.trim() : undefined;
  const refusal = refusalFor(await currentActor(), "operate");
  if (refusal) return <MayNotRegister message={refusal.message} from={from} />;
  if (!from) {
    return (
      <EditorPage title="New task definition" description="Register the first revision of a new family.">
        <EditorClient start={{ registration: starterDraft(), hidesValues: false }} />
      </EditorPage>
    );
  }
  const revision = await readRevision(await currentConnection(), from, { canSeeSecrets: await canSeeSecrets() });
  if (!revision.ok) {
    return (
      <EditorPage title="New revision" description={`Starting from ${from}.`}>
        <Notice tone="danger" title={`Could not read ${from}`}>
          <FailureDetails failure={revision.error} />
          <p>
            <Link href={pagePaths.taskDefinitionEditor()} className="text-link underline">
              Start a new task definition instead
            </Link>
          </p>
        </Notice>
      </EditorPage>
    );
  }
  const { label, arn, family, registration, hidesValues } = revision.value;
  const start: EditorStart = { from: label, basedOn: arn, registration, hidesValues };
  return (
    <EditorPage family={family} title={`New revision of ${family}`} description={`Starting from ${label}. Registering adds a new revision; ${label} stays as it is.`}>
      <EditorClient start={start} />
    </EditorPage>
  );
}

function EditorPage({ family, title, description, children }: { family?: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb
          items={[
            { label: "Task definitions", href: pagePaths.taskDefinitions() },
            ...(family ? [{ label: family, href: pagePaths.taskDefinitionFamily(family) }] : []),
            { label: family ? "New revision" : "New task definition" },
          ]}
        />
        <PageHeader title={title} description={description} />
      </div>
      {children}
    </div>
  );
}

function MayNotRegister({ message, from }: { message: string; from: string | undefined }) {
  return (
    <EditorPage title="You may look, not register" description="Registering task definitions needs the deployer or admin role.">
      <Notice tone="warn" title="You may not register task definitions">
        <p>{message}</p>
        <p>
          <Link href={pagePaths.taskDefinitions()} className="text-link underline">
            Browse task definitions
          </Link>
          {from && " to see the revision and its JSON."}
        </p>
      </Notice>
    </EditorPage>
  );
}
