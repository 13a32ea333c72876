import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FamilyHistory } from "@/components/taskdef/browse/family-history";
import { TaskDefinitionBreadcrumb } from "@/components/taskdef/browse/task-definition-breadcrumb";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { decodeSegment } from "@/lib/url-segment";
import { missing, readFamilyPage } from "@/server/pages/page-reads";

interface FamilyRoute {
  params: Promise<{ family: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: FamilyRoute): Promise<Metadata> {
  return { title: `${decodeSegment((await params).family)} · Task definitions` };
}

/** Read once per visit; an action on a revision refreshes the page. */
export default async function FamilyPage({ params, searchParams }: FamilyRoute) {
  const family = decodeSegment((await params).family);
  // `?before=12`: the page of revisions older than 12.
  const before = (await searchParams).before;
  const read = await readFamilyPage(family, Array.isArray(before) ? before[0] : before);
  if (read.ok && read.value.history) return <FamilyHistory history={read.value.history} readAt={read.readAt} />;
  if (missing(read)) notFound();
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
