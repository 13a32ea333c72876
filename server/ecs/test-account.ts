import "server-only";
import {
  CreateServiceCommand,
  ListTasksCommand,
  StopServiceDeploymentCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
  type ECSClient,
} from "@aws-sdk/client-ecs";
import type { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { expect } from "vitest";
import { createFargateCluster, describeServiceDeployment, NETWORK, registerWebApp, waitFor, waitForSteadyState } from "@/emulator/test/fixtures";
import { createWebStack, registerWebImage, type WebStack } from "@/emulator/test/load-balanced-fixtures";
import { awsCallCounts } from "@/server/aws/instrumentation";
import type { CountedLocalEcs } from "@/server/aws/test-local-ecs";
import type { Part } from "@/lib/view-models/common";

/**
 * A small account for the read models' tests, built through the SDK as a user would:
 *
 * - "shop": service "web" behind an ALB, CANARY with a PAUSE hook before production traffic.
 *   Its history: created on v1 (SUCCESSFUL), v2 rolled back by a person while paused
 *   (ROLLBACK_SUCCESSFUL), one task stopped by hand, then v3 paused awaiting approval.
 * - "batch": service "worker" (rolling, no load balancer, 2 tasks) and `idleServices` more
 *   services with no tasks, so that describing them takes more than one batch of 10.
 */
export interface ShopCluster {
  stack: WebStack;
  v1: string;
  v2: string;
  v3: string;
  createdDeployment: string;
  rolledBackDeployment: string;
  pausedDeployment: string;
  pausedHookId: string;
  /** The task stopped by hand, with STOP_REASON. */
  stoppedTask: string;
}

export interface BatchCluster {
  cluster: string;
  worker: string;
  idleServices: string[];
}

export const STOP_REASON = "Stopped by an operator to test the read models";

const PAUSE_BEFORE_PRODUCTION: DeploymentConfiguration = {
  strategy: "CANARY",
  canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 },
  bakeTimeInMinutes: 1,
  lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 600, action: "ROLLBACK" } }],
};

async function deploy(ecs: ECSClient, stack: WebStack, taskDefinition: string): Promise<string> {
  const { service } = await ecs.send(new UpdateServiceCommand({ cluster: stack.cluster, service: stack.service, taskDefinition }));
  return service!.currentServiceDeployment!;
}

async function awaitPause(ecs: ECSClient, arn: string): Promise<string> {
  return waitFor("a paused lifecycle hook", async () => {
    const sd = await describeServiceDeployment(ecs, arn);
    return sd.lifecycleHookDetails?.find((hook) => hook.status === "AWAITING_ACTION")?.hookId;
  }, 60_000, 20);
}

async function awaitStatus(ecs: ECSClient, arn: string, status: string): Promise<void> {
  await waitFor(`deployment ${status}`, async () => ((await describeServiceDeployment(ecs, arn)).status === status ? true : undefined), 60_000, 20);
}

export async function buildShopCluster(ecs: ECSClient, elb: ElasticLoadBalancingV2Client, name = "shop"): Promise<ShopCluster> {
  const v1 = await registerWebImage(ecs, `${name}-web`, "1.0.0");
  const stack = await createWebStack(ecs, elb, name, { taskDefinition: v1, desiredCount: 2, deploymentConfiguration: PAUSE_BEFORE_PRODUCTION });
  const created = await waitForSteadyState(ecs, stack.cluster, stack.service, 60_000);

  const v2 = await registerWebImage(ecs, `${name}-web`, "2.0.0");
  const rolledBackDeployment = await deploy(ecs, stack, v2);
  await awaitPause(ecs, rolledBackDeployment);
  await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: rolledBackDeployment, stopType: "ROLLBACK" }));
  await awaitStatus(ecs, rolledBackDeployment, "ROLLBACK_SUCCESSFUL");
  await waitForSteadyState(ecs, stack.cluster, stack.service, 60_000);

  const running = await ecs.send(new ListTasksCommand({ cluster: stack.cluster, serviceName: stack.service }));
  const stoppedTask = running.taskArns![0];
  await ecs.send(new StopTaskCommand({ cluster: stack.cluster, task: stoppedTask, reason: STOP_REASON }));
  await waitForSteadyState(ecs, stack.cluster, stack.service, 60_000);

  const v3 = await registerWebImage(ecs, `${name}-web`, "3.0.0");
  const pausedDeployment = await deploy(ecs, stack, v3);
  const pausedHookId = await awaitPause(ecs, pausedDeployment);
  return { stack, v1, v2, v3, createdDeployment: created.currentServiceDeployment!, rolledBackDeployment, pausedDeployment, pausedHookId, stoppedTask };
}

export async function buildBatchCluster(ecs: ECSClient, idleServices = 11, name = "batch"): Promise<BatchCluster> {
  await createFargateCluster(ecs, name);
  const taskDefinition = await registerWebApp(ecs, `${name}-worker`, "public.ecr.aws/slipway/worker:1.4.2", [], { containerHealthCheck: false });
  await ecs.send(new CreateServiceCommand({ cluster: name, serviceName: "worker", taskDefinition, desiredCount: 2, networkConfiguration: NETWORK }));
  const idle = Array.from({ length: idleServices }, (_, i) => `idle-${String(i).padStart(2, "0")}`);
  for (const serviceName of idle) {
    await ecs.send(new CreateServiceCommand({ cluster: name, serviceName, taskDefinition, desiredCount: 0, networkConfiguration: NETWORK }));
  }
  await waitForSteadyState(ecs, name, "worker", 60_000);
  return { cluster: name, worker: "worker", idleServices: idle };
}

/**
 * Asserts exactly the calls a read cost, as the dashboard counted them ("ecs:DescribeServices")
 * and as local ECS answered them; `refused` are calls a test proxy answered in its place.
 */
export function expectAwsCalls(local: CountedLocalEcs, expected: Record<string, number>, refused: Record<string, number> = {}): void {
  expect(awsCallCounts()).toEqual(expected);
  const answered: Record<string, number> = {};
  const seen: Record<string, number> = {};
  for (const [key, count] of Object.entries(expected)) {
    answered[key] = count - (refused[key] ?? 0);
    seen[key] = local.calls(key.slice(key.indexOf(":") + 1));
  }
  expect(seen).toEqual(answered);
}

/** A read model's part that must have been read; a failure shows its code and AWS's words. */
export function valueOf<T>(part: Part<T>): T {
  if (!part.ok) throw new Error(`expected the part to be read, got ${part.error.code}: ${part.error.detail}`);
  return part.value;
}
