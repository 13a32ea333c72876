"use server";

import { DeleteTaskDefinitionsCommand, type Failure } from "@aws-sdk/client-ecs";
import { awsFailure, type AwsFailure } from "@/lib/aws-errors";
import { taskDefinitionRef } from "@/lib/view-models/common";
import { deleteTaskDefinitionInput } from "@/lib/schemas/task-definitions";
import { sendEcs } from "@/server/aws/writes";
import { ActionFailure, defineAction } from "./action-client";

/**
 * DeleteTaskDefinitions answers with HTTP 200 whatever happens to each revision: a revision
 * it would not delete comes back in `failures` with ECS's reason, which is a failure here.
 */
function failureOf(failure: Failure, label: string, requestId: string | undefined): AwsFailure {
  const reason = failure.reason ?? "ECS did not delete it and gave no reason.";
  const extra = { detail: reason, ...(requestId ? { requestId } : {}) };
  if (/does not exist/i.test(reason)) return { ...awsFailure("not-found", extra), message: `ECS has no task definition ${label}.` };
  if (/ACTIVE/.test(reason)) return { ...awsFailure("invalid-input", extra), message: `${label} is still active: deregister it first. ECS deletes only inactive revisions.` };
  return awsFailure("invalid-input", extra);
}

/**
 * Deletes one INACTIVE revision for good. ECS marks it DELETE_IN_PROGRESS and removes it once
 * no task or service uses it; it cannot be registered again under its number.
 */
export const deleteTaskDefinition = defineAction({
  name: "task-definition.delete",
  permission: "operate",
  input: deleteTaskDefinitionInput,
  async run({ taskDefinition }, { connection }) {
    const label = taskDefinitionRef(taskDefinition)?.label ?? taskDefinition;
    const { taskDefinitions, failures, $metadata } = await sendEcs(connection, new DeleteTaskDefinitionsCommand({ taskDefinitions: [taskDefinition] }));
    const failure = failures?.[0];
    const deleted = taskDefinitions?.[0];
    if (failure || !deleted) throw new ActionFailure(failureOf(failure ?? {}, label, $metadata.requestId));
    return {
      message: `${label} is being deleted. ECS removes it for good once no task uses it.`,
      value: { taskDefinitionArn: deleted.taskDefinitionArn, status: deleted.status },
      target: deleted.taskDefinitionArn,
      requestId: $metadata.requestId,
    };
  },
});
