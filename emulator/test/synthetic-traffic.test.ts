import { UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { waitFor, waitForSteadyState } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";
import { createWebStack, registerWebImage, ruleWeights } from "./load-balanced-fixtures";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator({ timeScale: 60, syntheticTrafficPerSecond: 100 });
});
afterAll(() => local.stop());

const requestsTo = (targetGroupArn: string, sinceSecond: number) =>
  local.emulator.world.loadBalancing.trafficOf(targetGroupArn, sinceSecond).reduce((sum, sample) => sum + sample.requests, 0);

it("sends steady client traffic through the load balancer, so a canary's split shows in request counts", async () => {
  const v1 = await registerWebImage(local.ecs, "synthetic-web", "1.0.0");
  const stack = await createWebStack(local.ecs, local.elb, "synthetic", {
    taskDefinition: v1,
    desiredCount: 1,
    deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 60 } },
    // Synthetic clients visit every listener; without a test listener all of them are production's.
    testListener: false,
  });
  await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
  await local.ecs.send(new UpdateServiceCommand({ cluster: stack.cluster, service: stack.service, taskDefinition: await registerWebImage(local.ecs, "synthetic-web", "2.0.0") }));
  await waitFor("the canary step", async () => ((await ruleWeights(local.elb, stack.productionRuleArn))[stack.greenTargetGroupArn] === 20 ? true : undefined), 60_000);

  const since = Math.floor(local.emulator.world.clock.nowMs() / 1000) + 1;
  const counted = await waitFor("a few hundred requests", async () => {
    const blue = requestsTo(stack.blueTargetGroupArn, since);
    const green = requestsTo(stack.greenTargetGroupArn, since);
    return blue + green >= 300 ? { blue, green } : undefined;
  }, 30_000, 200);
  const greenShare = (counted.green / (counted.blue + counted.green)) * 100;
  expect(Math.abs(greenShare - 20)).toBeLessThanOrEqual(3);
});
