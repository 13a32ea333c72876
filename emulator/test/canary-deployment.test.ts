import { ContinueServiceDeploymentCommand, StopServiceDeploymentCommand, UpdateServiceCommand, type DeploymentConfiguration, type ServiceDeployment } from "@aws-sdk/client-ecs";
import type { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsError, waitFor, waitForSteadyState } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";
import {
  createWebStack,
  describeServiceDeployment,
  registerWebImage,
  ruleWeights,
  splitOfRequests,
  type WebStack,
} from "./load-balanced-fixtures";

let local: TestEmulator;
let elb: ElasticLoadBalancingV2Client;

beforeAll(async () => {
  local = await startTestEmulator({ timeScale: 60 });
  elb = local.elb;
});
afterAll(() => local.stop());

const canaryWithApproval = (timeout: { timeoutInMinutes: number; action: "ROLLBACK" | "CONTINUE" }): DeploymentConfiguration => ({
  strategy: "CANARY",
  canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 },
  bakeTimeInMinutes: 1,
  lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: timeout }],
});

/** Starts a v2 deployment of the stack's service and returns its ARN. */
async function deploy(stack: WebStack, taskDefinition: string): Promise<string> {
  const { service } = await local.ecs.send(new UpdateServiceCommand({ cluster: stack.cluster, service: stack.service, taskDefinition }));
  return service!.currentServiceDeployment!;
}

/** Waits for the next PAUSE hook that awaits a decision, recording the stages passed on the way. */
async function awaitPause(arn: string, stages: string[], after?: string): Promise<{ sd: ServiceDeployment; hookId: string }> {
  return waitFor("a paused lifecycle hook", async () => {
    const sd = await describeServiceDeployment(local.ecs, arn);
    if (sd.lifecycleStage && stages.at(-1) !== sd.lifecycleStage) stages.push(sd.lifecycleStage);
    const hook = sd.lifecycleHookDetails?.find((h) => h.status === "AWAITING_ACTION" && h.hookId !== after);
    return hook ? { sd, hookId: hook.hookId! } : undefined;
  }, 60_000, 20);
}

describe("a canary with approval before promotion", () => {
  it("shifts 10 % of real traffic, waits for a person, then promotes green to production", async () => {
    const v1 = await registerWebImage(local.ecs, "canary-web", "1.0.0");
    const stack = await createWebStack(local.ecs, elb, "canary", { taskDefinition: v1, desiredCount: 2, deploymentConfiguration: canaryWithApproval({ timeoutInMinutes: 600, action: "ROLLBACK" }) });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    expect(await ruleWeights(elb, stack.productionRuleArn)).toEqual({ [stack.blueTargetGroupArn]: 100, [stack.greenTargetGroupArn]: 0 });

    const v2 = await registerWebImage(local.ecs, "canary-web", "2.0.0");
    const arn = await deploy(stack, v2);
    const stages: string[] = [];
    const first = await awaitPause(arn, stages);
    expect(first.sd.lifecycleStage).toBe("PRE_PRODUCTION_TRAFFIC_SHIFT");
    expect(first.sd.lifecycleHookDetails![0]).toMatchObject({ targetType: "PAUSE", timeoutAction: "ROLLBACK" });
    expect(first.hookId).toMatch(/^ecs-pause-/);
    await local.ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: first.hookId }));

    // The second pause, before the step to 100 %, is the promotion gate: the canary is live.
    const gate = await awaitPause(arn, stages, first.hookId);
    expect(stages.slice(-2)).toEqual(["PRODUCTION_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT"]);
    expect(gate.sd.targetServiceRevision?.requestedProductionTrafficWeight).toBe(10);
    expect(gate.sd.sourceServiceRevisions?.[0].requestedProductionTrafficWeight).toBe(90);
    expect(await ruleWeights(elb, stack.productionRuleArn)).toEqual({ [stack.blueTargetGroupArn]: 90, [stack.greenTargetGroupArn]: 10 });
    expect(await ruleWeights(elb, stack.testRuleArn!)).toEqual({ [stack.blueTargetGroupArn]: 0, [stack.greenTargetGroupArn]: 100 });

    const split = await splitOfRequests(stack.productionUrl, 2000);
    const greenShare = ((split["public.ecr.aws/slipway/canary-web:2.0.0"] ?? 0) / 2000) * 100;
    expect(split["public.ecr.aws/slipway/canary-web:1.0.0"] + split["public.ecr.aws/slipway/canary-web:2.0.0"]).toBe(2000);
    expect(Math.abs(greenShare - 10)).toBeLessThanOrEqual(3);

    // Still waiting: nothing moves without a decision.
    const hooks = (await describeServiceDeployment(local.ecs, arn)).lifecycleHookDetails!;
    expect(hooks.map((h) => [h.hookId, h.status])).toEqual([[first.hookId, "SUCCEEDED"], [gate.hookId, "AWAITING_ACTION"]]);
    await local.ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: gate.hookId }));
    const done = await waitFor("the deployment to succeed", async () => {
      const sd = await describeServiceDeployment(local.ecs, arn);
      return sd.status === "SUCCESSFUL" ? sd : undefined;
    }, 60_000);
    expect(done.lifecycleStage).toBe("CLEAN_UP");
    expect(done.targetServiceRevision?.requestedProductionTrafficWeight).toBe(100);
    expect(await ruleWeights(elb, stack.productionRuleArn)).toEqual({ [stack.blueTargetGroupArn]: 0, [stack.greenTargetGroupArn]: 100 });
    const service = await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    expect(service.taskDefinition).toBe(v2);
    const entered = service.events!.map((e) => /entered lifecycle stage (\w+)/.exec(e.message!)?.[1]).filter(Boolean).reverse();
    expect(entered).toEqual([
      "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
      "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT",
      "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP",
    ]);
    const after = await splitOfRequests(stack.productionUrl, 100);
    expect(after).toEqual({ "public.ecr.aws/slipway/canary-web:2.0.0": 100 });

    // A decision on a hook that no longer waits is refused, saying why.
    const refused = await awsError(local.ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: gate.hookId })));
    expect(refused.name).toBe("InvalidParameterException");
    expect(refused.message).toBe(`The lifecycle hook ${gate.hookId} is SUCCEEDED, not AWAITING_ACTION.`);
  });

  it("rolls back when the approval times out with action ROLLBACK", async () => {
    const v1 = await registerWebImage(local.ecs, "timeout-web", "1.0.0");
    const stack = await createWebStack(local.ecs, elb, "timeout", { taskDefinition: v1, desiredCount: 1, deploymentConfiguration: canaryWithApproval({ timeoutInMinutes: 1, action: "ROLLBACK" }) });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    const arn = await deploy(stack, await registerWebImage(local.ecs, "timeout-web", "2.0.0"));
    const rolledBack = await waitFor("the rollback", async () => {
      const sd = await describeServiceDeployment(local.ecs, arn);
      return sd.status === "ROLLBACK_SUCCESSFUL" ? sd : undefined;
    }, 60_000);
    expect(rolledBack.lifecycleHookDetails![0].status).toBe("TIMED_OUT");
    expect(rolledBack.rollback?.reason).toMatch(/timed out/);
    expect(await ruleWeights(elb, stack.productionRuleArn)).toEqual({ [stack.blueTargetGroupArn]: 100, [stack.greenTargetGroupArn]: 0 });
    const service = await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    expect(service.taskDefinition).toBe(v1);
  });

  it("closes the pause when the deployment is rolled back while it waits", async () => {
    const v1 = await registerWebImage(local.ecs, "closed-web", "1.0.0");
    const stack = await createWebStack(local.ecs, elb, "closed", { taskDefinition: v1, desiredCount: 1, deploymentConfiguration: canaryWithApproval({ timeoutInMinutes: 600, action: "ROLLBACK" }) });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    const arn = await deploy(stack, await registerWebImage(local.ecs, "closed-web", "2.0.0"));
    const { hookId } = await awaitPause(arn, []);
    await local.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: "ROLLBACK" }));
    const rolledBack = await waitFor("the rollback", async () => {
      const sd = await describeServiceDeployment(local.ecs, arn);
      return sd.status === "ROLLBACK_SUCCESSFUL" ? sd : undefined;
    }, 60_000);
    expect(rolledBack.lifecycleHookDetails!.map((h) => h.status)).toEqual(["FAILED"]);
    const refused = await awsError(local.ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId })));
    expect(refused.message).toBe(`The lifecycle hook ${hookId} is FAILED, not AWAITING_ACTION.`);
  });

  it("asks the revision that served production for its traffic when a new deployment takes over from a paused canary, and none of the canary", async () => {
    const v1 = await registerWebImage(local.ecs, "takeover-web", "1.0.0");
    const stack = await createWebStack(local.ecs, elb, "takeover", { taskDefinition: v1, desiredCount: 1, deploymentConfiguration: canaryWithApproval({ timeoutInMinutes: 600, action: "ROLLBACK" }) });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    const paused = await deploy(stack, await registerWebImage(local.ecs, "takeover-web", "2.0.0"));
    const { sd: before } = await awaitPause(paused, []);
    const blue = before.sourceServiceRevisions![0]!.arn;
    const canary = before.targetServiceRevision!.arn;

    const takeover = await deploy(stack, await registerWebImage(local.ecs, "takeover-web", "3.0.0"));
    const after = await describeServiceDeployment(local.ecs, takeover);
    const source = (arn: string | undefined) => after.sourceServiceRevisions!.find((summary) => summary.arn === arn);
    expect(source(blue)).toMatchObject({ requestedProductionTrafficWeight: 100, requestedTestTrafficWeight: 100 });
    expect(source(canary)).toMatchObject({ requestedProductionTrafficWeight: 0, requestedTestTrafficWeight: 0 });
    expect(after.targetServiceRevision).toMatchObject({ requestedProductionTrafficWeight: 0 });
    expect((await describeServiceDeployment(local.ecs, paused)).status).toBe("STOPPED");
  });
});
