"use client";

import type { Ref } from "react";

export interface SummaryItem {
  key: string;
  /** "Container 1 (app), port mapping 1": where the problem is, or "" for the task itself. */
  place: string;
  message: string;
  /** The id of the field (or the JSON editor) the message is about. */
  target: string;
}

/**
 * Every reason the draft was not registered, at the top, announced and focused after a submit;
 * each one a link that takes the person to its field.
 */
export function ErrorSummary({ items, onFollow, ref }: { items: SummaryItem[]; onFollow: (item: SummaryItem) => void; ref: Ref<HTMLDivElement> }) {
  if (items.length === 0) return null;
  return (
    <div ref={ref} role="alert" tabIndex={-1} aria-labelledby="error-summary-title" className="rounded-md border border-danger-line bg-danger-soft px-4 py-3 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-danger">
      <h2 id="error-summary-title" className="font-semibold text-danger">
        {items.length === 1 ? "1 thing needs attention before registering" : `${items.length} things need attention before registering`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {items.map((item) => (
          <li key={item.key}>
            <a
              href={`#${item.target}`}
              className="text-link underline underline-offset-2"
              onClick={(event) => {
                event.preventDefault();
                onFollow(item);
              }}
            >
              {item.place && `${item.place}: `}
              {item.message}
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-ink-muted">Nothing was sent to AWS. Your draft is kept.</p>
    </div>
  );
}
