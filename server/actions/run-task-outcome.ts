import "server-only";
import type { Failure, Task } from "@aws-sdk/client-ecs";
import { taskId } from "@/lib/arn";
import { formatCount } from "@/lib/format";
import { shortTaskId } from "@/lib/view-models/clusters-run-task";

/**
 * What a RunTask answer means for the person who asked. ECS answers 200 even when it could
 * not place a task, listing those in `failures`: some started is a success that says what
 * failed; none started is a refusal with ECS's reasons.
 */
export type RunTaskOutcome = { ok: true; message: string; taskArns: string[]; failed: number } | { ok: false; message: string };

/** "RESOURCE:MEMORY (2 tasks); MISSING: no such subnet". */
export function failureReasons(failures: readonly Failure[]): string {
  const counts = new Map<string, number>();
  for (const failure of failures) {
    // ECS's reasons may end in a full stop; the sentence they go into has its own.
    const reason = [failure.reason, failure.detail].filter(Boolean).join(": ").replace(/\.$/, "") || "no reason given";
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => (count > 1 ? `${reason} (${count} tasks)` : reason)).join("; ");
}

export function runTaskOutcome(tasks: readonly Task[], failures: readonly Failure[]): RunTaskOutcome {
  const taskArns = tasks.flatMap((task) => task.taskArn ?? []);
  if (taskArns.length === 0) {
    const reasons = failures.length ? failureReasons(failures) : "ECS gave no reason";
    return { ok: false, message: `ECS started no task: ${reasons}.` };
  }
  const started = `Started ${formatCount(taskArns.length, "task")}: ${taskArns.map((arn) => shortTaskId(taskId(arn))).join(", ")}.`;
  const failed = failures.length ? ` ${failures.length.toLocaleString("en-US")} could not be placed: ${failureReasons(failures)}.` : "";
  return { ok: true, message: started + failed, taskArns, failed: failures.length };
}
