"use server";

import { StopServiceDeploymentCommand, type ServiceDeploymentStatus } from "@aws-sdk/client-ecs";
import { alreadyFinishedText } from "@/lib/rollout/approval-text";
import { stopServiceDeploymentInput, type StopType } from "@/lib/schemas/rollout";
import { sendEcs } from "@/server/aws/writes";
import { sharedRolloutSampler } from "@/server/rollout/sampler";
import { defineAction } from "./action-client";
import { describeDeployment, isAwsError, STOP_ACTION } from "./continue-service-deployment-settled";

/**
 * An operator stops a deployment in progress: ABORT leaves it where it is (STOP_REQUESTED →
 * STOPPED), ROLLBACK returns production traffic to the source revision. A deployment that has
 * finished, or is already being stopped, cannot be: ECS answers ConflictException, and the
 * person is told plainly what it had come to instead.
 */
export type StopValue = { alreadyFinished: false; stopType: StopType } | { alreadyFinished: true; status?: ServiceDeploymentStatus };

/** A deployment already finishing, stopping or rolling back cannot be stopped again. */
const STOPPABLE: ReadonlySet<string> = new Set<ServiceDeploymentStatus>(["PENDING", "IN_PROGRESS"]);

const DONE: Record<StopType, string> = {
  ABORT: "Stopping: the deployment stays where it is, and nothing more shifts.",
  ROLLBACK: "Rolling back: ECS returns production traffic to the previous revision.",
};

export const stopServiceDeployment = defineAction({
  name: STOP_ACTION,
  permission: "operate",
  input: stopServiceDeploymentInput,
  async run({ serviceDeploymentArn, stopType }, { connection }) {
    const finished = (status: ServiceDeploymentStatus | undefined) => ({
      message: alreadyFinishedText(status),
      value: { alreadyFinished: true, status } as StopValue,
      target: serviceDeploymentArn,
    });
    const before = await describeDeployment(connection, serviceDeploymentArn);
    if (!STOPPABLE.has(before.status ?? "")) return finished(before.status);
    try {
      const { $metadata } = await sendEcs(connection, new StopServiceDeploymentCommand({ serviceDeploymentArn, stopType }));
      sharedRolloutSampler().refresh(serviceDeploymentArn);
      return { message: DONE[stopType], value: { alreadyFinished: false, stopType } as StopValue, target: serviceDeploymentArn, requestId: $metadata.requestId };
    } catch (error) {
      // Finished, or stopped by someone else, between our look and our call.
      if (!isAwsError(error, "ConflictException")) throw error;
      return finished((await describeDeployment(connection, serviceDeploymentArn)).status);
    }
  },
});
