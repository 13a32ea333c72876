"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchLive } from "@/components/live/fetch-live";
import type { AwsFailure } from "@/lib/aws-errors";
import { LiveReadError } from "@/lib/live-read";
import { pagePaths, queryKeys } from "@/lib/query-keys";
import type { DeployCandidate } from "@/lib/view-models/deploy-context";

/** The route beside the wizard's page that compares the running revision with the chosen one. */
function candidatePath(cluster: string, service: string, from: string, to: string): string {
  return `${pagePaths.deployService(cluster, service)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}

/** What deploying the existing revision `to` changes from `from`; read when the review step needs it, and kept: revisions do not change. */
export function useDeployCandidate(cluster: string, service: string, from: string, to: string | undefined) {
  const query = useQuery({
    queryKey: [...queryKeys.taskDefinitions.all(), "deploy-candidate", from, to ?? ""],
    queryFn: ({ signal }) => fetchLive<DeployCandidate>(candidatePath(cluster, service, from, to ?? ""), signal),
    enabled: Boolean(to),
    staleTime: Infinity,
    retry: false,
  });
  const failure: AwsFailure | undefined = query.error
    ? query.error instanceof LiveReadError
      ? query.error.failure
      : { code: "unknown", message: "The revisions could not be compared.", detail: query.error.message }
    : undefined;
  return { candidate: query.data, loading: Boolean(to) && query.isPending, failure };
}
