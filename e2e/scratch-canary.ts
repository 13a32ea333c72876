import { DescribeServiceDeploymentsCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand, type DeploymentConfiguration } from "@aws-sdk/client-ecs";
import { taskDefinitionFor, WEB } from "../emulator/seed/apps";
import { createScratchServiceBehindLoadBalancer, localEcs, type ScratchLoadBalancing } from "./scratch";

/**
 * A canary of a test's own behind a load balancer of its own, deployed once and paused for
 * approval before its first traffic shift: a rollout in progress for the rollout view's tests,
 * made through the SDK.
 */
const REGION = "us-east-1";

export const CANARY_WITH_APPROVAL: DeploymentConfiguration = {
  strategy: "CANARY",
  canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 },
  bakeTimeInMinutes: 1,
  lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 1440, action: "ROLLBACK" } }],
};

export interface PausedCanary {
  cluster: string;
  service: string;
  serviceDeploymentArn: string;
  deploymentId: string;
  /** The rollout page's path. */
  path: string;
  loadBalancing: ScratchLoadBalancing;
}

async function registerWeb(family: string, version: string): Promise<string> {
  const { taskDefinition } = await localEcs().send(new RegisterTaskDefinitionCommand({ ...taskDefinitionFor(WEB, version, REGION), family }));
  return taskDefinition!.taskDefinitionArn!;
}

/** The hook the deployment waits at, once it waits. */
export async function awaitingHook(serviceDeploymentArn: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { serviceDeployments } = await localEcs().send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [serviceDeploymentArn] }));
    const deployment = serviceDeployments?.[0];
    const hook = deployment?.lifecycleHookDetails?.find((detail) => detail.status === "AWAITING_ACTION");
    if (hook?.hookId) return hook.hookId;
    if (Date.now() > deadline) {
      throw new Error(`${serviceDeploymentArn} did not pause for approval within ${timeoutMs} ms: ${deployment?.status} at ${deployment?.lifecycleStage}, ${deployment?.statusReason ?? ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function createPausedCanary(name: string): Promise<PausedCanary> {
  const ecs = localEcs();
  const family = `${name}-web`;
  const loadBalancing = await createScratchServiceBehindLoadBalancer(ecs, name, { family, deploymentConfiguration: CANARY_WITH_APPROVAL });
  const { service } = await ecs.send(new UpdateServiceCommand({ cluster: name, service: "web", taskDefinition: await registerWeb(family, "1.5.0") }));
  const serviceDeploymentArn = service!.currentServiceDeployment!;
  await awaitingHook(serviceDeploymentArn);
  const deploymentId = serviceDeploymentArn.split("/").pop()!;
  return { cluster: name, service: "web", serviceDeploymentArn, deploymentId, path: `/clusters/${name}/services/web/deployments/${deploymentId}`, loadBalancing };
}
