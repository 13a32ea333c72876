"use client";

import { useEffect, useEffectEvent } from "react";
import { STEPS, type StepId, type WizardForm } from "./wizard-form";

/**
 * The wizard's place in the browser's history: each step a person moves to is an entry (with
 * `?step=` in the address) that holds the choices made so far, so Back and Forward go from step
 * to step with every choice kept, and a reload stays where it was. The native History API
 * is used, which Next's router follows without asking the server again.
 */
export interface WizardEntry {
  step: StepId;
  reached: number;
  form: WizardForm;
}

const KEY = "slipwayDeployWizard";

function entryOf(state: unknown): WizardEntry | undefined {
  const entry = (state as Record<string, unknown> | null)?.[KEY] as WizardEntry | undefined;
  return entry && STEPS.some((step) => step.id === entry.step) && typeof entry.reached === "number" && typeof entry.form === "object" ? entry : undefined;
}

function urlOf(step: StepId): string {
  const url = new URL(window.location.href);
  if (step === STEPS[0].id) url.searchParams.delete("step");
  else url.searchParams.set("step", step);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `restore` is called with the entry a reload, Back or Forward lands on. */
export function useWizardHistory(restore: (entry: WizardEntry) => void) {
  const onRestore = useEffectEvent(restore);

  useEffect(() => {
    const saved = entryOf(window.history.state);
    if (saved) onRestore(saved);
    const onPop = (event: PopStateEvent) => {
      const entry = entryOf(event.state);
      if (entry) onRestore(entry);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  return {
    /** Keeps the current entry up to date with the choices as they are now. */
    save(entry: WizardEntry) {
      window.history.replaceState({ ...window.history.state, [KEY]: entry }, "", urlOf(entry.step));
    },
    /** A new entry for the step moved to; the one left keeps its own choices. */
    move(from: WizardEntry, to: WizardEntry) {
      window.history.replaceState({ ...window.history.state, [KEY]: from }, "", urlOf(from.step));
      window.history.pushState({ [KEY]: to }, "", urlOf(to.step));
    },
  };
}
