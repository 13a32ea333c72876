"use server";

import { UpdateServiceCommand, type Deployment, type Service } from "@aws-sdk/client-ecs";
import { serviceName } from "@/lib/arn";
import { forceNewDeploymentInput } from "@/lib/schemas/operations";
import { sendEcs } from "@/server/aws/writes";
import { defineAction } from "./action-client";

/** The deployment UpdateService just started: the PRIMARY one, else the newest. */
function startedDeployment(service: Service | undefined): Deployment | undefined {
  const deployments = service?.deployments ?? [];
  const newest = [...deployments].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
  return deployments.find((deployment) => deployment.status === "PRIMARY") ?? newest;
}

/**
 * Redeploys the revision a service runs now: ECS replaces every task with a new one of the
 * same task definition (pulling its images again), following the service's deployment strategy.
 */
export const forceNewDeployment = defineAction({
  name: "service.force-new-deployment",
  permission: "operate",
  input: forceNewDeploymentInput,
  async run({ cluster, service }, { connection }) {
    const { service: updated, $metadata } = await sendEcs(connection, new UpdateServiceCommand({ cluster, service, forceNewDeployment: true }));
    const deploymentId = startedDeployment(updated)?.id;
    const name = updated?.serviceName ?? serviceName(service);
    return {
      message: deploymentId ? `${name}: a new deployment started (${deploymentId})` : `${name}: a new deployment started`,
      value: { deploymentId, serviceDeploymentArn: updated?.currentServiceDeployment },
      target: updated?.serviceArn,
      requestId: $metadata.requestId,
    };
  },
});
