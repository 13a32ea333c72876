import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { taskId } from "@/lib/arn";
import { shortTaskId } from "@/lib/task-stop";
import { decodeSegment } from "@/lib/url-segment";
import { missing, readTaskPage } from "@/server/pages/page-reads";
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
  const initial = await readTaskPage(cluster, task);
  // ECS will not know the task later either: nothing to poll for.
  if (missing(initial)) notFound();
  return <TaskClient cluster={cluster} task={task} initial={initial} />;
}
