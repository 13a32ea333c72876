"use server";

import { StopTaskCommand, type Task } from "@aws-sdk/client-ecs";
import { taskId } from "@/lib/arn";
import { stopTaskInput } from "@/lib/schemas/operations";
import { DEFAULT_STOP_REASON, shortTaskId } from "@/lib/task-stop";
import { serviceOfGroup } from "@/lib/view-models/tasks";
import { sendEcs } from "@/server/aws/writes";
import { ActionRefusal, defineAction } from "./action-client";

/**
 * ECS answers StopTask on a task that is already stopping or stopped with that task as it is,
 * changing nothing; the person who clicked should hear that, not "is stopping". A stop this
 * call made carries our stop code and reason.
 */
function stoppedBefore(task: Task, reason: string): boolean {
  if (task.lastStatus === "STOPPED") return true;
  return (task.stopCode !== undefined && task.stopCode !== "UserInitiated") || (task.stoppedReason !== undefined && task.stoppedReason !== reason);
}

function alreadyStoppedMessage(task: Task, id: string): string {
  const state = task.lastStatus === "STOPPED" ? "had already stopped" : "was already stopping";
  return task.stoppedReason ? `Task ${id} ${state}: ${task.stoppedReason}` : `Task ${id} ${state}.`;
}

/** Stops one task. A service's task is replaced by its service; a standalone task is gone. */
export const stopTask = defineAction({
  name: "task.stop",
  permission: "operate",
  input: stopTaskInput,
  async run({ cluster, task, reason }, { connection }) {
    const asked = reason || DEFAULT_STOP_REASON;
    const { task: stopped } = await sendEcs(connection, new StopTaskCommand({ cluster, task, reason: asked }));
    const id = shortTaskId(taskId(stopped?.taskArn ?? task));
    if (stopped && stoppedBefore(stopped, asked)) throw new ActionRefusal(alreadyStoppedMessage(stopped, id));
    const service = serviceOfGroup(stopped?.group);
    return {
      message: service ? `Task ${id} is stopping. Its service ${service} will start a replacement.` : `Task ${id} is stopping.`,
      value: { taskArn: stopped?.taskArn, lastStatus: stopped?.lastStatus, desiredStatus: stopped?.desiredStatus },
      target: stopped?.taskArn,
    };
  },
});
