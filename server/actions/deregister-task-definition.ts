"use server";

import { DeregisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { deregisterTaskDefinitionInput } from "@/lib/schemas/task-definitions";
import { sendEcs } from "@/server/aws/writes";
import { describeRevision } from "@/server/ecs/task-definition-revision";
import { ActionFailure, ActionRefusal, defineAction } from "./action-client";

/**
 * Marks one ACTIVE revision INACTIVE. Services already running it keep running it; no new
 * service, deployment or task can use it. ECS answers a revision that is not ACTIVE with the
 * revision as it is, so the revision is read first, to say "already inactive" rather than "done".
 */
export const deregisterTaskDefinition = defineAction({
  name: "task-definition.deregister",
  permission: "operate",
  input: deregisterTaskDefinitionInput,
  async run({ taskDefinition }, { connection }) {
    const described = await describeRevision(connection, taskDefinition);
    if (!described.ok) throw new ActionFailure(described.error);
    const current = described.value.taskDefinition;
    const label = `${current.family}:${current.revision}`;
    if (current.status !== "ACTIVE") {
      throw new ActionRefusal(`${label} is already ${current.status === "INACTIVE" ? "inactive" : "being deleted"}: there is nothing to deregister.`);
    }
    const { taskDefinition: deregistered, $metadata } = await sendEcs(
      connection,
      new DeregisterTaskDefinitionCommand({ taskDefinition: current.taskDefinitionArn ?? taskDefinition }),
    );
    return {
      message: `${label} is inactive now. Services running it keep running it; nothing new can use it.`,
      value: { taskDefinitionArn: deregistered?.taskDefinitionArn, status: deregistered?.status },
      target: deregistered?.taskDefinitionArn,
      requestId: $metadata.requestId,
    };
  },
});
