import { TaskNotFound } from "@/components/task/task-not-found";
import { NothingHere } from "@/components/ui/nothing-here";
import { taskId } from "@/lib/arn";
import { missing, readTaskPage } from "@/server/pages/page-reads";
import { routeMatch } from "@/server/pages/route-params";

export default async function TaskMissing() {
  const route = await routeMatch<"cluster" | "task">("/clusters/[cluster]/tasks/[task]");
  if (!route) return <NothingHere />;
  const { cluster, task } = route.params;
  const read = await readTaskPage(cluster, task);
  const failure = missing(read);
  return failure ? <TaskNotFound cluster={cluster} id={taskId(task)} failure={failure} /> : <NothingHere />;
}
