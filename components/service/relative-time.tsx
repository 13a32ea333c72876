import { formatRelativeTime } from "@/lib/format";
import { formatTimestamp } from "@/lib/timestamp";

/**
 * "3 min ago", with the exact time (UTC) a hover away and in the markup. Things that happened
 * are never "in 2 s": an AWS clock a little ahead of the browser's reads as just now.
 */
export function RelativeTime({ iso, now }: { iso: string | undefined; now: number }) {
  const then = iso ? Date.parse(iso) : NaN;
  if (!iso || Number.isNaN(then)) return <span>—</span>;
  return (
    <time dateTime={iso} title={formatTimestamp(iso)}>
      {formatRelativeTime(new Date(Math.min(then, now)).toISOString(), now)}
    </time>
  );
}
