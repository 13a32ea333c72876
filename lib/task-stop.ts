import type { TaskStopCode } from "@aws-sdk/client-ecs";

/**
 * Why a task stopped, in words: ECS's stop code is a name (`EssentialContainerExited`) that
 * means something only to people who have read its documentation.
 */
const STOP_CODE_TEXT: Record<TaskStopCode, string> = {
  UserInitiated: "Someone stopped it with StopTask: from Slipway, the ECS console, the CLI or another API client.",
  ServiceSchedulerInitiated:
    "Its service stopped it: a deployment replaced it, the service scaled in, or it failed its health checks and was replaced.",
  EssentialContainerExited: "An essential container exited, and ECS stops the whole task when one does.",
  TaskFailedToStart: "It never got to run: an image could not be pulled, a secret or the network could not be set up, or there was no capacity.",
  SpotInterruption: "AWS took back the Spot capacity it ran on, with two minutes' notice.",
  TerminationNotice: "The capacity it ran on was being retired or shut down, so ECS stopped it.",
  InfrastructureHealth: "The infrastructure it ran on was found unhealthy, so ECS stopped it.",
};

/** What ECS records as the stop reason when the person stopping a task gives none. */
export const DEFAULT_STOP_REASON = "Stopped from Slipway by a user";

export function stopCodeText(stopCode: string | undefined): string {
  if (!stopCode) return "ECS did not say which kind of stop this was.";
  return STOP_CODE_TEXT[stopCode as TaskStopCode] ?? `ECS gave the stop code ${stopCode}.`;
}

/** "3f2a1b2c…" for headings and messages; the full id stays on the page to read and copy. */
export function shortTaskId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

export interface StopNotice {
  /** "Stopping: UserInitiated" or "Stopped: TaskFailedToStart". */
  title: string;
  explanation: string;
  /** ECS's own words, e.g. "Essential container in task exited". */
  reason?: string;
}

/** What the page says about a task ECS is stopping or has stopped; undefined for a task meant to run. */
export function stopNotice(task: { desiredStatus?: string; lastStatus?: string; stopCode?: string; stoppedReason?: string }): StopNotice | undefined {
  if (task.desiredStatus !== "STOPPED" && task.lastStatus !== "STOPPED") return undefined;
  const state = task.lastStatus === "STOPPED" ? "Stopped" : "Stopping";
  return {
    title: task.stopCode ? `${state}: ${task.stopCode}` : state,
    explanation: stopCodeText(task.stopCode),
    reason: task.stoppedReason || undefined,
  };
}
