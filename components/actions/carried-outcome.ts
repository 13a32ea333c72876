"use client";

import { useEffect, useState } from "react";
import type { ActionResult } from "@/lib/action-result";

/**
 * An action's answer carried to the page the person is sent to next (a deleted cluster's page
 * has nothing left to show it on). Held in this tab's memory across a client-side navigation,
 * shown once by the page that takes it; never in the URL, where anyone could write one.
 */
let carried: ActionResult<unknown> | undefined;

export function carryOutcome(result: ActionResult<unknown>): void {
  carried = result;
}

/**
 * The carried answer, taken once by the first page that shows it. Taken when the page is
 * committed, not while it renders: React may render a page, throw that render away (a busy
 * tab, a newer update) and render it again, and the second render must still find it.
 */
export function useCarriedOutcome(): ActionResult<unknown> | undefined {
  const [outcome] = useState(() => carried);
  useEffect(() => {
    if (outcome && carried === outcome) carried = undefined;
  }, [outcome]);
  return outcome;
}
