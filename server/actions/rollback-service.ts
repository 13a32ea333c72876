"use server";

import { UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { z } from "zod";
import { serviceName } from "@/lib/arn";
import { clusterRef, serviceRef, taskDefinitionRef } from "@/lib/schemas/operations";
import { taskDefinitionRef as toTaskDefinitionRef, idOfArn } from "@/lib/view-models/common";
import { describeServices } from "@/server/aws/batching";
import { sendEcs } from "@/server/aws/writes";
import { ActionRefusal, defineAction } from "./action-client";

const rollbackServiceInput = z.object({
  cluster: clusterRef,
  service: serviceRef,
  /** The earlier revision to go back to: family:revision or its ARN (a bare family is not a revision). */
  taskDefinition: taskDefinitionRef.refine((value) => toTaskDefinitionRef(value) !== undefined, "Pick a revision (web:4), not a family."),
});

export type RollbackServiceInput = z.input<typeof rollbackServiceInput>;

/**
 * Rolls a service back to an earlier task definition revision: a new deployment to it, with
 * the strategy the service has now (UpdateService with that task definition and
 * forceNewDeployment). Stopping a deployment that is still going (StopServiceDeployment) is the
 * rollout page's; this goes back to any revision the service ran before.
 */
export const rollbackService = defineAction({
  name: "service.rollback",
  permission: "operate",
  input: rollbackServiceInput,
  async run({ cluster, service, taskDefinition }, { connection }) {
    const { services } = await describeServices(connection, cluster, [service]);
    const current = toTaskDefinitionRef(services[0]?.taskDefinition);
    const target = toTaskDefinitionRef(taskDefinition)!;
    if (current && current.label === target.label) {
      throw new ActionRefusal(`${serviceName(service)} already runs ${target.label}; redeploy it to replace its tasks.`, "taskDefinition");
    }
    const { service: updated } = await sendEcs(connection, new UpdateServiceCommand({ cluster, service, taskDefinition, forceNewDeployment: true }));
    const serviceDeploymentArn = updated?.currentServiceDeployment;
    const name = updated?.serviceName ?? serviceName(service);
    const deployment = serviceDeploymentArn ? ` (deployment ${idOfArn(serviceDeploymentArn)})` : "";
    return {
      message: `${name}: rolling back to ${target.label}${current ? ` from ${current.label}` : ""}, with its ${strategyWords(updated?.deploymentConfiguration?.strategy)} strategy${deployment}.`,
      value: { serviceDeploymentArn, deploymentId: serviceDeploymentArn ? idOfArn(serviceDeploymentArn) : undefined },
      target: updated?.serviceArn,
    };
  },
});

function strategyWords(strategy: string | undefined): string {
  switch (strategy) {
    case "BLUE_GREEN":
      return "blue/green";
    case "LINEAR":
      return "linear";
    case "CANARY":
      return "canary";
    default:
      return "rolling";
  }
}
