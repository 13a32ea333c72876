import { formatRelativeTime } from "@/lib/format";

/**
 * "Updated 3 s ago", ticking. Not a live region: a screen reader would announce it every
 * second. A failed refresh is announced by the stale notice beside the data instead.
 */
export function Freshness({ updatedAt, now, stale }: { updatedAt: number; now: number; stale: boolean }) {
  // A server clock a little ahead of the browser's must not read "in 1 s".
  const iso = new Date(Math.min(updatedAt, now)).toISOString();
  return (
    <p className={`flex items-center gap-2 text-sm ${stale ? "font-medium text-warn" : "text-ink-muted"}`}>
      <span aria-hidden="true" className={`size-2 rounded-full ${stale ? "bg-warn" : "bg-ok"}`} />
      <span>
        Updated <time dateTime={iso}>{formatRelativeTime(iso, now)}</time>
        {stale && " · stale"}
      </span>
    </p>
  );
}
