import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type DeploymentConfiguration,
} from "@aws-sdk/client-ecs";
import {
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteRuleCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
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

/** The demo load balancer's listener ELB answers production traffic on; scratch rules go on it, each with a host of its own. */
const DEMO_LOAD_BALANCER = "demo";
const DEMO_PRODUCTION_PORT = 80;

export function localElb(): ElasticLoadBalancingV2Client {
  const endpoint = process.env.SLIPWAY_LOCAL_ECS_URL;
  if (!endpoint) throw new Error("SLIPWAY_LOCAL_ECS_URL is not set: run the browser tests through `npx playwright test`.");
  assertLocalUrl(endpoint, "local ECS at");
  return new ElasticLoadBalancingV2Client({ endpoint, region: REGION, credentials: { accessKeyId: "local-ecs", secretAccessKey: "local-ecs" } });
}

export interface ScratchLoadBalancing {
  blueName: string;
  greenName: string;
  blueArn: string;
  greenArn: string;
  /** A rule on the demo's production listener: host `<name>.*` forwards to blue (weight 1) and green (weight 0). */
  productionRuleArn: string;
  /** "Host is <name>.*", as the dashboard words the rule. */
  hostCondition: string;
  /** Deletes the rule and both target groups; the demo load balancer is as seeded again. */
  remove(): Promise<void>;
}

/**
 * A blue and a green target group of a test's own and a listener rule for them on the demo
 * load balancer, so a scratch service can go behind it without touching the demo's services.
 * `remove()` undoes it; call it after deleting the service that uses them.
 */
export async function createScratchLoadBalancing(name: string, port = 8080): Promise<ScratchLoadBalancing> {
  const elb = localElb();
  const { LoadBalancers } = await elb.send(new DescribeLoadBalancersCommand({ Names: [DEMO_LOAD_BALANCER] }));
  const demo = LoadBalancers![0];
  const group = async (colour: string) => {
    // Target group names are at most 32 characters.
    const Name = `${name.slice(0, 26)}-${colour}`;
    try {
      const created = await elb.send(
        new CreateTargetGroupCommand({
          Name,
          Protocol: "HTTP",
          Port: port,
          VpcId: demo.VpcId,
          TargetType: "ip",
          HealthCheckPath: "/health",
          HealthCheckIntervalSeconds: 10,
          HealthyThresholdCount: 2,
        }),
      );
      return created.TargetGroups![0].TargetGroupArn!;
    } catch (error) {
      // Left by an earlier attempt of this test (a retry): use it again.
      if (!(error as { name?: string }).name?.startsWith("DuplicateTargetGroupName")) throw error;
      return (await elb.send(new DescribeTargetGroupsCommand({ Names: [Name] }))).TargetGroups![0].TargetGroupArn!;
    }
  };
  const [blueArn, greenArn] = [await group("blue"), await group("green")];
  const { Listeners } = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: demo.LoadBalancerArn }));
  const listener = Listeners!.find((candidate) => candidate.Port === DEMO_PRODUCTION_PORT)!;
  const productionRuleArn = await ruleAtFreePriority(elb, listener.ListenerArn!, `${name}.*`, blueArn, greenArn);
  return {
    blueName: `${name.slice(0, 26)}-blue`,
    greenName: `${name.slice(0, 26)}-green`,
    blueArn,
    greenArn,
    productionRuleArn,
    hostCondition: `Host is ${name}.*`,
    async remove() {
      await elb.send(new DeleteRuleCommand({ RuleArn: productionRuleArn }));
      for (const arn of [blueArn, greenArn]) await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: arn }));
    },
  };
}

/** Priorities are unique per listener and the desktop and phone runs add rules at once: the first free one above the demo's. */
async function ruleAtFreePriority(elb: ElasticLoadBalancingV2Client, listenerArn: string, host: string, blue: string, green: string): Promise<string> {
  for (let priority = 100; priority < 200; priority++) {
    try {
      const { Rules } = await elb.send(
        new CreateRuleCommand({
          ListenerArn: listenerArn,
          Priority: priority,
          Conditions: [{ Field: "host-header", HostHeaderConfig: { Values: [host] } }],
          Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 1 }, { TargetGroupArn: green, Weight: 0 }] } }],
        }),
      );
      return Rules![0].RuleArn!;
    } catch (error) {
      if (!(error as { name?: string }).name?.startsWith("PriorityInUse")) throw error;
    }
  }
  throw new Error(`No free rule priority from 100 to 199 on ${listenerArn}.`);
}

const TRAFFIC_ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers";

export interface ScratchServiceOptions {
  service?: string;
  desiredCount?: number;
  /** The task definition family; "scratch-web" unless a test wants revisions of its own. */
  family?: string;
  deploymentConfiguration?: DeploymentConfiguration;
}

/**
 * Like `createScratchService`, but behind the demo's load balancer with a blue and a green
 * target group of its own and a production listener rule (host `<cluster>.*`) forwarding to
 * both, so every strategy (rolling, blue/green, linear, canary) can be picked for it. Waits
 * until its first deployment has finished: only then does a new one shift traffic.
 */
export async function createScratchServiceBehindLoadBalancer(ecs: ECSClient, cluster: string, options: ScratchServiceOptions = {}): Promise<ScratchLoadBalancing> {
  const { service = "web", desiredCount = 2, family = "scratch-web", deploymentConfiguration } = options;
  const loadBalancing = await createScratchLoadBalancing(cluster, WEB.port);
  await ecs.send(
    new CreateClusterCommand({
      clusterName: cluster,
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }],
    }),
  );
  const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({ ...taskDefinitionFor(WEB, "1.4.2", REGION), family }));
  await ecs.send(
    new CreateServiceCommand({
      cluster,
      serviceName: service,
      taskDefinition: taskDefinition!.taskDefinitionArn,
      desiredCount,
      networkConfiguration: NETWORK,
      healthCheckGracePeriodSeconds: 30,
      deploymentConfiguration,
      loadBalancers: [
        {
          targetGroupArn: loadBalancing.blueArn,
          containerName: WEB.family,
          containerPort: WEB.port,
          advancedConfiguration: { alternateTargetGroupArn: loadBalancing.greenArn, productionListenerRule: loadBalancing.productionRuleArn, roleArn: TRAFFIC_ROLE },
        },
      ],
    }),
  );
  await waitForRunning(ecs, cluster, service, desiredCount, 60_000);
  await waitForCompleted(ecs, cluster, service);
  return loadBalancing;
}

/** Until the service's only deployment has completed. */
export async function waitForCompleted(ecs: ECSClient, cluster: string, service: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
    const deployments = services?.[0]?.deployments ?? [];
    if (deployments.length === 1 && deployments[0]!.rolloutState === "COMPLETED") return;
    if (Date.now() > deadline) throw new Error(`${service} in ${cluster} did not complete its deployment within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
