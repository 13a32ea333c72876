"use client";

import { useState } from "react";

/** Copies `value` to the clipboard and says so where a screen reader hears it. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // Browsers allow the clipboard only on secure origins and with permission.
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        className="rounded border border-line bg-surface px-2 py-0.5 text-xs font-medium text-ink hover:bg-surface-sunken"
      >
        {label}
      </button>
      <span role="status" className="text-xs text-ink-muted">
        {state === "copied" ? "Copied" : state === "failed" ? "Copying is blocked here: select the text instead." : ""}
      </span>
    </span>
  );
}
