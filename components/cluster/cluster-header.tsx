import type { ReactNode } from "react";
import { ClusterCapacity } from "@/components/clusters/cluster-capacity";
import { Badge, type Tone } from "@/components/ui/badge";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { StatList } from "@/components/ui/stat-list";
import type { ClusterHeader } from "@/lib/view-models/clusters";
import type { Part } from "@/lib/view-models/common";
import { ClusterBreadcrumb } from "./breadcrumb";
import { sentenceCase } from "./words";

const STATUS_TONES: Record<string, Tone> = { ACTIVE: "ok", PROVISIONING: "info", DEPROVISIONING: "warn", FAILED: "danger", INACTIVE: "neutral" };

/**
 * The cluster's name, status, capacity and counts, with the page's status and actions on the
 * right. Without `header` (nothing read yet) only the name shows; the page says why.
 */
export function ClusterHeaderView({ name, header, aside }: { name: string; header: Part<ClusterHeader> | undefined; aside: ReactNode }) {
  const count = (n: number) => n.toLocaleString("en-US");
  return (
    <header className="space-y-4">
      <ClusterBreadcrumb cluster={name} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between sm:gap-6">
        <div className="flex min-w-0 flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{name}</h1>
          {header?.ok && header.value.status && <Badge tone={STATUS_TONES[header.value.status] ?? "neutral"}>{sentenceCase(header.value.status)}</Badge>}
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-x-4 gap-y-2">{aside}</div>
      </div>
      {header?.ok ? (
        <div className="grid gap-4 rounded-lg border border-line bg-surface p-4 shadow-sm lg:grid-cols-[minmax(0,26rem)_1fr] lg:gap-8">
          <StatList
            stats={[
              { label: "Services", value: count(header.value.activeServices) },
              { label: "Running tasks", value: count(header.value.runningTasks) },
              { label: "Pending tasks", value: count(header.value.pendingTasks) },
            ]}
          />
          <ClusterCapacity cluster={header.value} className="content-center" />
        </div>
      ) : (
        header && (
          <Notice tone="danger" title="The cluster’s details could not be read">
            <FailureDetails failure={header.error} />
          </Notice>
        )
      )}
    </header>
  );
}
