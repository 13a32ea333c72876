"use client";

import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

function savedTime(iso: string): string {
  const saved = new Date(iso);
  const today = saved.toDateString() === new Date().toDateString();
  return today ? saved.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : saved.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
}

/** Said when the page opens on a draft kept from before, with the way back to the revision as it is. */
export function RestoredDraftNotice({ savedAt, onDiscard }: { savedAt: string; onDiscard: () => void }) {
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-info/30 bg-info-soft px-4 py-2 text-sm">
      <p>
        Restored your unsaved draft from <time dateTime={savedAt}>{savedTime(savedAt)}</time>.
      </p>
      <Button onClick={onDiscard}>Discard draft</Button>
    </div>
  );
}

export function HiddenValuesNotice() {
  return (
    <Notice tone="info" title="Some values are hidden for your role">
      <p>Left as they are, they keep their current values.</p>
    </Notice>
  );
}
