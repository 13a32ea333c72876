import type { ClusterHeader } from "@/lib/view-models/clusters";

/** A cluster's capacity providers and default strategy, as terms and their definitions. */
export function ClusterCapacity({ cluster, className = "" }: { cluster: Pick<ClusterHeader, "capacityProviders" | "defaultStrategyLabel">; className?: string }) {
  return (
    <dl className={`grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr] ${className}`}>
      <dt className="text-ink-muted">Capacity providers</dt>
      <dd className="[overflow-wrap:anywhere]">{cluster.capacityProviders.length ? cluster.capacityProviders.join(", ") : "None"}</dd>
      <dt className="mt-1 text-ink-muted sm:mt-0">Default strategy</dt>
      <dd className="[overflow-wrap:anywhere]">{cluster.defaultStrategyLabel}</dd>
    </dl>
  );
}
