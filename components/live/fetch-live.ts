import { dashboardUnreachable, failureOfResponse, LiveReadError } from "@/lib/live-read";

/**
 * A React Query `queryFn` for a live view's GET route handler: the view on 200, else a
 * LiveReadError carrying the failure to show. Aborts (React Query cancelling) pass through.
 */
export async function fetchLive<T>(path: string, signal: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new LiveReadError(dashboardUnreachable(error instanceof Error ? error.message : undefined));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || body === undefined) throw new LiveReadError(failureOfResponse(response.status, body));
  return body as T;
}
