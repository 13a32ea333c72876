import type { Metadata } from "next";
import { CreateTaskDefinitionLink } from "@/components/taskdef/browse/create-task-definition-link";
import { FamiliesBrowser } from "@/components/taskdef/browse/families-browser";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { readLive } from "@/server/api/live-read";
import { currentConnection } from "@/server/aws/current-connection";
import { readTaskDefinitionFamilyList } from "@/server/ecs/task-definition-families";

export const metadata: Metadata = { title: "Task definitions" };

/** Every task definition family, read once per visit: families change when someone registers, not by the second. */
export default async function TaskDefinitionsPage() {
  const connection = await currentConnection();
  const read = await readLive(() => readTaskDefinitionFamilyList(connection));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Task definitions"
        description="What services and tasks run: each family's revisions, newest first, with what changed in each."
        aside={<CreateTaskDefinitionLink />}
      />
      {read.ok ? (
        <FamiliesBrowser families={read.value.families} />
      ) : (
        <Notice tone="danger" title="The task definitions could not be listed">
          <FailureDetails failure={read.error} />
        </Notice>
      )}
    </div>
  );
}
