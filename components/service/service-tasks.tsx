import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { formatCount } from "@/lib/format";
import { taskHealthText, taskStatusText } from "@/lib/service-status-text";
import type { Part } from "@/lib/view-models/common";
import type { ServiceTasks as Tasks } from "@/lib/view-models/service-detail";
import type { StoppedTaskRow, TaskGroup } from "@/lib/view-models/tasks";
import { PartFailure } from "./part-failure";
import { RelativeTime } from "./relative-time";
import { Section } from "./section";
import { Cell, Table, TaskIdLink } from "./table";

function groupCounts(group: TaskGroup): string {
  const parts = [`${group.running.toLocaleString("en-US")} running`];
  if (group.starting > 0) parts.push(`${group.starting.toLocaleString("en-US")} starting`);
  if (group.unhealthy > 0) parts.push(`${group.unhealthy.toLocaleString("en-US")} unhealthy`);
  return parts.join(" · ");
}

function RevisionGroup({ cluster, group, now }: { cluster: string; group: TaskGroup; now: number }) {
  const titleId = useId();
  const label = group.taskDefinition?.label ?? "Unknown task definition";
  return (
    <section aria-labelledby={titleId} className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id={titleId} className="font-semibold">
          {label}
        </h3>
        <span className="text-sm text-ink-muted">{groupCounts(group)}</span>
      </div>
      <Table caption={`Tasks of ${label}`} head={["Task", "Status", "Health", "Started", "Capacity", "Zone"]}>
        {group.tasks.map((task) => {
          const status = taskStatusText(task.lastStatus);
          const health = taskHealthText(task.health);
          return (
            <tr key={task.arn}>
              <Cell nowrap>
                <TaskIdLink cluster={cluster} taskId={task.id} />
              </Cell>
              <Cell nowrap>
                <Badge tone={status.tone}>{status.label}</Badge>
              </Cell>
              <Cell nowrap>{health ? <Badge tone={health.tone}>{health.label}</Badge> : <span className="text-ink-muted">—</span>}</Cell>
              <Cell nowrap>
                <RelativeTime iso={task.startedAt} now={now} />
              </Cell>
              <Cell nowrap>{task.capacity ?? "—"}</Cell>
              <Cell nowrap>{task.availabilityZone ?? "—"}</Cell>
            </tr>
          );
        })}
      </Table>
    </section>
  );
}

function exits(task: StoppedTaskRow): string | undefined {
  const exited = task.containers.filter((container) => container.exitCode !== undefined || container.reason);
  if (exited.length === 0) return undefined;
  return exited.map((container) => `${container.name} exited ${container.exitCode ?? "?"}${container.reason ? ` (${container.reason})` : ""}`).join("; ");
}

function StoppedTasks({ cluster, stopped, now }: { cluster: string; stopped: readonly StoppedTaskRow[]; now: number }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id={titleId} className="font-semibold">
          Stopped tasks
        </h3>
        <span className="text-sm text-ink-muted">ECS keeps them for about an hour</span>
      </div>
      {stopped.length === 0 ? (
        <p className="text-sm text-ink-muted">None stopped recently.</p>
      ) : (
        <Table caption="Stopped tasks, most recent first" head={["Task", "Stopped", "Stop code", "Reason", "Revision"]}>
          {stopped.map((task) => {
            const exit = exits(task);
            return (
              <tr key={task.arn}>
                <Cell nowrap>
                  <TaskIdLink cluster={cluster} taskId={task.id} />
                </Cell>
                <Cell nowrap>{task.stoppedAt ? <RelativeTime iso={task.stoppedAt} now={now} /> : taskStatusText(task.lastStatus).label}</Cell>
                <Cell nowrap className="font-mono text-xs">
                  {task.stopCode ?? "—"}
                </Cell>
                <Cell className="min-w-64">
                  {task.stoppedReason ?? "—"}
                  {exit && <span className="block text-xs text-ink-muted">{exit}</span>}
                </Cell>
                <Cell nowrap>{task.taskDefinition?.label ?? "—"}</Cell>
              </tr>
            );
          })}
        </Table>
      )}
    </section>
  );
}

/** The service's tasks by task definition revision, then the ones that stopped and why. */
export function ServiceTasks({ cluster, tasks, now }: { cluster: string; tasks: Part<Tasks>; now: number }) {
  if (!tasks.ok) {
    return (
      <Section title="Tasks">
        <PartFailure what="The tasks" error={tasks.error} />
      </Section>
    );
  }
  const { byRevision, stopped } = tasks.value;
  const total = byRevision.reduce((sum, group) => sum + group.tasks.length, 0);
  return (
    <Section title="Tasks" aside={`${formatCount(total, "task")} by revision`}>
      {byRevision.length === 0 && <p className="text-sm text-ink-muted">No tasks are running or starting.</p>}
      <div className="space-y-6">
        {byRevision.map((group) => (
          <RevisionGroup key={group.taskDefinition?.arn ?? "unknown"} cluster={cluster} group={group} now={now} />
        ))}
        <StoppedTasks cluster={cluster} stopped={stopped} now={now} />
      </div>
    </Section>
  );
}
