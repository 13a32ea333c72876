"use server";

import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Service,
  type UpdateServiceCommandInput,
} from "@aws-sdk/client-ecs";
import { deployChoices, type DeployChoices } from "@/lib/deploy/choices";
import { planDeployment, withRegisteredRevision, type CurrentRevision } from "@/lib/deploy/plan";
import type { Connection } from "@/server/aws/connection";
import { sendEcs } from "@/server/aws/writes";
import { servingTaskDefinition } from "@/server/ecs/serving-revision";
import { ActionRefusal, defineAction } from "./action-client";

export interface DeployOutcome {
  serviceDeploymentArn: string;
  /** The last part of the service deployment's ARN, as the rollout page's URL names it. */
  deploymentId: string;
  /** The revision the service now deploys. */
  taskDefinition: string;
}

const STRATEGY_NAMES: Record<DeployChoices["strategy"]["kind"], string> = {
  rolling: "a rolling update",
  blueGreen: "blue/green",
  linear: "linear",
  canary: "canary",
};

/**
 * Deploys a service as the wizard chose: the service as it is now and its current revision
 * (unmasked, with its tags) are read here, on the server, so a new revision built from it keeps
 * every value, secrets included; then the plan is carried out by ECS itself. Reads go straight
 * to AWS, not through the shared cache: a plan must start from what is true now.
 */
export const deployService = defineAction({
  name: "service.deploy",
  permission: "operate",
  input: deployChoices,
  async run(choices, { connection }) {
    const service = await describeServiceNow(connection, choices);
    const current = choices.source.kind === "new-images" ? await describeCurrentRevision(connection, service) : undefined;
    const planned = planDeployment(choices, service, current);
    if (!planned.ok) {
      const [field, message] = Object.entries(planned.fieldErrors)[0];
      throw new ActionRefusal(message, field);
    }
    const { plan } = planned;
    let updateService = plan.updateService;
    let registered: string | undefined;
    if (plan.registerTaskDefinition) {
      const { taskDefinition } = await sendEcs(connection, new RegisterTaskDefinitionCommand(plan.registerTaskDefinition));
      registered = taskDefinition?.taskDefinitionArn;
      if (!registered) throw new Error("RegisterTaskDefinition answered without the new revision's ARN.");
      updateService = withRegisteredRevision(updateService, registered);
    }
    const updated = await updateOrSayWhatExists(connection, updateService, registered);
    const serviceDeploymentArn = updated.service?.currentServiceDeployment;
    if (!serviceDeploymentArn) throw new Error("UpdateService answered without the service deployment it started.");
    const taskDefinition = updated.service?.taskDefinition ?? updateService.taskDefinition ?? "";
    const deploymentId = serviceDeploymentArn.split("/").pop()!;
    const name = updated.service?.serviceName ?? service.serviceName;
    return {
      message: `${name} is deploying ${revisionLabel(taskDefinition)} with ${STRATEGY_NAMES[choices.strategy.kind]} (deployment ${deploymentId}).`,
      value: { serviceDeploymentArn, deploymentId, taskDefinition } satisfies DeployOutcome,
      target: updated.service?.serviceArn ?? service.serviceArn,
      requestId: updated.$metadata.requestId,
    };
  },
});

async function describeServiceNow(connection: Connection, { target }: DeployChoices): Promise<Service> {
  const { services, failures } = await sendEcs(connection, new DescribeServicesCommand({ cluster: target.cluster, services: [target.service] }));
  const service = services?.[0];
  if (service && service.status !== "INACTIVE") return service;
  const reason = failures?.[0]?.reason;
  throw new ActionRefusal(`Cluster ${target.cluster} has no service named ${target.service}${reason && reason !== "MISSING" ? ` (${reason})` : ""}.`, "target.service");
}

/** New images go on the revision that serves production, as the wizard showed it (not a paused canary's). */
async function describeCurrentRevision(connection: Connection, service: Service): Promise<CurrentRevision> {
  if (!service.taskDefinition) throw new ActionRefusal(`${service.serviceName} runs no task definition to take new images from.`, "source.kind");
  const serving = await servingTaskDefinition(connection, service);
  const { taskDefinition, tags } = await sendEcs(connection, new DescribeTaskDefinitionCommand({ taskDefinition: serving, include: ["TAGS"] }));
  if (!taskDefinition) throw new Error(`DescribeTaskDefinition answered without ${serving}.`);
  return { taskDefinition, tags };
}

/**
 * UpdateService; when it is refused after a new revision was registered, the failure says so,
 * so nobody believes the deploy happened or wonders where the revision came from.
 */
async function updateOrSayWhatExists(connection: Connection, input: UpdateServiceCommandInput, registered: string | undefined) {
  try {
    return await sendEcs(connection, new UpdateServiceCommand(input));
  } catch (error) {
    if (!registered || !(error instanceof Error)) throw error;
    const said = `${revisionLabel(registered)} was registered, but ECS refused to deploy it, so the service still runs what it ran before: ${error.message}`;
    // Same name and metadata, so the failure keeps AWS's error code and request id.
    throw Object.assign(new Error(said), { name: error.name, $metadata: (error as { $metadata?: unknown }).$metadata, $fault: (error as { $fault?: unknown }).$fault });
  }
}

/** "web:8" from a task definition ARN. */
function revisionLabel(arn: string): string {
  return arn.split("/").pop() ?? arn;
}
