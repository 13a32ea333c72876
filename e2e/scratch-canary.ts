import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
} from "@aws-sdk/client-ecs";
import { ACCOUNT, NETWORK, taskDefinitionFor, WEB } from "../emulator/seed/apps";
import { createScratchLoadBalancing, localEcs, waitForRunning, type ScratchLoadBalancing } from "./scratch";

/**
 * A canary of a test's own behind the demo load balancer (target groups and a rule of its own),
 * deployed once and paused for approval before its first traffic shift: a rollout in progress
 * for the rollout view's tests, made through the SDK.
 */
const REGION = "us-east-1";
const LOAD_BALANCER_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRoleForLoadBalancers`;

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

/** A new deployment shifts traffic only away from a completed one: until then it would start like a first one. */
async function waitForCompleted(cluster: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { services } = await localEcs().send(new DescribeServicesCommand({ cluster, services: ["web"] }));
    const deployments = services?.[0]?.deployments ?? [];
    if (deployments.length === 1 && deployments[0]!.rolloutState === "COMPLETED") return;
    if (Date.now() > deadline) throw new Error(`web in ${cluster} did not complete its first deployment within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
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
  const loadBalancing = await createScratchLoadBalancing(name);
  await ecs.send(new CreateClusterCommand({ clusterName: name, capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }] }));
  const family = `${name}-web`;
  await ecs.send(
    new CreateServiceCommand({
      cluster: name,
      serviceName: "web",
      taskDefinition: await registerWeb(family, "1.4.2"),
      desiredCount: 2,
      networkConfiguration: NETWORK,
      deploymentConfiguration: CANARY_WITH_APPROVAL,
      loadBalancers: [
        {
          targetGroupArn: loadBalancing.blueArn,
          containerName: "web",
          containerPort: 8080,
          advancedConfiguration: { alternateTargetGroupArn: loadBalancing.greenArn, productionListenerRule: loadBalancing.productionRuleArn, roleArn: LOAD_BALANCER_ROLE },
        },
      ],
    }),
  );
  await waitForRunning(ecs, name, "web", 2);
  await waitForCompleted(name);
  const { service } = await ecs.send(new UpdateServiceCommand({ cluster: name, service: "web", taskDefinition: await registerWeb(family, "1.5.0") }));
  const serviceDeploymentArn = service!.currentServiceDeployment!;
  await awaitingHook(serviceDeploymentArn);
  const deploymentId = serviceDeploymentArn.split("/").pop()!;
  return { cluster: name, service: "web", serviceDeploymentArn, deploymentId, path: `/clusters/${name}/services/web/deployments/${deploymentId}`, loadBalancing };
}
