import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand } from "@aws-sdk/client-ecs";
import {
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
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

/** ELBv2 of the same local ECS, for scratch target groups and listener rules on the demo's load balancer. */
export function localElb(): ElasticLoadBalancingV2Client {
  const endpoint = process.env.SLIPWAY_LOCAL_ECS_URL;
  if (!endpoint) throw new Error("SLIPWAY_LOCAL_ECS_URL is not set: run the browser tests through `npx playwright test`, whose global setup starts local ECS.");
  assertLocalUrl(endpoint, "local ECS at");
  return new ElasticLoadBalancingV2Client({ endpoint, region: REGION, credentials: { accessKeyId: "local-ecs", secretAccessKey: "local-ecs" } });
}

const TRAFFIC_ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers";

/** A listener rule priority of this cluster's own (1000–40999), so the desktop and phone runs never ask for the same one. */
function priorityOf(cluster: string): number {
  let hash = 0;
  for (const char of cluster) hash = (hash * 31 + char.charCodeAt(0)) % 40_000;
  return 1000 + hash;
}

/**
 * Like `createScratchService`, but behind the demo's load balancer with a blue and a green
 * target group of its own and a production listener rule (host `<cluster>.*`) forwarding to
 * both, so every strategy (rolling, blue/green, linear, canary) can be picked for it. Waits
 * until its first deployment has finished.
 */
export async function createScratchServiceBehindLoadBalancer(ecs: ECSClient, elb: ElasticLoadBalancingV2Client, cluster: string, service = "web", desiredCount = 2): Promise<void> {
  const { LoadBalancers } = await elb.send(new DescribeLoadBalancersCommand({ Names: ["demo"] }));
  const { LoadBalancerArn, VpcId } = LoadBalancers![0];
  const { Listeners } = await elb.send(new DescribeListenersCommand({ LoadBalancerArn }));
  const production = Listeners!.find((listener) => listener.Port === 80)!.ListenerArn!;
  const group = async (colour: string) => {
    const created = await elb.send(
      new CreateTargetGroupCommand({
        // Target group names are at most 32 characters.
        Name: `${cluster.slice(0, 26)}-${colour}`,
        Protocol: "HTTP",
        Port: WEB.port,
        VpcId,
        TargetType: "ip",
        HealthCheckPath: WEB.healthPath,
        HealthCheckIntervalSeconds: 10,
        HealthyThresholdCount: 2,
      }),
    );
    return created.TargetGroups![0].TargetGroupArn!;
  };
  const [blue, green] = [await group("blue"), await group("green")];
  const { Rules } = await elb.send(
    new CreateRuleCommand({
      ListenerArn: production,
      Priority: priorityOf(cluster),
      Conditions: [{ Field: "host-header", HostHeaderConfig: { Values: [`${cluster}.*`] } }],
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 1 }, { TargetGroupArn: green, Weight: 0 }] } }],
    }),
  );
  await ecs.send(
    new CreateClusterCommand({
      clusterName: cluster,
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }],
    }),
  );
  const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({ ...taskDefinitionFor(WEB, "1.4.2", REGION), family: "scratch-web" }));
  await ecs.send(
    new CreateServiceCommand({
      cluster,
      serviceName: service,
      taskDefinition: taskDefinition!.taskDefinitionArn,
      desiredCount,
      networkConfiguration: NETWORK,
      healthCheckGracePeriodSeconds: 30,
      loadBalancers: [
        {
          targetGroupArn: blue,
          containerName: WEB.family,
          containerPort: WEB.port,
          advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule: Rules![0].RuleArn, roleArn: TRAFFIC_ROLE },
        },
      ],
    }),
  );
  await waitForRunning(ecs, cluster, service, desiredCount, 60_000);
}
