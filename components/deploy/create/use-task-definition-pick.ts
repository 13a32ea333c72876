"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchLive } from "@/components/live/fetch-live";
import { LiveReadError } from "@/lib/live-read";
import { queryKeys } from "@/lib/query-keys";
import type { AwsFailure } from "@/lib/aws-errors";
import type { TaskDefinitionPick } from "@/lib/view-models/load-balancing-create";

/** Revisions change rarely while a form is open. */
const STALE_MS = 60_000;

export function taskDefinitionPickPath(cluster: string, family: string, revision: string): string {
  const query = new URLSearchParams({ family, ...(revision ? { revision } : {}) });
  return `/clusters/${encodeURIComponent(cluster)}/create-service/task-definition?${query}`;
}

/** A family's revisions and the chosen one's container ports; nothing is read before a family is chosen. */
export function useTaskDefinitionPick(cluster: string, family: string, revision: string) {
  const query = useQuery({
    queryKey: [...queryKeys.taskDefinitions.all(), "pick", family, revision],
    queryFn: ({ signal }) => fetchLive<TaskDefinitionPick>(taskDefinitionPickPath(cluster, family, revision), signal),
    enabled: family !== "",
    staleTime: STALE_MS,
    retry: false,
  });
  const failure: AwsFailure | undefined = query.error
    ? query.error instanceof LiveReadError
      ? query.error.failure
      : { code: "unknown", message: "The task definition could not be read.", detail: query.error.message }
    : undefined;
  return { pick: query.data, loading: family !== "" && query.isPending, failure };
}
