import type { Metadata } from "next";
import { FamilyHistory } from "@/components/taskdef/browse/family-history";
import { TaskDefinitionNotFound } from "@/components/taskdef/browse/not-found";
import { TaskDefinitionBreadcrumb } from "@/components/taskdef/browse/task-definition-breadcrumb";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { decodeSegment } from "@/lib/url-segment";
import { readLive } from "@/server/api/live-read";
import { currentConnection } from "@/server/aws/current-connection";
import { readFamilyHistory } from "@/server/ecs/task-definition-history";

interface FamilyRoute {
  params: Promise<{ family: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: FamilyRoute): Promise<Metadata> {
  return { title: `${decodeSegment((await params).family)} · Task definitions` };
}

/** `?before=12`: the page of revisions older than 12. Anything else shows the newest. */
function beforeOf(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : undefined;
}

/** Read once per visit; an action on a revision refreshes the page. */
export default async function FamilyPage({ params, searchParams }: FamilyRoute) {
  const family = decodeSegment((await params).family);
  const before = beforeOf((await searchParams).before);
  const connection = await currentConnection();
  const read = await readLive(() => readFamilyHistory(connection, family, { before }));
  if (read.ok && read.value.history) return <FamilyHistory history={read.value.history} readAt={read.readAt} />;
  if (!read.ok && read.error.code === "not-found") return <TaskDefinitionNotFound family={family} failure={read.error} />;
  return (
    <div className="space-y-6">
      <div>
        <TaskDefinitionBreadcrumb family={family} />
        <PageHeader title={family} />
      </div>
      {!read.ok && (
        <Notice tone="danger" title="The revisions could not be read">
          <FailureDetails failure={read.error} />
        </Notice>
      )}
    </div>
  );
}
