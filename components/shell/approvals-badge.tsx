"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchLive } from "@/components/live/fetch-live";
import { liveReadPaths, queryKeys } from "@/lib/query-keys";
import type { ApprovalsInbox } from "@/lib/view-models/approvals-inbox";

/** The server reads the inbox once per 10 s however many browsers ask; asking more often would show nothing new. */
const BADGE_POLL_MS = 10_000;

/**
 * "Approvals" in the top bar, with how many deployments wait for a decision. The count is part
 * of the link's name ("Approvals, 1 waiting"); a failed read shows no count rather than a wrong one.
 */
export function ApprovalsLabel() {
  const { data } = useQuery({
    queryKey: queryKeys.approvals(),
    queryFn: ({ signal }) => fetchLive<ApprovalsInbox>(liveReadPaths.approvals, signal),
    refetchInterval: BADGE_POLL_MS,
    retry: false,
  });
  const waiting = data?.waiting.length ?? 0;
  if (waiting === 0) return <>Approvals</>;
  const count = waiting.toLocaleString("en-US");
  return (
    <>
      {/* The pill is a box of its own, which would put a space before the comma of the name read out: the name is given whole. */}
      <span aria-hidden="true" className="inline-flex items-center">
        Approvals
        <span className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-accent px-1.5 text-xs leading-5 font-semibold text-brand">{count}</span>
      </span>
      <span className="sr-only">Approvals, {count} waiting</span>
    </>
  );
}
