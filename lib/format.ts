/**
 * Durations, relative times and counts as a person reads them. Pure: the caller passes "now"
 * (from its one clock), so a page and its tests agree on what time it is.
 */

const UNITS = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["min", 60_000],
  ["s", 1_000],
] as const;

/** "45 s", "1 min 30 s", "2 h 5 min", "3 d": the largest unit and, when not zero, the next. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  const total = Math.abs(ms);
  const index = UNITS.findIndex(([, size]) => total >= size);
  if (index < 0) return "0 s";
  const [unit, size] = UNITS[index];
  const whole = Math.floor(total / size);
  const next = UNITS[index + 1];
  const rest = next ? Math.floor((total - whole * size) / next[1]) : 0;
  return rest > 0 ? `${whole} ${unit} ${rest} ${next[0]}` : `${whole} ${unit}`;
}

/** "3 min ago", "in 9 h" (largest unit only), "just now" within a second; "—" for no time. */
export function formatRelativeTime(iso: string | undefined, now: Date | number): string {
  const then = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(then)) return "—";
  const diff = then - (typeof now === "number" ? now : now.getTime());
  const [unit, size] = UNITS.find(([, unitSize]) => Math.abs(diff) >= unitSize) ?? [];
  if (!unit || !size) return "just now";
  const amount = `${Math.floor(Math.abs(diff) / size)} ${unit}`;
  return diff < 0 ? `${amount} ago` : `in ${amount}`;
}

/** "1 task", "1,204 tasks", "0 services". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : plural}`;
}

/** A service's tasks as its tables show them: "2 / 3 running · 1 pending". */
export function formatTaskCounts(counts: { desired: number; running: number; pending: number }): string {
  const running = `${counts.running.toLocaleString("en-US")} / ${counts.desired.toLocaleString("en-US")} running`;
  return counts.pending > 0 ? `${running} · ${counts.pending.toLocaleString("en-US")} pending` : running;
}
