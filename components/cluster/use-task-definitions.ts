"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchLive } from "@/components/live/fetch-live";
import { LiveReadError } from "@/lib/live-read";
import { liveReadPaths, queryKeys } from "@/lib/query-keys";
import type { AwsFailure } from "@/lib/aws-errors";
import type { TaskDefinitionFamilies, TaskDefinitionNeeds } from "@/lib/view-models/clusters-run-task";

/** Task definitions change rarely while a form is open: read once a minute at most. */
const STALE_MS = 60_000;

function failureOf(error: Error | null): AwsFailure | undefined {
  if (!error) return undefined;
  return error instanceof LiveReadError ? error.failure : { code: "unknown", message: "The task definitions could not be read.", detail: error.message };
}

/** The families "Run task" offers, read when the form opens. */
export function useTaskDefinitionFamilies(enabled: boolean) {
  const query = useQuery({
    queryKey: queryKeys.taskDefinitions.families(),
    queryFn: ({ signal }) => fetchLive<TaskDefinitionFamilies>(liveReadPaths.taskDefinitionFamilies, signal),
    enabled,
    staleTime: STALE_MS,
  });
  return { families: query.data?.families, loading: query.isPending && enabled, failure: failureOf(query.error) };
}

/** What a family (its latest ACTIVE revision) or a revision needs; nothing is read for no reference. */
export function useTaskDefinitionNeeds(reference: string | undefined) {
  const query = useQuery({
    queryKey: queryKeys.taskDefinitions.needs(reference ?? ""),
    queryFn: ({ signal }) => fetchLive<TaskDefinitionNeeds>(liveReadPaths.taskDefinitionNeeds(reference ?? ""), signal),
    enabled: Boolean(reference),
    staleTime: STALE_MS,
    // A reference that names nothing will not name something a second later.
    retry: false,
  });
  return { needs: query.data, loading: Boolean(reference) && query.isPending, failure: failureOf(query.error) };
}
