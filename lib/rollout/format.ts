import { formatDuration } from "@/lib/format";
import type { HealthBasis } from "./sample";

/** How the rollout view writes times, percents and counts. Pure: the caller passes "now". */

const pad = (value: number) => String(value).padStart(2, "0");

/**
 * Time since the deployment's first sample, as a chart's axis reads it: "m:ss" while the
 * deployment is under an hour long (`spanSeconds`), "h:mm" after.
 */
export function formatElapsed(seconds: number, spanSeconds = seconds): string {
  const whole = Math.max(0, Math.round(seconds));
  if (spanSeconds < 3_600) return `${Math.floor(whole / 60)}:${pad(whole % 60)}`;
  return `${Math.floor(whole / 3_600)}:${pad(Math.floor((whole % 3_600) / 60))}`;
}

/** "12.5 %", "100 %", "—" for no value. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })} %`;
}

/** "Canary bake: 7 min 12 s left", and a word for a bake whose end has come but not yet been acted on. */
export function countdownText(label: string, endsAt: number, now: number): string {
  const left = endsAt - now;
  if (left < 1_000) return `${label}: ending now`;
  return `${label}: ${formatDuration(left)} left`;
}

/** What "healthy" counts, in the words the charts and the table say it. */
export function healthBasisText(basis: HealthBasis): string {
  return basis === "targets" ? "healthy targets ÷ desired tasks" : "running tasks not unhealthy ÷ desired tasks";
}

/** The sentence under the healthy column and chart. */
export function healthBasisSentence(basis: HealthBasis): string {
  return basis === "targets"
    ? "Healthy counts each revision's targets that the load balancer reports healthy."
    : "Healthy counts each revision's running tasks whose health status is not unhealthy (the service has no load balancer).";
}

/** Weights closer than this are the same weight read back through ELB's whole-number weights. */
const WEIGHT_TOLERANCE = 0.5;

/** Whether the listener rule gives a revision a different share from what ECS asked for. */
export function weightsDiffer(requested: number | undefined, actual: number | undefined): boolean {
  return requested !== undefined && actual !== undefined && Math.abs(requested - actual) >= WEIGHT_TOLERANCE;
}

/** "2 of 3 failures". */
export function failuresText(failureCount: number, threshold: number): string {
  return `${failureCount.toLocaleString("en-US")} of ${threshold.toLocaleString("en-US")} ${threshold === 1 ? "failure" : "failures"}`;
}

/** The last value a series has among `points` (oldest first), skipping gaps. */
export function latestValue(points: readonly Record<string, unknown>[], key: string): number | undefined {
  for (let index = points.length - 1; index >= 0; index--) {
    const value = points[index]![key];
    if (typeof value === "number") return value;
  }
  return undefined;
}

/** "Latest: api:3 (new) 50 %, api:2 (current) 100 %.": a chart's values for those who cannot see it. */
export function latestValuesText(points: readonly Record<string, unknown>[], series: readonly { key: string; label: string }[]): string {
  const values = series.map(({ key, label }) => {
    const value = latestValue(points, key);
    return `${label} ${value === undefined ? "not known" : formatPercent(value)}`;
  });
  return values.length > 0 ? `Latest: ${values.join(", ")}.` : "No values yet.";
}
