import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand } from "@aws-sdk/client-ecs";
import type { TestInfo } from "@playwright/test";
import { NETWORK, taskDefinitionFor, WEB, WORKER } from "../emulator/seed/apps";
import { assertLocalUrl } from "./local-only";

/**
 * Tests that change things (scale, stop, run, create) do it in clusters of their own, made
 * here through the SDK against the same local ECS the dashboard reads, so the demo the
 * read-only tests look at stays as seeded, and the desktop and phone runs never meet.
 */
const REGION = "us-east-1";

export function localEcs(): ECSClient {
  const endpoint = process.env.SLIPWAY_LOCAL_ECS_URL;
  if (!endpoint) throw new Error("SLIPWAY_LOCAL_ECS_URL is not set: run the browser tests through `npx playwright test`, whose global setup starts local ECS.");
  assertLocalUrl(endpoint, "local ECS at");
  return new ECSClient({ endpoint, region: REGION, credentials: { accessKeyId: "local-ecs", secretAccessKey: "local-ecs" } });
}

/** "scale-desktop": a name for this test's own resources, apart from the other project's. */
export function scratchName(area: string, testInfo: TestInfo): string {
  return `${area}-${testInfo.project.name}`;
}

/** A Fargate cluster with a `web` service of `desiredCount` tasks (the demo's web app), waiting until they all run. */
export async function createScratchService(ecs: ECSClient, cluster: string, service = "web", desiredCount = 2): Promise<void> {
  await ecs.send(
    new CreateClusterCommand({
      clusterName: cluster,
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }],
    }),
  );
  // A family of its own, so the demo's web revisions stay as seeded.
  const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({ ...taskDefinitionFor(WEB, "1.4.2", REGION), family: "scratch-web" }));
  await ecs.send(
    new CreateServiceCommand({ cluster, serviceName: service, taskDefinition: taskDefinition!.taskDefinitionArn, desiredCount, networkConfiguration: NETWORK }),
  );
  await waitForRunning(ecs, cluster, service, desiredCount);
}

export async function waitForRunning(ecs: ECSClient, cluster: string, service: string, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
    if (services?.[0]?.runningCount === count) return;
    if (Date.now() > deadline) throw new Error(`${service} in ${cluster} did not reach ${count} running tasks in ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `count` standalone tasks of the demo's worker (no ports, so no servers to start), in RunTask's batches of 10. */
export async function runScratchTasks(ecs: ECSClient, cluster: string, count: number): Promise<void> {
  const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({ ...taskDefinitionFor(WORKER, "1.0.0", REGION), family: "scratch-worker" }));
  for (let left = count; left > 0; left -= 10) {
    await ecs.send(
      new RunTaskCommand({ cluster, taskDefinition: taskDefinition!.taskDefinitionArn, count: Math.min(10, left), networkConfiguration: NETWORK }),
    );
  }
}
