"use client";

import { createContext, use } from "react";
import { formatRelativeTime } from "@/lib/format";

/**
 * The page's clock for table cells. Columns are declared once, so a cell cannot close over
 * "now"; it reads it here, and only the rows on screen re-render as it ticks.
 */
export const NowContext = createContext(0);

/**
 * "3 min ago", with the exact time (UTC, the same on server and browser) on hover. A time a
 * little ahead of the browser's clock (AWS's clock, or local ECS's when it runs faster) reads "just now".
 */
export function TimeAgo({ iso }: { iso: string | undefined }) {
  const now = use(NowContext);
  if (!iso) return <span className="text-ink-muted">—</span>;
  return (
    <time dateTime={iso} title={`${iso.slice(0, 19).replace("T", " ")} UTC`}>
      {formatRelativeTime(iso, Math.max(now, Date.parse(iso)))}
    </time>
  );
}
