"use client";

import type { ReactNode } from "react";

export type EditorView = "form" | "json";

const TABS: { view: EditorView; label: string }[] = [
  { view: "form", label: "Form" },
  { view: "json", label: "JSON" },
];

/**
 * Form and JSON side by side on a wide screen; on a narrow one, one at a time behind tabs.
 * Both stay mounted, so the JSON editor keeps its cursor and history across a switch.
 */
export function EditorTabs({ view, onView, form, json }: { view: EditorView; onView: (view: EditorView) => void; form: ReactNode; json: ReactNode }) {
  return (
    <div className="lg:grid lg:grid-cols-2 lg:items-start lg:gap-6">
      <div role="tablist" aria-label="Edit as" className="mb-4 flex gap-1 rounded-lg border border-line bg-surface-sunken p-1 lg:hidden">
        {TABS.map((tab) => (
          <button
            key={tab.view}
            type="button"
            role="tab"
            id={`editor-tab-${tab.view}`}
            aria-controls={`editor-panel-${tab.view}`}
            aria-selected={view === tab.view}
            tabIndex={view === tab.view ? 0 : -1}
            onClick={() => onView(tab.view)}
            onKeyDown={(event) => {
              if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
                const next = view === "form" ? "json" : "form";
                onView(next);
                document.getElementById(`editor-tab-${next}`)?.focus();
              }
            }}
            className="flex-1 rounded-md px-3 py-1.5 text-sm font-medium text-ink-muted aria-selected:bg-surface aria-selected:text-ink aria-selected:shadow-sm"
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div id="editor-panel-form" role="tabpanel" aria-labelledby="editor-tab-form" className={view === "form" ? "" : "hidden lg:block"}>
        {form}
      </div>
      <div id="editor-panel-json" role="tabpanel" aria-labelledby="editor-tab-json" className={`lg:sticky lg:top-4 ${view === "json" ? "" : "hidden lg:block"}`}>
        {json}
      </div>
    </div>
  );
}
