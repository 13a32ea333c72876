import { formatDuration } from "@/lib/format";
import { formatTimestamp, runningFor, taskTimeline } from "@/lib/task-timeline";
import type { TaskTimestamps } from "@/lib/view-models/task-detail";
import { Panel } from "./panel";

/** What happened when, oldest first, with the time each step took. */
export function TaskTimeline({ timestamps, now }: { timestamps: TaskTimestamps; now: number }) {
  const steps = taskTimeline(timestamps);
  const ran = runningFor(timestamps, now);
  const stillRunning = !timestamps.stoppingAt && !timestamps.stoppedAt;
  return (
    <Panel
      title="Timeline"
      aside={ran !== undefined && <p className="text-sm text-ink-muted">{stillRunning ? `Running for ${formatDuration(ran)}` : `Ran for ${formatDuration(ran)}`}</p>}
    >
      {steps.length === 0 ? (
        <p className="text-sm text-ink-muted">ECS has given no times for this task yet.</p>
      ) : (
        <ol className="relative space-y-3 border-l border-line pl-5 text-sm">
          {steps.map((step) => (
            <li key={step.key} className="relative">
              <span aria-hidden="true" className="absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full border-2 border-surface bg-brand ring-1 ring-line" />
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="font-medium">{step.label}</span>
                {step.sincePreviousMs !== undefined && <span className="text-xs text-ink-muted tabular-nums">
                    <span className="sr-only">after </span>+{formatDuration(step.sincePreviousMs)}
                  </span>}
              </div>
              <time dateTime={step.at} className="block text-ink-muted tabular-nums">
                {formatTimestamp(step.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
