"use client";

import { Freshness } from "@/components/live/freshness";
import { LiveFailure } from "@/components/live/live-status";
import { POLL_MS, useLiveView } from "@/components/live/use-live-view";
import { Containers } from "@/components/task/containers";
import { useCan } from "@/components/auth/permissions-context";
import { StopTaskControl } from "@/components/task/stop-task-control";
import { TaskDefinitionPanel } from "@/components/task/task-definition-panel";
import { TaskIdLine } from "@/components/task/task-id-line";
import { TaskStatusList } from "@/components/task/task-status";
import { TaskStopNotice } from "@/components/task/task-stop-notice";
import { TaskSummary } from "@/components/task/task-summary";
import { TaskTimeline } from "@/components/task/task-timeline";
import { Breadcrumb, type BreadcrumbItem } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { taskId } from "@/lib/arn";
import type { LiveRead } from "@/lib/live-read";
import { liveReadPaths, pagePaths, queryKeys } from "@/lib/query-keys";
import { shortTaskId } from "@/lib/task-stop";
import type { TaskPage, TaskPageRead } from "@/lib/view-models/task-detail";

function crumbs(cluster: string, id: string, service: string | undefined): BreadcrumbItem[] {
  return [
    { label: "Clusters", href: pagePaths.clusters() },
    { label: cluster, href: pagePaths.cluster(cluster) },
    ...(service ? [{ label: service, href: pagePaths.service(cluster, service) }] : []),
    { label: shortTaskId(id) },
  ];
}

export function TaskClient({ cluster, task, initial }: { cluster: string; task: string; initial: LiveRead<TaskPageRead> }) {
  const { data, failure, updatedAt, now } = useLiveView({
    queryKey: queryKeys.clusters.task(cluster, task),
    path: liveReadPaths.task(cluster, task),
    initial,
    what: "The task",
  });
  // The route answers 503 when the task cannot be read, so what arrives is always the page.
  const page = data?.ok ? data.value : undefined;
  const id = page?.task.id ?? taskId(task);

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb items={crumbs(cluster, id, page?.task.service)} />
        <PageHeader
          title={`Task ${shortTaskId(id)}`}
          description={<TaskIdLine id={id} />}
          aside={updatedAt !== undefined && <Freshness updatedAt={updatedAt} now={now} stale={failure !== undefined} />}
        />
      </div>
      <LiveFailure failure={failure} hasData={page !== undefined} what="task" />
      {page && <TaskBody cluster={cluster} page={page} now={now} />}
    </div>
  );
}

function TaskBody({ cluster, page, now }: { cluster: string; page: TaskPage; now: number }) {
  const { task, taskDefinition } = page;
  const canOperate = useCan("operate");
  return (
    <>
      <div className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4 shadow-sm sm:flex-row sm:items-start sm:justify-between">
        <div className="space-y-1">
          <TaskStatusList lastStatus={task.lastStatus} desiredStatus={task.desiredStatus} health={task.health} />
          <p className="text-xs text-ink-muted">Refreshed every {POLL_MS / 1000} seconds.</p>
        </div>
        <div className="sm:max-w-sm">
          {canOperate && <StopTaskControl cluster={cluster} task={task} />}
        </div>
      </div>
      <TaskStopNotice task={task} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <TaskSummary cluster={cluster} task={task} />
        <TaskTimeline timestamps={task.timestamps} now={now} />
      </div>
      <Containers containers={task.containers} />
      <TaskDefinitionPanel reference={task.taskDefinition} definition={taskDefinition} />
    </>
  );
}
