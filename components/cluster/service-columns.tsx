import Link from "next/link";
import type { ReactNode } from "react";
import type { Column } from "@/components/resources/columns";
import { Badge, type Tone } from "@/components/ui/badge";
import { pagePaths } from "@/lib/query-keys";
import { rolloutStatus, type LoadBalancing, type RolloutKind, type ServiceRow } from "@/lib/view-models/clusters";
import { sentenceCase } from "./words";

const STATUS_TONES: Record<string, Tone> = { ACTIVE: "ok", DRAINING: "warn", INACTIVE: "neutral" };

const ROLLOUT_DOTS: Record<RolloutKind, string> = {
  "awaiting-approval": "bg-warn",
  deploying: "bg-info",
  failed: "bg-danger",
  steady: "bg-ok",
};

const ROLLOUT_TEXT: Record<RolloutKind, string> = {
  "awaiting-approval": "font-medium text-warn",
  deploying: "text-info",
  failed: "font-medium text-danger",
  steady: "text-ink-muted",
};

function loadBalancerText(entries: readonly LoadBalancing[]): string {
  return entries.map((entry) => [entry.loadBalancer, entry.targetGroup].filter(Boolean).join(" · ")).join(", ");
}

/** Two lines in one row: what matters, and a smaller line under it. */
function TwoLines({ first, second, className = "" }: { first: ReactNode; second?: ReactNode; className?: string }) {
  return (
    <>
      <span className={`block truncate ${className}`}>{first}</span>
      {second && (
        <span className="block truncate text-xs">
          {/* Heard, and copied, as one phrase: the lines are apart only on screen. */}
          <span className="sr-only">, </span>
          {second}
        </span>
      )}
    </>
  );
}

function Rollout({ service }: { service: ServiceRow }) {
  const { kind, headline, note, text } = rolloutStatus(service);
  return (
    <span title={text} className={`block ${ROLLOUT_TEXT[kind]}`}>
      <TwoLines
        first={
          <>
            <span aria-hidden="true" className={`mr-1.5 inline-block size-2 rounded-full align-middle ${ROLLOUT_DOTS[kind]}`} />
            {headline}
          </>
        }
        second={note}
      />
    </span>
  );
}

/** The load balancer, and the target group under it (alone, when ECS names only the group). */
function LoadBalancers({ entries }: { entries: readonly LoadBalancing[] }) {
  if (entries.length === 0) return "—";
  const [first] = entries;
  const more = entries.length > 1 ? ` +${entries.length - 1}` : "";
  return (
    <span title={loadBalancerText(entries)} className="block">
      {first.loadBalancer ? (
        <TwoLines first={first.loadBalancer + more} second={first.targetGroup && <span className="text-ink-muted">{first.targetGroup}</span>} />
      ) : (
        <TwoLines first={(first.targetGroup ?? "—") + more} />
      )}
    </span>
  );
}

const count = (value: number) => value.toLocaleString("en-US");

/** The services table of one cluster, declared: each service links to its page. */
export function serviceColumns(cluster: string): Column<ServiceRow>[] {
  return [
    {
      id: "name",
      header: "Service",
      width: 9,
      cell: (row) => (
        <Link prefetch={false} href={pagePaths.service(cluster, row.name)} title={row.name} className="font-medium text-link underline-offset-2 hover:underline">
          {row.name}
        </Link>
      ),
      sortValue: (row) => row.name,
      searchText: (row) => row.name,
    },
    {
      id: "rollout",
      // Second, so a phone shows which service awaits a decision without scrolling the table sideways.
      header: "Rollout",
      width: 10,
      cell: (row) => <Rollout service={row} />,
      sortValue: (row) => rolloutStatus(row).text,
      searchText: (row) => rolloutStatus(row).text,
    },
    {
      id: "status",
      header: "Status",
      width: 5.25,
      cell: (row) => (row.status ? <Badge tone={STATUS_TONES[row.status] ?? "neutral"}>{sentenceCase(row.status)}</Badge> : "—"),
      sortValue: (row) => row.status,
      searchText: (row) => row.status,
    },
    { id: "desired", header: "Desired", width: 5.25, align: "end", cell: (row) => count(row.desired), sortValue: (row) => row.desired, firstDirection: "descending" },
    { id: "running", header: "Running", width: 5.25, align: "end", cell: (row) => count(row.running), sortValue: (row) => row.running, firstDirection: "descending" },
    { id: "pending", header: "Pending", width: 5.25, align: "end", cell: (row) => count(row.pending), sortValue: (row) => row.pending, firstDirection: "descending" },
    {
      id: "revision",
      header: "Revision",
      width: 8,
      cell: (row) => (row.taskDefinition ? <span title={row.taskDefinition.label}>{row.taskDefinition.label}</span> : "—"),
      sortValue: (row) => row.taskDefinition?.label,
      searchText: (row) => row.taskDefinition?.label,
    },
    {
      id: "strategy",
      header: "Strategy",
      width: 8.5,
      // "Canary 10 % with approval" wraps onto a second line rather than losing its end.
      cell: (row) => (
        <span title={row.strategy} className="line-clamp-2 leading-[1.125rem] whitespace-normal">
          {row.strategy}
        </span>
      ),
      sortValue: (row) => row.strategy,
      searchText: (row) => row.strategy,
    },
    {
      id: "loadBalancer",
      header: "Load balancer",
      width: 9.5,
      cell: (row) => <LoadBalancers entries={row.loadBalancing} />,
      sortValue: (row) => loadBalancerText(row.loadBalancing),
      searchText: (row) => loadBalancerText(row.loadBalancing),
    },
  ];
}
