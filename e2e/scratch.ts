import { createHash } from "node:crypto";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
} from "@aws-sdk/client-ecs";
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { TestInfo } from "@playwright/test";
import { NETWORK, SECURITY_GROUP, SUBNETS, taskDefinitionFor, WEB, WORKER } from "../emulator/seed/apps";
import { assertLocalUrl } from "./local-only";

/**
 * Tests that change things (scale, stop, run, create, deploy) do it on resources of their own —
 * clusters, task definition families, load balancers — made here through the SDK against the
 * same local ECS the dashboard reads, so the demo the read-only tests look at stays as seeded,
 * and the desktop and phone runs, and repeats of a test, never meet.
 */
const REGION = "us-east-1";

export function localEcs(): ECSClient {
  const endpoint = process.env.SLIPWAY_LOCAL_ECS_URL;
  if (!endpoint) throw new Error("SLIPWAY_LOCAL_ECS_URL is not set: run the browser tests through `npx playwright test`, whose global setup starts local ECS.");
  assertLocalUrl(endpoint, "local ECS at");
  return new ECSClient({ endpoint, region: REGION, credentials: { accessKeyId: "local-ecs", secretAccessKey: "local-ecs" } });
}

/**
 * "scale-desktop": a name for this test's own resources, apart from the other project's. A
 * repeat (`--repeat-each`) or a retry of the test gets a name of its own, "scale-r2-t1-desktop",
 * which neither contains nor is contained in another attempt's: filters by name find one.
 */
export function scratchName(area: string, testInfo: TestInfo): string {
  const attempt = testInfo.repeatEachIndex > 0 || testInfo.retry > 0 ? `-r${testInfo.repeatEachIndex}-t${testInfo.retry}` : "";
  return `${area}${attempt}-${testInfo.project.name}`;
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

/**
 * Like `createScratchService`, with tasks that take 150 emulated seconds (5 real) to start: at
 * the tests' pace a deployment of them stays in view for a while, and a revision made from
 * theirs (new images) starts as slowly.
 */
export async function createSlowStartingService(ecs: ECSClient, cluster: string, desiredCount = 2): Promise<void> {
  await createScratchService(ecs, cluster, "web", 0);
  const slow = { ...WEB, environment: { ...WEB.environment, SLIPWAY_STARTUP_SECONDS: "150" } };
  const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({ ...taskDefinitionFor(slow, "1.4.2", REGION), family: "scratch-web" }));
  await ecs.send(new UpdateServiceCommand({ cluster, service: "web", taskDefinition: taskDefinition!.taskDefinitionArn, desiredCount }));
  await waitForRunning(ecs, cluster, "web", desiredCount);
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

export function localCloudWatch(): CloudWatchClient {
  const endpoint = process.env.SLIPWAY_LOCAL_ECS_URL;
  if (!endpoint) throw new Error("SLIPWAY_LOCAL_ECS_URL is not set: run the browser tests through `npx playwright test`.");
  assertLocalUrl(endpoint, "local ECS at");
  return new CloudWatchClient({ endpoint, region: REGION, credentials: { accessKeyId: "local-ecs", secretAccessKey: "local-ecs" } });
}

export function localElb(): ElasticLoadBalancingV2Client {
  const endpoint = process.env.SLIPWAY_LOCAL_ECS_URL;
  if (!endpoint) throw new Error("SLIPWAY_LOCAL_ECS_URL is not set: run the browser tests through `npx playwright test`.");
  assertLocalUrl(endpoint, "local ECS at");
  return new ElasticLoadBalancingV2Client({ endpoint, region: REGION, credentials: { accessKeyId: "local-ecs", secretAccessKey: "local-ecs" } });
}

export interface ScratchLoadBalancing {
  loadBalancerName: string;
  blueName: string;
  greenName: string;
  blueArn: string;
  greenArn: string;
  /** The production listener's rule: host `<name>.*` forwards to blue (weight 1) and green (weight 0). */
  productionRuleArn: string;
  /** "Host is <name>.*", as the dashboard words the rule. */
  hostCondition: string;
  /** Deletes the load balancer and both target groups. */
  remove(): Promise<void>;
}

/** ELBv2 names are at most 32 characters: a long one keeps its start and a digest of the whole, so names stay distinct. */
function elbName(name: string, suffix = ""): string {
  const room = 32 - suffix.length;
  if (name.length <= room) return `${name}${suffix}`;
  return `${name.slice(0, room - 7)}-${createHash("sha256").update(name).digest("hex").slice(0, 6)}${suffix}`;
}

/**
 * A load balancer of a test's own — an HTTP listener on port 80 with one rule, host `<name>.*`,
 * forwarding to a blue and a green target group — so a scratch service can go behind a load
 * balancer without touching the demo's (whose rules a listener can hold only so many of).
 * `remove()` undoes it; call it after deleting the service that uses them.
 */
export async function createScratchLoadBalancing(name: string, port = 8080): Promise<ScratchLoadBalancing> {
  const elb = localElb();
  const loadBalancerName = elbName(name);
  const { LoadBalancers } = await elb.send(
    new CreateLoadBalancerCommand({ Name: loadBalancerName, Type: "application", Scheme: "internet-facing", Subnets: SUBNETS, SecurityGroups: [SECURITY_GROUP] }),
  );
  const { LoadBalancerArn, VpcId } = LoadBalancers![0];
  const group = async (colour: string) => {
    const created = await elb.send(
      new CreateTargetGroupCommand({
        Name: elbName(name, `-${colour}`),
        Protocol: "HTTP",
        Port: port,
        VpcId,
        TargetType: "ip",
        HealthCheckPath: "/health",
        HealthCheckIntervalSeconds: 10,
        HealthyThresholdCount: 2,
      }),
    );
    return created.TargetGroups![0].TargetGroupArn!;
  };
  const [blueArn, greenArn] = [await group("blue"), await group("green")];
  const { Listeners } = await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn,
      Protocol: "HTTP",
      Port: 80,
      DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain", MessageBody: "No such host.\n" } }],
    }),
  );
  const { Rules } = await elb.send(
    new CreateRuleCommand({
      ListenerArn: Listeners![0].ListenerArn,
      Priority: 10,
      Conditions: [{ Field: "host-header", HostHeaderConfig: { Values: [`${name}.*`] } }],
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blueArn, Weight: 1 }, { TargetGroupArn: greenArn, Weight: 0 }] } }],
    }),
  );
  return {
    loadBalancerName,
    blueName: elbName(name, "-blue"),
    greenName: elbName(name, "-green"),
    blueArn,
    greenArn,
    productionRuleArn: Rules![0].RuleArn!,
    hostCondition: `Host is ${name}.*`,
    async remove() {
      await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn }));
      for (const arn of [blueArn, greenArn]) await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: arn }));
    },
  };
}

const TRAFFIC_ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers";

export interface ScratchServiceOptions {
  service?: string;
  desiredCount?: number;
  /** The task definition family; "scratch-web" unless a test wants revisions of its own. */
  family?: string;
  deploymentConfiguration?: DeploymentConfiguration;
  /** false: the service knows only its target group, as one set up for rolling updates (the groups and rule still exist). */
  trafficShifting?: boolean;
}

/**
 * Like `createScratchService`, but behind a load balancer of its own with a blue and a green
 * target group and a production listener rule (host `<cluster>.*`) forwarding to both, so
 * every strategy (rolling, blue/green, linear, canary) can be picked for it. Waits
 * until its first deployment has finished: only then does a new one shift traffic.
 */
export async function createScratchServiceBehindLoadBalancer(ecs: ECSClient, cluster: string, options: ScratchServiceOptions = {}): Promise<ScratchLoadBalancing> {
  const { service = "web", desiredCount = 2, family = "scratch-web", deploymentConfiguration, trafficShifting = true } = options;
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
          advancedConfiguration: trafficShifting ? { alternateTargetGroupArn: loadBalancing.greenArn, productionListenerRule: loadBalancing.productionRuleArn, roleArn: TRAFFIC_ROLE } : undefined,
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
