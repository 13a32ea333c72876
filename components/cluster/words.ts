import type { TaskStopCode } from "@aws-sdk/client-ecs";

/** ECS's upper-case words as a table shows them: "ACTIVE" → "Active", "DEPROVISIONING" → "Deprovisioning". */
export function sentenceCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase().replaceAll("_", " ");
}

/** Why a task stopped, in a few words; the code itself is in the cell's title. */
const STOP_CODES: Record<TaskStopCode, string> = {
  TaskFailedToStart: "Failed to start",
  EssentialContainerExited: "Container exited",
  UserInitiated: "User initiated",
  ServiceSchedulerInitiated: "Service scheduler",
  SpotInterruption: "Spot interruption",
  TerminationNotice: "Termination notice",
  InfrastructureHealth: "Infrastructure health",
};

export function stopCodeText(code: TaskStopCode): string {
  return STOP_CODES[code] ?? code;
}
