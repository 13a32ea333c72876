"use client";

import { useState } from "react";
import { useCan } from "@/components/auth/permissions-context";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useCarriedOutcome } from "@/components/actions/carried-outcome";
import { ApprovalsSummary } from "@/components/clusters/approvals-summary";
import { ClusterCard } from "@/components/clusters/cluster-card";
import { CreateClusterDialog } from "@/components/clusters/create-cluster-dialog";
import { NoClusters } from "@/components/clusters/no-clusters";
import { Freshness } from "@/components/live/freshness";
import { LiveFailure } from "@/components/live/live-status";
import { POLL_MS, useLiveView } from "@/components/live/use-live-view";
import { PageHeader } from "@/components/ui/page-header";
import type { ActionResult } from "@/lib/action-result";
import type { LiveRead } from "@/lib/live-read";
import { liveReadPaths, queryKeys } from "@/lib/query-keys";
import { targetLabel, type TargetSummary } from "@/lib/target-summary";
import { awaitingApprovalAcrossClusters, type ClustersOverview } from "@/lib/view-models/clusters";

export function ClustersOverviewClient({ initial, target }: { initial: LiveRead<ClustersOverview>; target: TargetSummary }) {
  const canOperate = useCan("operate");
  const { data: overview, failure, updatedAt, now } = useLiveView({
    queryKey: queryKeys.clusters.overview(),
    path: liveReadPaths.clustersOverview,
    initial,
    what: "The clusters",
  });
  const [created, setCreated] = useState<ActionResult<unknown>>();
  // A cluster deleted from its own page: its answer is shown here, where the person was sent.
  const deleted = useCarriedOutcome();

  return (
    <div className="space-y-6">
      <PageHeader
        title="Clusters"
        description={`Every cluster in ${targetLabel(target)}, refreshed every ${POLL_MS / 1000} seconds.`}
        aside={
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:justify-end">
            {updatedAt !== undefined && <Freshness updatedAt={updatedAt} now={now} stale={failure !== undefined} />}
            {canOperate && <CreateClusterDialog onCreated={setCreated} />}
          </div>
        }
      />
      <ActionResultNotice result={created ?? deleted} failureTitle="The cluster was not created" />
      <LiveFailure failure={failure} hasData={overview !== undefined} what="clusters" />
      {overview && <OverviewBody overview={overview} target={target} now={now} />}
    </div>
  );
}

function OverviewBody({ overview, target, now }: { overview: ClustersOverview; target: TargetSummary; now: number }) {
  if (overview.clusters.length === 0) return <NoClusters target={target} />;
  const waiting = awaitingApprovalAcrossClusters(overview);
  return (
    <>
      {waiting.length > 0 && <ApprovalsSummary waiting={waiting} now={now} />}
      <ul aria-label="Clusters" className="grid gap-4 lg:grid-cols-2">
        {overview.clusters.map((cluster) => (
          <li key={cluster.arn || cluster.name}>
            <ClusterCard cluster={cluster} now={now} />
          </li>
        ))}
      </ul>
    </>
  );
}
