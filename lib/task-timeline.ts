import type { TaskTimestamps } from "@/lib/view-models/task-detail";

/**
 * A task's life as an ordered list of what happened when, with the time each step took from
 * the one before. Steps ECS has no time for are left out rather than guessed.
 */
export interface TimelineStep {
  key: keyof TaskTimestamps;
  label: string;
  at: string;
  /** Milliseconds since the step before; undefined for the first. */
  sincePreviousMs?: number;
}

/** ECS's order of a task's life; it also breaks ties between equal times. */
const STEPS: readonly { key: keyof TaskTimestamps; label: string }[] = [
  { key: "createdAt", label: "Created" },
  { key: "pullStartedAt", label: "Image pull started" },
  { key: "pullStoppedAt", label: "Image pull finished" },
  { key: "startedAt", label: "Started" },
  { key: "stoppingAt", label: "Stop requested" },
  { key: "executionStoppedAt", label: "Containers stopped" },
  { key: "stoppedAt", label: "Stopped" },
];

export function taskTimeline(timestamps: TaskTimestamps): TimelineStep[] {
  const known = STEPS.flatMap((step, order) => {
    const at = timestamps[step.key];
    const ms = at ? Date.parse(at) : NaN;
    return Number.isNaN(ms) ? [] : [{ ...step, at: at!, ms, order }];
  });
  // A task stopped before it started has its stop before any start: time decides, not the list.
  known.sort((a, b) => a.ms - b.ms || a.order - b.order);
  return known.map(({ key, label, at, ms }, index) => ({
    key,
    label,
    at,
    ...(index > 0 ? { sincePreviousMs: ms - known[index - 1].ms } : {}),
  }));
}

/** How long the task has run: from its start to its stop request, or to `now` while it still runs. */
export function runningFor(timestamps: TaskTimestamps, now: number): number | undefined {
  const started = timestamps.startedAt ? Date.parse(timestamps.startedAt) : NaN;
  if (Number.isNaN(started)) return undefined;
  const end = timestamps.stoppingAt ?? timestamps.stoppedAt;
  const ended = end ? Date.parse(end) : now;
  return Number.isNaN(ended) ? undefined : Math.max(0, ended - started);
}

/** "2025-03-04 14:05:09 UTC": the same on the server and in every browser, so nothing shifts as the page hydrates. */
export function formatTimestamp(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "—";
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
