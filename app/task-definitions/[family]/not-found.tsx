import { TaskDefinitionNotFound } from "@/components/taskdef/browse/not-found";
import { NothingHere } from "@/components/ui/nothing-here";
import { missing, readFamilyPage, readRevisionPage } from "@/server/pages/page-reads";
import { routeMatch } from "@/server/pages/route-params";

/** A family's page and a revision's: either may name something ECS does not have. */
export default async function TaskDefinitionMissing() {
  const family = await routeMatch<"family">("/task-definitions/[family]");
  if (family) {
    const read = await readFamilyPage(family.params.family, family.query.get("before") ?? undefined);
    const failure = missing(read);
    if (failure) return <TaskDefinitionNotFound family={family.params.family} failure={failure} />;
  }
  const revision = await routeMatch<"family" | "revision">("/task-definitions/[family]/[revision]");
  if (revision) {
    const { read } = await readRevisionPage(revision.params.family, revision.params.revision);
    const failure = missing(read);
    if (failure) return <TaskDefinitionNotFound family={revision.params.family} revision={revision.params.revision} failure={failure} />;
  }
  return <NothingHere />;
}
