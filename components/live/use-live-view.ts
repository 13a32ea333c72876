"use client";

import { useQuery, type QueryKey } from "@tanstack/react-query";
import type { AwsFailure } from "@/lib/aws-errors";
import { LiveReadError, type LiveRead } from "@/lib/live-read";
import { fetchLive } from "./fetch-live";
import { useNow } from "./use-now";

/** Every live view polls this often; a view says so in its description. */
export const POLL_MS = 3_000;

export interface LiveView<T> {
  /** The latest view read, kept when a later refresh fails. */
  data: T | undefined;
  /** Why the latest refresh (or, before any succeeded, the server's first read) failed. */
  failure: AwsFailure | undefined;
  /** When `data` was read, for "Updated N s ago"; undefined before anything was. */
  updatedAt: number | undefined;
  /** The browser's clock, ticking every second. */
  now: number;
}

/** A read AWS answered "not found": asking again will not make it appear. */
export function notFound(error: Error | null): boolean {
  return error instanceof LiveReadError && error.failure.code === "not-found";
}

/** What a failed poll tells the person; `what` names the view ("The deployment"). */
export function failureOf(error: Error | null, what: string): AwsFailure | undefined {
  if (!error) return undefined;
  if (error instanceof LiveReadError) return error.failure;
  return { code: "unknown", message: `${what} could not be read.`, detail: error.message };
}

/**
 * A live view's data: the server shell's first read, then a poll of its GET route handler
 * every POLL_MS. Without a first read (a part the server leaves to the browser), the first
 * poll starts at once; `serverNow` is then the time the server rendered at. `what` names the
 * view in messages ("The cluster").
 */
export function useLiveView<T>({
  queryKey,
  path,
  initial,
  serverNow,
  what,
}: {
  queryKey: QueryKey;
  path: string;
  initial: LiveRead<T> | undefined;
  serverNow?: number;
  what: string;
}): LiveView<T> {
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchLive<T>(path, signal),
    // A resource AWS does not know will not appear by being asked again: no retry, no polling.
    retry: (failures, error) => failures < 1 && !notFound(error),
    refetchInterval: (query) => (query.state.data === undefined && notFound(query.state.error) ? false : POLL_MS),
    initialData: initial?.ok ? initial.value : undefined,
    initialDataUpdatedAt: initial?.readAt,
  });
  const now = useNow(initial?.readAt ?? serverNow ?? 0);
  const data = query.data;
  // Until a poll settles, a first read that failed on the server is still the news.
  const failure = failureOf(query.error, what) ?? (!data && initial && !initial.ok ? initial.error : undefined);
  return { data, failure, updatedAt: data ? query.dataUpdatedAt : undefined, now };
}
