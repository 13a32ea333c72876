"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useCan } from "@/components/auth/permissions-context";
import { useAction } from "@/components/actions/use-action";
import { ClusterHeaderView } from "@/components/cluster/cluster-header";
import { ClusterNotFound } from "@/components/cluster/cluster-not-found";
import { DeleteClusterDialog } from "@/components/cluster/delete-cluster-dialog";
import { RunTaskDialog } from "@/components/cluster/run-task-dialog";
import { ServicesTable } from "@/components/cluster/services-table";
import { TasksTable } from "@/components/cluster/tasks-table";
import { NowContext } from "@/components/cluster/time-ago";
import { Freshness } from "@/components/live/freshness";
import { LiveFailure } from "@/components/live/live-status";
import { POLL_MS, useLiveView } from "@/components/live/use-live-view";
import { Button } from "@/components/ui/button";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import type { LiveRead } from "@/lib/live-read";
import { liveReadPaths, pagePaths, queryKeys } from "@/lib/query-keys";
import type { ClusterDetail, ClusterTasks } from "@/lib/view-models/clusters";
import type { Part } from "@/lib/view-models/common";
import { runTask } from "@/server/actions/run-task";

/** A part of the page: its heading, and its content or why it could not be read. */
function Section<T>({ id, title, part, what, children }: { id: string; title: string; part: Part<T>; what: string; children: (value: T) => ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {part.ok ? (
        children(part.value)
      ) : (
        <Notice tone="danger" title={`The ${what} could not be read`}>
          <FailureDetails failure={part.error} />
        </Notice>
      )}
    </section>
  );
}

function TasksLoading() {
  return (
    <p role="status" className="rounded-md border border-line bg-surface px-4 py-6 text-sm text-ink-muted">
      Reading the tasks…
      <noscript> The tasks table needs JavaScript in a cluster this big.</noscript>
    </p>
  );
}

export function ClusterClient({
  cluster,
  initial,
  initialTasks,
}: {
  cluster: string;
  initial: LiveRead<ClusterDetail>;
  /** Left to the browser for a big cluster (see page.tsx). */
  initialTasks: LiveRead<ClusterTasks> | undefined;
}) {
  const { data, failure, updatedAt, now } = useLiveView({
    queryKey: queryKeys.clusters.detail(cluster),
    path: liveReadPaths.cluster(cluster),
    initial,
    what: "The cluster",
  });
  const tasks = useLiveView({
    queryKey: queryKeys.clusters.tasks(cluster),
    path: liveReadPaths.clusterTasks(cluster),
    initial: initialTasks,
    serverNow: initial.readAt,
    what: "The tasks",
  });
  const canOperate = useCan("operate");
  const running = useAction(runTask, [queryKeys.clusters.one(cluster), queryKeys.clusters.overview()]);
  const [runOpen, setRunOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);

  if (!data && failure?.code === "not-found") return <ClusterNotFound cluster={cluster} failure={failure} />;
  const name = data?.clusterName ?? cluster;
  const services = data?.services.ok ? data.services.value : [];

  return (
    <div className="space-y-8">
      <ClusterHeaderView
        name={name}
        header={data?.cluster}
        aside={
          <>
            {updatedAt !== undefined && <Freshness updatedAt={updatedAt} now={now} stale={failure !== undefined} />}
            {canOperate && (
              <Link
                href={pagePaths.createService(name)}
                className="inline-flex min-h-9 items-center justify-center rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink shadow-sm hover:bg-surface-sunken"
              >
                Create service
              </Link>
            )}
            {canOperate && (
              <Button
                variant="primary"
                onClick={() => {
                  running.reset();
                  setRunOpen(true);
                }}
              >
                Run task
              </Button>
            )}
            {canOperate && data?.cluster.ok && (
              <Button variant="danger" onClick={() => setDeleteOpen(true)}>
                Delete cluster
              </Button>
            )}
          </>
        }
      />
      <LiveFailure failure={failure} hasData={data !== undefined} what="cluster" />
      {data && (
        <NowContext value={now}>
          <Section id="services-title" title="Services" part={data.services} what="services">
            {(rows) => <ServicesTable cluster={name} services={rows} />}
          </Section>
          <section aria-labelledby="tasks-title" className="space-y-3">
            <h2 id="tasks-title" className="text-lg font-semibold">
              Tasks
            </h2>
            {running.result?.ok && <ActionResultNotice result={running.result} failureTitle="The tasks were not started" />}
            {/* The cluster's failure is already said above; a failure of the tasks alone is said here. */}
            {failure === undefined && <LiveFailure failure={tasks.failure} hasData={tasks.data !== undefined} what="tasks" />}
            {tasks.data ? (
              <TasksTable cluster={name} tasks={tasks.data.tasks} services={services.map((service) => service.name)} />
            ) : (
              !tasks.failure && <TasksLoading />
            )}
          </section>
        </NowContext>
      )}
      <p className="text-xs text-ink-muted">Refreshed every {POLL_MS / 1000} seconds. ECS keeps stopped tasks for about an hour.</p>
      {data?.cluster.ok && (
        <DeleteClusterDialog
          open={deleteOpen}
          onClose={() => setDeleteOpen(false)}
          target={{ cluster: name, services: data.cluster.value.activeServices, tasks: data.cluster.value.runningTasks + data.cluster.value.pendingTasks }}
        />
      )}
      <RunTaskDialog
        open={runOpen}
        onClose={() => setRunOpen(false)}
        cluster={name}
        header={data?.cluster}
        services={services}
        action={running}
      />
    </div>
  );
}
