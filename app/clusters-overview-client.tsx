"use client";

import { useQuery } from "@tanstack/react-query";
import { ApprovalsSummary } from "@/components/clusters/approvals-summary";
import { ClusterCard } from "@/components/clusters/cluster-card";
import { NoClusters } from "@/components/clusters/no-clusters";
import { fetchLive } from "@/components/live/fetch-live";
import { Freshness } from "@/components/live/freshness";
import { useNow } from "@/components/live/use-now";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import type { AwsFailure } from "@/lib/aws-errors";
import { LiveReadError, type LiveRead } from "@/lib/live-read";
import { liveReadPaths, queryKeys } from "@/lib/query-keys";
import { targetLabel, type TargetSummary } from "@/lib/target-summary";
import { awaitingApprovalAcrossClusters, type ClustersOverview } from "@/lib/view-models/clusters";

const POLL_MS = 3_000;

function failureOf(error: Error | null): AwsFailure | undefined {
  if (!error) return undefined;
  if (error instanceof LiveReadError) return error.failure;
  return { code: "unknown", message: "The clusters could not be read.", detail: error.message };
}

export function ClustersOverviewClient({ initial, target }: { initial: LiveRead<ClustersOverview>; target: TargetSummary }) {
  const query = useQuery({
    queryKey: queryKeys.clusters.overview(),
    queryFn: ({ signal }) => fetchLive<ClustersOverview>(liveReadPaths.clustersOverview, signal),
    refetchInterval: POLL_MS,
    initialData: initial.ok ? initial.value : undefined,
    initialDataUpdatedAt: initial.readAt,
  });
  const now = useNow(initial.readAt);
  const overview = query.data;
  // Until a poll settles, a first read that failed on the server is still the news.
  const failure = failureOf(query.error) ?? (!overview && !initial.ok ? initial.error : undefined);
  const updatedAt = overview ? query.dataUpdatedAt : undefined;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Clusters"
        description={`Every cluster in ${targetLabel(target)}, refreshed every ${POLL_MS / 1000} seconds.`}
        aside={updatedAt !== undefined && <Freshness updatedAt={updatedAt} now={now} stale={failure !== undefined} />}
      />
      {failure && (
        <Notice tone="danger" title={overview ? "Showing the last clusters read: refreshing failed" : "The clusters could not be read"} live>
          <FailureDetails failure={failure} />
          <p className="text-ink-muted">Trying again every {POLL_MS / 1000} seconds.</p>
        </Notice>
      )}
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
