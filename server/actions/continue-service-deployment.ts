"use server";

import { ContinueServiceDeploymentCommand } from "@aws-sdk/client-ecs";
import { continueServiceDeploymentInput, type ContinueServiceDeploymentInput, type Decision } from "@/lib/schemas/rollout";
import type { ActionResult } from "@/lib/action-result";
import { sendEcs } from "@/server/aws/writes";
import { sharedRolloutSampler } from "@/server/rollout/sampler";
import { defineAction, type ActionContext, type ActionOutcome } from "./action-client";
import { alreadyDecided, DECISION_ACTIONS, describeDeployment, isAwsError, type AlreadyDecided } from "./continue-service-deployment-settled";

/**
 * An approver's answer to a deployment paused at a PAUSE hook: CONTINUE (approve) or ROLLBACK.
 * Two people may answer the same pause at once; ECS takes the first and refuses the other with
 * InvalidParameterException (emulator decision 1). That second person is told what became of
 * the pause, and by whom, as news rather than as an error.
 */
export type DecisionValue = { alreadyDecided: false; decision: Decision } | AlreadyDecided;

const DONE: Record<Decision, string> = {
  CONTINUE: "Approved: ECS continues the deployment.",
  ROLLBACK: "Rolling back: ECS returns production traffic to the previous revision.",
};

async function decide(
  { serviceDeploymentArn, hookId, action }: { serviceDeploymentArn: string; hookId: string; action: Decision },
  { connection }: ActionContext,
): Promise<ActionOutcome<DecisionValue>> {
  const late = (found: NonNullable<ReturnType<typeof alreadyDecided>>): ActionOutcome<DecisionValue> => {
    const { message, ...value } = found;
    return { message, value, target: serviceDeploymentArn, changed: false };
  };
  // A deployment already past the pause (a stale page) is told so without a call that would be refused.
  const settledBefore = alreadyDecided(await describeDeployment(connection, serviceDeploymentArn), hookId);
  if (settledBefore) return late(settledBefore);
  try {
    const { $metadata } = await sendEcs(connection, new ContinueServiceDeploymentCommand({ serviceDeploymentArn, hookId, action }));
    sharedRolloutSampler().refresh(serviceDeploymentArn);
    return { message: DONE[action], value: { alreadyDecided: false, decision: action }, target: serviceDeploymentArn, requestId: $metadata.requestId };
  } catch (error) {
    if (!isAwsError(error, "InvalidParameterException")) throw error;
    // Someone else answered between our look and our call; anything else ECS refused stays its error.
    const settledAfter = alreadyDecided(await describeDeployment(connection, serviceDeploymentArn), hookId);
    if (!settledAfter) throw error;
    return late(settledAfter);
  }
}

/** The input, held to the one decision an action stands for. */
const decisionOf = (decision: Decision) =>
  continueServiceDeploymentInput.refine((input) => input.action === decision, { path: ["action"], message: "The decision is CONTINUE or ROLLBACK." });

/** One entry in the audit log per answer: "deployment.approve" or "deployment.reject". */
const approve = defineAction({
  name: DECISION_ACTIONS.CONTINUE,
  permission: "approve",
  input: decisionOf("CONTINUE"),
  run: decide,
});

const reject = defineAction({
  name: DECISION_ACTIONS.ROLLBACK,
  permission: "approve",
  input: decisionOf("ROLLBACK"),
  run: decide,
});

/** ContinueServiceDeployment as an approver asks it; the decision picks the log's name, and each is checked in full. */
export async function continueServiceDeployment(input: ContinueServiceDeploymentInput): Promise<ActionResult<DecisionValue>> {
  const rollsBack = typeof input === "object" && input !== null && (input as { action?: unknown }).action === "ROLLBACK";
  return rollsBack ? reject(input) : approve(input);
}
