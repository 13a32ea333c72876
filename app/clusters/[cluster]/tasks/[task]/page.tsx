import type { Metadata } from "next";
import { TaskNotFound } from "@/components/task/task-not-found";
import { taskId } from "@/lib/arn";
import { shortTaskId } from "@/lib/task-stop";
import { decodeSegment } from "@/lib/url-segment";
import type { TaskPageRead } from "@/lib/view-models/task-detail";
import { readLive } from "@/server/api/live-read";
import { currentConnection } from "@/server/aws/current-connection";
import { readTaskDetail } from "@/server/ecs/task-detail";
import { canSeeSecrets } from "@/server/security/secret-access";
import { TaskClient } from "./task-client";

interface TaskRoute {
  params: Promise<{ cluster: string; task: string }>;
}

async function namesOf(params: TaskRoute["params"]): Promise<{ cluster: string; task: string }> {
  const { cluster, task } = await params;
  return { cluster: decodeSegment(cluster), task: decodeSegment(task) };
}

export async function generateMetadata({ params }: TaskRoute): Promise<Metadata> {
  const { cluster, task } = await namesOf(params);
  return { title: `Task ${shortTaskId(taskId(task))} · ${cluster}` };
}

/** The first read happens here, so the page is useful before its JavaScript runs; the client then polls. */
export default async function TaskPage({ params }: TaskRoute) {
  const { cluster, task } = await namesOf(params);
  const [connection, seesSecrets] = await Promise.all([currentConnection(), canSeeSecrets()]);
  // Masked here, on the server: what the viewer may not see is never in the page.
  const initial = await readLive<TaskPageRead>(() => readTaskDetail(connection, cluster, task, { canSeeSecrets: seesSecrets }));
  // ECS will not know the task later either: nothing to poll for.
  if (!initial.ok && initial.error.code === "not-found") return <TaskNotFound cluster={cluster} id={taskId(task)} failure={initial.error} />;
  return <TaskClient cluster={cluster} task={task} initial={initial} />;
}
