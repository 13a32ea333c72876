import {
  CreateServiceCommand,
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
  type UpdateServiceCommandInput,
  type Service,
} from "@aws-sdk/client-ecs";
import {
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  type RuleCondition,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFargateCluster, describeService, describeServiceDeployment, NETWORK, registerWebApp, waitFor, waitForSteadyState } from "../../emulator/test/fixtures";
import { startTestEmulator, type TestEmulator } from "../../emulator/test/harness";
import { createDemoLoadBalancer } from "../../emulator/seed/load-balancer";
import { checkChoices, deployChoices, type StrategyChoice } from "./choices";
import { createServiceChoices } from "./create-choices";
import { deploymentConfigurationFor, planCreateService, planDeployment, withRegisteredRevision } from "./plan";

/**
 * What the planner builds, ECS takes: for each strategy, the CreateService and UpdateService
 * inputs are accepted by a real local ECS behind the demo's load balancer, the service then
 * shows the chosen configuration, and the deployment runs with it. Values the choices refuse,
 * local ECS refuses too.
 */
const CLUSTER = "deploy-plan";
const ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers";

let local: TestEmulator;
let vpcId: string;
let productionListenerArn: string;
let testListenerArn: string;
let nextPriority = 100;

beforeAll(async () => {
  local = await startTestEmulator({ timeScale: 60 });
  await createDemoLoadBalancer(local.elb);
  const { LoadBalancers } = await local.elb.send(new DescribeLoadBalancersCommand({ Names: ["demo"] }));
  vpcId = LoadBalancers![0].VpcId!;
  const { Listeners } = await local.elb.send(new DescribeListenersCommand({ LoadBalancerArn: LoadBalancers![0].LoadBalancerArn }));
  productionListenerArn = Listeners!.find((listener) => listener.Port === 80)!.ListenerArn!;
  testListenerArn = Listeners!.find((listener) => listener.Port === 8080)!.ListenerArn!;
  await createFargateCluster(local.ecs, CLUSTER);
}, 60_000);
afterAll(() => local?.stop());

/**
 * A blue and a green target group for one service, and a rule on each of the demo's listeners
 * forwarding to both (green at 0): production by host name, test by path.
 */
async function trafficGroups(name: string) {
  const group = async (colour: string) => {
    const created = await local.elb.send(
      new CreateTargetGroupCommand({ Name: `${name}-${colour}`, Protocol: "HTTP", Port: 8080, VpcId: vpcId, TargetType: "ip", HealthCheckPath: "/health", HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2 }),
    );
    return created.TargetGroups![0].TargetGroupArn!;
  };
  const [blue, green] = [await group("blue"), await group("green")];
  const rule = async (ListenerArn: string, condition: RuleCondition) => {
    const created = await local.elb.send(
      new CreateRuleCommand({
        ListenerArn,
        Priority: nextPriority++,
        Conditions: [condition],
        Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 1 }, { TargetGroupArn: green, Weight: 0 }] } }],
      }),
    );
    return created.Rules![0].RuleArn!;
  };
  return {
    blue,
    green,
    rule: await rule(productionListenerArn, { Field: "host-header", HostHeaderConfig: { Values: [`${name}.*`] } }),
    testRule: await rule(testListenerArn, { Field: "path-pattern", PathPatternConfig: { Values: [`/${name}/*`] } }),
  };
}

/** A rolling service of one task behind its own groups, created as the wizard plans it, and stable. */
async function createService(name: string, strategy: unknown = { kind: "rolling" }): Promise<Service & { testRule: string }> {
  const groups = await trafficGroups(name);
  const taskDefinition = await registerWebApp(local.ecs, name, `public.ecr.aws/slipway/${name}:1.0.0`);
  const choices = createServiceChoices.parse({
    cluster: CLUSTER,
    serviceName: name,
    taskDefinition,
    desiredCount: "1",
    placement: { kind: "cluster-default" },
    network: { subnets: NETWORK.awsvpcConfiguration.subnets, securityGroups: [], assignPublicIp: "ENABLED" },
    loadBalancer: { targetGroupArn: groups.blue, containerName: "app", containerPort: 8080, alternateTargetGroupArn: groups.green, productionListenerRule: groups.rule, roleArn: ROLE },
    strategy,
  });
  const input = planCreateService(choices);
  const { service } = await local.ecs.send(new CreateServiceCommand(input));
  expect(service?.deploymentConfiguration).toEqual(expect.objectContaining(input.deploymentConfiguration));
  return { ...(await waitForSteadyState(local.ecs, CLUSTER, name)), testRule: groups.testRule };
}

/** Plans new images for `service` with `strategy`, registers and deploys them; returns what was planned and the service deployment. */
async function deployNewImage(service: Service, strategy: unknown) {
  const { taskDefinition, tags } = await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition, include: ["TAGS"] }));
  const choices = deployChoices.parse({
    target: { cluster: CLUSTER, service: service.serviceName },
    source: { kind: "new-images", images: { app: `public.ecr.aws/slipway/${service.serviceName}:1.1.0` }, changeNote: "Faster checkout" },
    strategy,
  });
  const result = planDeployment(choices, service, { taskDefinition: taskDefinition!, tags });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  const registered = await local.ecs.send(new RegisterTaskDefinitionCommand(result.plan.registerTaskDefinition!));
  const arn = registered.taskDefinition!.taskDefinitionArn!;
  const updated = await local.ecs.send(new UpdateServiceCommand(withRegisteredRevision(result.plan.updateService, arn)));
  expect(updated.service?.taskDefinition).toBe(arn);
  expect(updated.service?.deploymentConfiguration).toEqual(result.plan.configurationAfter);
  const deploymentArn = updated.service!.currentServiceDeployment!;
  return { plan: result.plan, deploymentArn, registeredTags: registered.tags };
}

async function waitForStatus(deploymentArn: string, status: string) {
  return waitFor(`the deployment to be ${status}`, async () => {
    const deployment = await describeServiceDeployment(local.ecs, deploymentArn);
    if (deployment.status === status) return deployment;
    if (deployment.status !== "PENDING" && deployment.status !== "IN_PROGRESS") throw new Error(`ended ${deployment.status}: ${deployment.statusReason}`);
    return undefined;
  }, 45_000, 100);
}

describe("the planner's inputs are what local ECS takes", () => {
  it("rolls a new image out with the chosen minimum, maximum and circuit breaker", async () => {
    const service = await createService("roll");
    const { deploymentArn, registeredTags } = await deployNewImage(service, { kind: "rolling", rolling: { minimumHealthyPercent: 0, maximumPercent: 100, circuitBreaker: { enable: true, rollback: true }, healthCheckGracePeriodSeconds: 15 } });
    expect(registeredTags).toContainEqual({ key: "slipway:change-note", value: "Faster checkout" });
    const finished = await waitForStatus(deploymentArn, "SUCCESSFUL");
    expect(finished.deploymentConfiguration).toMatchObject({ strategy: "ROLLING", minimumHealthyPercent: 0, maximumPercent: 100 });
    expect((await describeService(local.ecs, CLUSTER, "roll")).healthCheckGracePeriodSeconds).toBe(15);
  });

  it("switches to blue/green with a test listener rule and shifts all traffic to the new revision", async () => {
    const service = await createService("bg");
    const { deploymentArn, plan } = await deployNewImage(service, { kind: "blueGreen", blueGreen: { bakeTimeMinutes: 1, testListenerRule: service.testRule } });
    expect(plan.updateService.loadBalancers).toHaveLength(1);
    const described = await describeService(local.ecs, CLUSTER, "bg");
    expect(described.loadBalancers?.[0].advancedConfiguration?.testListenerRule).toBe(service.testRule);
    const finished = await waitForStatus(deploymentArn, "SUCCESSFUL");
    expect(finished.deploymentConfiguration).toMatchObject({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 1 });
    expect(finished.targetServiceRevision?.requestedProductionTrafficWeight).toBe(100);
  });

  it("switches to linear and finishes its steps", async () => {
    const service = await createService("lin");
    const { deploymentArn } = await deployNewImage(service, { kind: "linear", linear: { stepPercent: 50, stepBakeTimeMinutes: 1, bakeTimeMinutes: 0 } });
    const finished = await waitForStatus(deploymentArn, "SUCCESSFUL");
    expect(finished.deploymentConfiguration).toMatchObject({ strategy: "LINEAR", linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 } });
  });

  it("switches to a canary that waits for approval before its first traffic step, as chosen", async () => {
    const service = await createService("can");
    const approval = { stage: "PRE_PRODUCTION_TRAFFIC_SHIFT", timeoutMinutes: 600, timeoutAction: "ROLLBACK" };
    const { deploymentArn } = await deployNewImage(service, { kind: "canary", canary: { canaryPercent: 12.5, canaryBakeTimeMinutes: 1, bakeTimeMinutes: 1, approval } });
    const paused = await waitFor("the canary to pause", async () => {
      const deployment = await describeServiceDeployment(local.ecs, deploymentArn);
      return deployment.lifecycleHookDetails?.some((hook) => hook.status === "AWAITING_ACTION") ? deployment : undefined;
    }, 45_000, 100);
    expect(paused.lifecycleStage).toBe("PRE_PRODUCTION_TRAFFIC_SHIFT");
    expect(paused.lifecycleHookDetails?.[0]).toMatchObject({ targetType: "PAUSE", timeoutAction: "ROLLBACK" });
    expect(paused.deploymentConfiguration?.canaryConfiguration).toEqual({ canaryPercent: 12.5, canaryBakeTimeInMinutes: 1 });
  });

  it("creates a service with a canary strategy and its approval from the start", async () => {
    const service = await createService("fresh", { kind: "canary", canary: { canaryPercent: 20, approval: { stage: "POST_TEST_TRAFFIC_SHIFT" } } });
    expect(service.deploymentConfiguration).toMatchObject({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 20 }, lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"] }] });
    expect(service.loadBalancers?.[0].advancedConfiguration?.roleArn).toBe(ROLE);
  });
});

describe("out of range for the choices, out of range for local ECS", () => {
  let service: Service;
  beforeAll(async () => {
    service = await createService("edges");
  }, 60_000);

  /** What UpdateService says of settings alone: no new revision, so no deployment starts. */
  async function update(settings: Pick<UpdateServiceCommandInput, "deploymentConfiguration" | "healthCheckGracePeriodSeconds">): Promise<"accepted" | string> {
    try {
      await local.ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: service.serviceName, ...settings }));
      return "accepted";
    } catch (error) {
      return (error as Error).name;
    }
  }

  /** The strategy with one setting forced to `value`, past the schema: what a form without checks would send. */
  const CASES: { path: string; strategy: (value: number) => StrategyChoice; edges: number[]; outside: number[] }[] = [
    { path: "strategy.rolling.minimumHealthyPercent", strategy: (v) => rolling({ minimumHealthyPercent: v }), edges: [0, 100], outside: [-1, 101, 50.5] },
    { path: "strategy.rolling.maximumPercent", strategy: (v) => rolling({ maximumPercent: v }), edges: [100, 200], outside: [99, 201] },
    { path: "strategy.rolling.healthCheckGracePeriodSeconds", strategy: (v) => rolling({ healthCheckGracePeriodSeconds: v }), edges: [0, 2_147_483_647], outside: [-1, 2_147_483_648] },
    { path: "strategy.blueGreen.bakeTimeMinutes", strategy: (v) => ({ kind: "blueGreen", blueGreen: { bakeTimeMinutes: v } }), edges: [0, 1440], outside: [-1, 1441, 2.5] },
    { path: "strategy.canary.canaryPercent", strategy: (v) => canary({ canaryPercent: v }), edges: [0.1, 100], outside: [0, 100.1, 0.05] },
    { path: "strategy.canary.canaryBakeTimeMinutes", strategy: (v) => canary({ canaryBakeTimeMinutes: v }), edges: [0, 1440], outside: [-1, 1441] },
    { path: "strategy.linear.stepPercent", strategy: (v) => linear({ stepPercent: v }), edges: [3, 100], outside: [2.9, 100.1, 10.05] },
    { path: "strategy.linear.stepBakeTimeMinutes", strategy: (v) => linear({ stepBakeTimeMinutes: v }), edges: [0, 1440], outside: [-1, 1441] },
    { path: "strategy.canary.approval.timeoutMinutes", strategy: (v) => canary({ approval: { stage: "PRE_PRODUCTION_TRAFFIC_SHIFT", timeoutMinutes: v, timeoutAction: "ROLLBACK" } }), edges: [1, 20_160], outside: [0, 20_161] },
  ];

  for (const { path, strategy, edges, outside } of CASES) {
    it(`${path}: both take ${edges.join(" and ")}, both refuse ${outside.join(", ")}`, async () => {
      for (const value of edges) {
        expect(checkChoices(deployChoices, choicesWith(strategy(value))).ok).toBe(true);
        expect(await update(configurationOf(strategy(value)))).toBe("accepted");
      }
      for (const value of outside) {
        const ours = checkChoices(deployChoices, choicesWith(strategy(value)));
        expect(ours.ok ? [] : Object.keys(ours.fieldErrors), `the choices refuse ${value}`).toEqual([path]);
        // The grace period is an UpdateService member of its own, not part of the deployment configuration.
        const theirs = path.endsWith("healthCheckGracePeriodSeconds") ? await update({ healthCheckGracePeriodSeconds: value }) : await update(configurationOf(strategy(value)));
        expect(theirs, `local ECS refuses ${value}`).toBe("InvalidParameterException");
      }
    });
  }

  it("both refuse a pause where a rollback also passes", async () => {
    const ours = checkChoices(deployChoices, choicesWith({ ...canary({}), canary: { ...canary({}).canary, approval: { stage: "TEST_TRAFFIC_SHIFT" as never, timeoutMinutes: 60, timeoutAction: "ROLLBACK" } } }));
    expect(ours.ok ? [] : Object.keys(ours.fieldErrors)).toEqual(["strategy.canary.approval.stage"]);
    const hooks: DeploymentConfiguration = { strategy: "CANARY", deploymentCircuitBreaker: { enable: false, rollback: false }, lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["TEST_TRAFFIC_SHIFT"] }] };
    const theirs = await update({ deploymentConfiguration: hooks });
    expect(theirs).toBe("InvalidParameterException");
  });

  function configurationOf(strategy: StrategyChoice): { deploymentConfiguration: DeploymentConfiguration } {
    return { deploymentConfiguration: deploymentConfigurationFor(strategy, service.deploymentConfiguration) };
  }
});

function choicesWith(strategy: StrategyChoice) {
  return { target: { cluster: CLUSTER, service: "edges" }, source: { kind: "revision", taskDefinition: "edges:1" }, strategy };
}

function rolling(settings: Partial<Extract<StrategyChoice, { kind: "rolling" }>["rolling"]>): StrategyChoice {
  return { kind: "rolling", rolling: { minimumHealthyPercent: 100, maximumPercent: 200, circuitBreaker: { enable: true, rollback: true }, healthCheckGracePeriodSeconds: 0, ...settings } };
}

function canary(settings: Partial<Extract<StrategyChoice, { kind: "canary" }>["canary"]>): Extract<StrategyChoice, { kind: "canary" }> {
  return { kind: "canary", canary: { canaryPercent: 5, canaryBakeTimeMinutes: 10, bakeTimeMinutes: 5, ...settings } };
}

function linear(settings: Partial<Extract<StrategyChoice, { kind: "linear" }>["linear"]>): StrategyChoice {
  return { kind: "linear", linear: { stepPercent: 10, stepBakeTimeMinutes: 6, bakeTimeMinutes: 5, ...settings } };
}
