import { DescribeServiceRevisionsCommand, DescribeTasksCommand, ListTasksCommand, StopServiceDeploymentCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import type { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeService, waitFor, waitForSteadyState } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";
import { createWebStack, describeServiceDeployment, registerWebImage, ruleWeights, type WebStack } from "./load-balanced-fixtures";

let local: TestEmulator;
let elb: ElasticLoadBalancingV2Client;

beforeAll(async () => {
  local = await startTestEmulator({ timeScale: 60 });
  elb = local.elb;
});
afterAll(() => local.stop());

async function deploy(stack: WebStack, taskDefinition: string): Promise<string> {
  const { service } = await local.ecs.send(new UpdateServiceCommand({ cluster: stack.cluster, service: stack.service, taskDefinition }));
  return service!.currentServiceDeployment!;
}

async function waitForStatus(arn: string, status: string) {
  return waitFor(`service deployment ${status}`, async () => {
    const sd = await describeServiceDeployment(local.ecs, arn);
    return sd.status === status ? sd : undefined;
  }, 60_000, 20);
}

async function greenTaskCount(stack: WebStack, taskDefinition: string): Promise<number> {
  const arns = (await local.ecs.send(new ListTasksCommand({ cluster: stack.cluster, serviceName: stack.service }))).taskArns!;
  if (arns.length === 0) return 0;
  const tasks = (await local.ecs.send(new DescribeTasksCommand({ cluster: stack.cluster, tasks: arns }))).tasks!;
  return tasks.filter((t) => t.taskDefinitionArn === taskDefinition).length;
}

describe("traffic-shifting strategies", () => {
  it("LINEAR with stepPercent 30 moves production traffic 30, 60, 90, 100", async () => {
    const v1 = await registerWebImage(local.ecs, "linear-web", "1.0.0");
    const stack = await createWebStack(local.ecs, elb, "linear", {
      taskDefinition: v1,
      desiredCount: 1,
      deploymentConfiguration: { strategy: "LINEAR", linearConfiguration: { stepPercent: 30, stepBakeTimeInMinutes: 1 }, bakeTimeInMinutes: 0 },
    });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    const arn = await deploy(stack, await registerWebImage(local.ecs, "linear-web", "2.0.0"));
    const seen: number[] = [];
    await waitFor("the linear deployment to succeed", async () => {
      const green = (await ruleWeights(elb, stack.productionRuleArn))[stack.greenTargetGroupArn];
      if (seen.at(-1) !== green) seen.push(green);
      const sd = await describeServiceDeployment(local.ecs, arn);
      return sd.status === "SUCCESSFUL" ? sd : undefined;
    }, 60_000, 20);
    expect(seen).toEqual([0, 30, 60, 90, 100]);
  });

  it("BLUE_GREEN shifts everything at once, then bakes before cleaning up", async () => {
    const v1 = await registerWebImage(local.ecs, "bg-web", "1.0.0");
    const stack = await createWebStack(local.ecs, elb, "bluegreen", {
      taskDefinition: v1,
      desiredCount: 1,
      deploymentConfiguration: { strategy: "BLUE_GREEN", bakeTimeInMinutes: 2 },
    });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    const arn = await deploy(stack, await registerWebImage(local.ecs, "bg-web", "2.0.0"));
    const baking = await waitFor("the bake", async () => {
      const sd = await describeServiceDeployment(local.ecs, arn);
      return sd.lifecycleStage === "BAKE_TIME" ? sd : undefined;
    }, 60_000, 20);
    expect(baking.status).toBe("IN_PROGRESS");
    expect(await ruleWeights(elb, stack.productionRuleArn)).toEqual({ [stack.blueTargetGroupArn]: 0, [stack.greenTargetGroupArn]: 100 });
    // While baking, blue still runs so that a rollback is instant.
    const service = await describeService(local.ecs, stack.cluster, stack.service);
    expect(service.deployments).toHaveLength(2);
    // Each revision says which target group its tasks are in.
    const revisionArns = [baking.sourceServiceRevisions![0]!.arn!, baking.targetServiceRevision!.arn!];
    const { serviceRevisions } = await local.ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: revisionArns }));
    expect(revisionArns.map((arn) => serviceRevisions!.find((r) => r.serviceRevisionArn === arn)!.resolvedConfiguration?.loadBalancers)).toEqual([
      [{ targetGroupArn: stack.blueTargetGroupArn, productionListenerRule: stack.productionRuleArn }],
      [{ targetGroupArn: stack.greenTargetGroupArn, productionListenerRule: stack.productionRuleArn }],
    ]);
    await waitForStatus(arn, "SUCCESSFUL");
  });

  it("a manual rollback returns traffic to blue and scales green to 0", async () => {
    const v1 = await registerWebImage(local.ecs, "rollback-web", "1.0.0");
    const stack = await createWebStack(local.ecs, elb, "rollback", {
      taskDefinition: v1,
      desiredCount: 2,
      deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 30 } },
    });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    const v2 = await registerWebImage(local.ecs, "rollback-web", "2.0.0");
    const arn = await deploy(stack, v2);
    await waitFor("the canary", async () => ((await ruleWeights(elb, stack.productionRuleArn))[stack.greenTargetGroupArn] === 20 ? true : undefined), 60_000);
    await local.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: "ROLLBACK" }));
    expect(await ruleWeights(elb, stack.productionRuleArn)).toEqual({ [stack.blueTargetGroupArn]: 100, [stack.greenTargetGroupArn]: 0 });
    const done = await waitForStatus(arn, "ROLLBACK_SUCCESSFUL");
    expect(done.rollback?.reason).toBe("Service deployment rollback requested");
    const service = await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    expect(service.taskDefinition).toBe(v1);
    expect(await greenTaskCount(stack, v2)).toBe(0);
  });

  it("ABORT stops the deployment where it is, traffic and tasks included", async () => {
    const v1 = await registerWebImage(local.ecs, "abort-web", "1.0.0");
    const stack = await createWebStack(local.ecs, elb, "abort", {
      taskDefinition: v1,
      desiredCount: 1,
      deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 25, canaryBakeTimeInMinutes: 30 } },
    });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    const v2 = await registerWebImage(local.ecs, "abort-web", "2.0.0");
    const arn = await deploy(stack, v2);
    await waitFor("the canary", async () => ((await ruleWeights(elb, stack.productionRuleArn))[stack.greenTargetGroupArn] === 25 ? true : undefined), 60_000);
    await local.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: "ABORT" }));
    expect((await describeServiceDeployment(local.ecs, arn)).status).toBe("STOP_REQUESTED");
    const stopped = await waitForStatus(arn, "STOPPED");
    expect(stopped.lifecycleStage).toBe("PRODUCTION_TRAFFIC_SHIFT");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await ruleWeights(elb, stack.productionRuleArn)).toEqual({ [stack.blueTargetGroupArn]: 75, [stack.greenTargetGroupArn]: 25 });
    expect(await greenTaskCount(stack, v2)).toBe(1);
    expect(await greenTaskCount(stack, v1)).toBe(1);
  });
});

describe("a rolling deployment behind a load balancer", () => {
  it("replaces a task whose target fails health checks and counts it toward the circuit breaker", async () => {
    const v1 = await registerWebImage(local.ecs, "elb-rolling", "1.0.0");
    const stack = await createWebStack(local.ecs, elb, "elbrolling", {
      taskDefinition: v1,
      desiredCount: 2,
      deploymentConfiguration: { strategy: "ROLLING", minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    // Only the load balancer's check fails: this revision has no container health check.
    const broken = await registerWebImage(local.ecs, "elb-rolling", "2.0.0-unhealthy", [{ name: "SLIPWAY_FAIL_HEALTH_CHECK", value: "true" }], {
      containerHealthCheck: false,
    });
    const arn = await deploy(stack, broken);
    const done = await waitForStatus(arn, "ROLLBACK_SUCCESSFUL");
    expect(done.deploymentCircuitBreaker).toMatchObject({ status: "TRIGGERED", failureCount: 3, threshold: 3 });
    const service = await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    expect(service.taskDefinition).toBe(v1);
    expect(service.events!.some((e) => /failed ELB health checks in \(target-group .*elbrolling-blue/.test(e.message!))).toBe(true);
  });
});
