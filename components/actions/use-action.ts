"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { dashboardUnreachable } from "@/lib/live-read";
import { queryKeys } from "@/lib/query-keys";

/**
 * Calls a server action and keeps its answer for the form to show. When it succeeds, the live
 * views under `invalidate` (and the approvals) are read again at once, so the page shows what
 * changed without waiting for its next poll. A server that cannot be reached is an answer too, not a throw.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, invalidate: readonly QueryKey[] = []) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<T>>();

  async function run(input: I): Promise<ActionResult<T>> {
    setPending(true);
    setResult(undefined);
    let answer: ActionResult<T>;
    try {
      answer = await action(input);
    } catch (error) {
      answer = { ok: false, error: dashboardUnreachable(error instanceof Error ? error.message : undefined) };
    }
    setResult(answer);
    setPending(false);
    // Any change can end a pause somewhere: the approvals badge and inbox are read again too.
    if (answer.ok) await Promise.all([...invalidate, queryKeys.approvals()].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    return answer;
  }

  return { run, pending, result, reset: useCallback(() => setResult(undefined), []) };
}
