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
  const count = waiting.toLocaleString("en-US");
  return (
    <>
      {/* A phone's bar has room for a mark, not the word; the link's name below says it whole, count and all. */}
      <span aria-hidden="true" className="relative inline-flex sm:hidden">
        <InboxMark />
        {waiting > 0 && <Count className="absolute -top-2 -right-2.5">{count}</Count>}
      </span>
      <span aria-hidden="true" className="hidden items-center sm:inline-flex">
        Approvals
        {waiting > 0 && <Count className="ml-1.5">{count}</Count>}
      </span>
      <span className="sr-only">{waiting > 0 ? `Approvals, ${count} waiting` : "Approvals"}</span>
    </>
  );
}

function Count({ className, children }: { className: string; children: string }) {
  return (
    <span className={`inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-accent px-1.5 text-xs font-semibold text-brand ${className}`}>{children}</span>
  );
}

/** A tray with a tick: where decisions wait. */
function InboxMark() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M3 13h4l2 3h6l2-3h4" />
      <path d="M5 13 7 5h10l2 8v6H5z" />
      <path d="m9.5 9 2 2 3.5-3.5" />
    </svg>
  );
}
