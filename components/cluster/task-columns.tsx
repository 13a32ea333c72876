import Link from "next/link";
import type { Column } from "@/components/resources/columns";
import { pagePaths } from "@/lib/query-keys";
import { shortTaskId } from "@/lib/view-models/clusters-run-task";
import type { TaskRow } from "@/lib/view-models/tasks";
import { TimeAgo } from "./time-ago";
import { sentenceCase, stopCodeText } from "./words";

const STATUS_DOTS: Record<string, string> = {
  RUNNING: "bg-ok",
  STOPPED: "bg-line",
  DEPROVISIONING: "bg-warn",
  STOPPING: "bg-warn",
  DEACTIVATING: "bg-warn",
};

const HEALTH_TEXT: Record<string, string> = { HEALTHY: "text-ok", UNHEALTHY: "font-medium text-danger", UNKNOWN: "text-ink-muted" };

function LastStatus({ status }: { status: string | undefined }) {
  if (!status) return <span className="text-ink-muted">—</span>;
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${STATUS_DOTS[status] ?? "bg-info"}`} />
      {sentenceCase(status)}
    </span>
  );
}

const none = <span className="text-ink-muted">—</span>;

/** The columns every view of the tasks shows. */
function runningColumns(cluster: string): Column<TaskRow>[] {
  return [
    {
      id: "task",
      header: "Task",
      width: 6,
      cell: (row) => (
        <Link prefetch={false} href={pagePaths.task(cluster, row.id)} title={row.id} className="font-mono text-link underline-offset-2 hover:underline">
          {shortTaskId(row.id)}
        </Link>
      ),
      sortValue: (row) => row.id,
      searchText: (row) => row.id,
    },
    {
      id: "service",
      header: "Service",
      width: 7,
      cell: (row) =>
        row.service ? (
          <Link prefetch={false} href={pagePaths.service(cluster, row.service)} title={row.service} className="text-link underline-offset-2 hover:underline">
            {row.service}
          </Link>
        ) : (
          none
        ),
      sortValue: (row) => row.service,
      searchText: (row) => row.service,
    },
    {
      id: "revision",
      header: "Revision",
      width: 6.5,
      cell: (row) => (row.taskDefinition ? <span title={row.taskDefinition.label}>{row.taskDefinition.label}</span> : none),
      sortValue: (row) => row.taskDefinition?.label,
      searchText: (row) => row.taskDefinition?.label,
    },
    {
      id: "lastStatus",
      header: "Last status",
      width: 7,
      cell: (row) => <LastStatus status={row.lastStatus} />,
      sortValue: (row) => row.lastStatus,
      searchText: (row) => row.lastStatus,
    },
    {
      id: "desiredStatus",
      header: "Desired",
      width: 5.75,
      cell: (row) => (row.desiredStatus ? sentenceCase(row.desiredStatus) : none),
      sortValue: (row) => row.desiredStatus,
    },
    {
      id: "health",
      header: "Health",
      width: 6,
      cell: (row) => (row.health ? <span className={HEALTH_TEXT[row.health]}>{sentenceCase(row.health)}</span> : none),
      sortValue: (row) => row.health,
      searchText: (row) => row.health,
    },
    {
      id: "capacity",
      header: "Capacity",
      width: 8.5,
      cell: (row) => row.capacity ?? none,
      sortValue: (row) => row.capacity,
      searchText: (row) => row.capacity,
    },
    {
      id: "started",
      header: "Started",
      width: 6.25,
      // A task still starting sorts by when it was asked for: it is newer than every started one.
      cell: (row) => <TimeAgo iso={row.startedAt} />,
      sortValue: (row) => row.startedAt ?? row.createdAt,
      firstDirection: "descending",
    },
  ];
}

/** Only stopped tasks have these to show. */
function stoppedColumns(): Column<TaskRow>[] {
  return [
    {
      id: "stopped",
      header: "Stopped",
      width: 6.25,
      cell: (row) => <TimeAgo iso={row.stoppedAt} />,
      sortValue: (row) => row.stoppedAt,
      firstDirection: "descending",
    },
    {
      id: "stopCode",
      header: "Stop code",
      width: 9.5,
      cell: (row) =>
        row.stopCode ? <span title={[row.stopCode, row.stoppedReason].filter(Boolean).join(": ")}>{stopCodeText(row.stopCode)}</span> : none,
      sortValue: (row) => row.stopCode && stopCodeText(row.stopCode),
      searchText: (row) => [row.stopCode, row.stoppedReason].filter(Boolean).join(" "),
    },
  ];
}

/** The tasks table of one cluster, declared; the stop columns only when stopped tasks can show. */
export function taskColumns(cluster: string, withStopped: boolean): Column<TaskRow>[] {
  return withStopped ? [...runningColumns(cluster), ...stoppedColumns()] : runningColumns(cluster);
}
