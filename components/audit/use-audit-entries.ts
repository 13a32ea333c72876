"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchLive } from "@/components/live/fetch-live";
import { POLL_MS } from "@/components/live/use-live-view";
import { useNow } from "@/components/live/use-now";
import { auditFilterQuery, type AuditFilterFields } from "@/lib/audit/filter-params";
import type { AuditChoices, AuditEntry, AuditView } from "@/lib/audit/types";
import type { AwsFailure } from "@/lib/aws-errors";
import { LiveReadError, type LiveRead } from "@/lib/live-read";
import { liveReadPaths, queryKeys } from "@/lib/query-keys";

export interface AuditEntries {
  /** Every page loaded so far, newest first. */
  entries: AuditEntry[] | undefined;
  choices: AuditChoices | undefined;
  /** When the log began (ISO). */
  keptSince: string | undefined;
  failure: AwsFailure | undefined;
  updatedAt: number | undefined;
  now: number;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
}

function failureOf(error: Error | null): AwsFailure | undefined {
  if (!error) return undefined;
  if (error instanceof LiveReadError) return error.failure;
  return { code: "unknown", message: "The audit log could not be read.", detail: error.message };
}

/**
 * A filtered view of the audit log, polled like every live view. "Load older" adds a page at
 * the cursor; each poll reads the pages again from the newest, each from the one before's
 * cursor, so entries written meanwhile shift the pages without a gap or a repeat.
 */
export function useAuditEntries(fields: AuditFilterFields, initial: LiveRead<AuditView>): AuditEntries {
  const query = auditFilterQuery(fields);
  const result = useInfiniteQuery({
    queryKey: queryKeys.audit.entries(query),
    queryFn: ({ pageParam, signal }) => fetchLive<AuditView>(liveReadPaths.audit(auditFilterQuery(fields, { before: pageParam })), signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore,
    refetchInterval: POLL_MS,
    initialData: initial.ok ? { pages: [initial.value], pageParams: [undefined] } : undefined,
    initialDataUpdatedAt: initial.readAt,
  });
  const now = useNow(initial.readAt);
  const pages = result.data?.pages;
  const entries = useMemo(() => pages?.flatMap((page) => page.entries), [pages]);
  const failure = failureOf(result.error) ?? (!pages && !initial.ok ? initial.error : undefined);
  return {
    entries,
    choices: pages?.[0]?.choices,
    keptSince: pages?.[0]?.keptSince,
    failure,
    updatedAt: pages ? result.dataUpdatedAt : undefined,
    now,
    hasOlder: result.hasNextPage,
    loadingOlder: result.isFetchingNextPage,
    loadOlder: () => void result.fetchNextPage(),
  };
}
