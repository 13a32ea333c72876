"use server";

import { RunTaskCommand } from "@aws-sdk/client-ecs";
import { runTaskInput } from "@/lib/schemas/operations";
import { sendEcs } from "@/server/aws/writes";
import { ActionRefusal, defineAction } from "./action-client";
import { runTaskOutcome } from "./run-task-outcome";

/**
 * Starts tasks from a task definition, outside any service. An empty capacity provider
 * strategy means the cluster's default, so it is left out rather than sent empty.
 */
export const runTask = defineAction({
  name: "task.run",
  permission: "operate",
  input: runTaskInput,
  async run({ cluster, taskDefinition, count, capacityProviderStrategy, network, group }, { connection }) {
    const { tasks = [], failures = [] } = await sendEcs(
      connection,
      new RunTaskCommand({
        cluster,
        taskDefinition,
        count,
        ...(capacityProviderStrategy.length ? { capacityProviderStrategy } : {}),
        ...(group ? { group } : {}),
        ...(network
          ? {
              networkConfiguration: {
                awsvpcConfiguration: {
                  subnets: network.subnets,
                  ...(network.securityGroups.length ? { securityGroups: network.securityGroups } : {}),
                  assignPublicIp: network.assignPublicIp,
                },
              },
            }
          : {}),
      }),
    );
    const outcome = runTaskOutcome(tasks, failures);
    if (!outcome.ok) throw new ActionRefusal(outcome.message);
    return { message: outcome.message, value: { taskArns: outcome.taskArns, failed: outcome.failed }, target: tasks[0]?.clusterArn };
  },
});
