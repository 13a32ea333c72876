"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { AwsFailure } from "@/lib/aws-errors";
import type { LiveRead } from "@/lib/live-read";
import { liveReadPaths, queryKeys } from "@/lib/query-keys";
import type { RolloutRead, RolloutView } from "@/lib/view-models/rollout";
import { fetchLive } from "@/components/live/fetch-live";
import { useNow } from "@/components/live/use-now";
import { failureOf, notFound } from "@/components/live/use-live-view";

/**
 * A rollout is polled every second: a poll reads what the server's sampler has (no AWS call of
 * its own), so a change at ECS shows within about two seconds. Each poll brings only the
 * samples after the last one the browser has; the chart keeps them all.
 */
export const ROLLOUT_POLL_MS = 1_000;

export interface RolloutLive {
  view: RolloutView | undefined;
  failure: AwsFailure | undefined;
  updatedAt: number | undefined;
  now: number;
}

function merged(previous: RolloutView | undefined, next: RolloutView): RolloutView {
  if (!previous) return next;
  const last = previous.samples.at(-1)?.at;
  const newer = last ? next.samples.filter((sample) => sample.at > last) : next.samples;
  return { ...next, samples: newer.length > 0 ? [...previous.samples, ...newer] : previous.samples };
}

/** The server shell's first read: readLive answers ok only for a read without an error. */
function firstView(initial: LiveRead<RolloutRead>): RolloutView | undefined {
  if (!initial.ok) return undefined;
  const value = initial.value;
  return value.error === undefined ? value : undefined;
}

export function useRolloutView(cluster: string, service: string, deploymentId: string, initial: LiveRead<RolloutRead>): RolloutLive {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.clusters.deployment(cluster, service, deploymentId);
  const query = useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const previous = queryClient.getQueryData<RolloutView>(queryKey);
      const next = await fetchLive<RolloutView>(liveReadPaths.deployment(cluster, service, deploymentId, previous?.samples.at(-1)?.at), signal);
      return merged(previous, next);
    },
    retry: (failures, error) => failures < 1 && !notFound(error),
    refetchInterval: (state) => (state.state.data === undefined && notFound(state.state.error) ? false : ROLLOUT_POLL_MS),
    initialData: firstView(initial),
    initialDataUpdatedAt: initial.readAt,
  });
  const now = useNow(initial.readAt);
  const view = query.data;
  const failure = failureOf(query.error, "The deployment") ?? (!view && !initial.ok ? initial.error : view?.staleBecause);
  return { view, failure, updatedAt: view ? query.dataUpdatedAt : undefined, now };
}
