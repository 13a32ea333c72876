import Link from "next/link";
import { useId } from "react";
import { pagePaths } from "@/lib/query-keys";
import type { ClusterSummary } from "@/lib/view-models/clusters";
import { Badge, type Tone } from "@/components/ui/badge";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { StatList } from "@/components/ui/stat-list";
import { ClusterCapacity } from "./cluster-capacity";
import { RolloutItem } from "./rollout-item";

const STATUS_TONES: Record<string, Tone> = {
  ACTIVE: "ok",
  PROVISIONING: "info",
  DEPROVISIONING: "warn",
  FAILED: "danger",
};

function statusWord(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

/** One cluster on the overview: its counts, its capacity, and the services it is deploying. */
export function ClusterCard({ cluster, now }: { cluster: ClusterSummary; now: number }) {
  const titleId = useId();
  const rolloutsId = useId();
  const count = (n: number) => n.toLocaleString("en-US");
  return (
    <article aria-labelledby={titleId} className="flex h-full flex-col gap-4 rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5">
      <header className="flex items-start justify-between gap-3">
        <h2 id={titleId} className="min-w-0 text-lg font-semibold [overflow-wrap:anywhere]">
          <Link href={pagePaths.cluster(cluster.name)} className="text-link underline-offset-2 hover:underline">
            {cluster.name}
          </Link>
        </h2>
        {cluster.status && <Badge tone={STATUS_TONES[cluster.status] ?? "neutral"}>{statusWord(cluster.status)}</Badge>}
      </header>

      <StatList
        stats={[
          { label: "Services", value: count(cluster.activeServices) },
          { label: "Running tasks", value: count(cluster.runningTasks) },
          { label: "Pending tasks", value: count(cluster.pendingTasks) },
        ]}
      />

      <ClusterCapacity cluster={cluster} />

      {cluster.error ? (
        <Notice tone="danger" title="Its services could not be read">
          <FailureDetails failure={cluster.error} />
        </Notice>
      ) : (
        <section aria-labelledby={rolloutsId}>
          <h3 id={rolloutsId} className="text-sm font-semibold">
            Deployments in progress
          </h3>
          {cluster.rollouts.length > 0 ? (
            <ul className="mt-2 space-y-2">
              {cluster.rollouts.map((service) => (
                <RolloutItem key={service.arn || service.name} cluster={cluster.name} service={service} now={now} />
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-ink-muted">No service is deploying right now.</p>
          )}
        </section>
      )}
    </article>
  );
}
