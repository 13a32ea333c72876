import { UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { waitFor, waitForSteadyState } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";
import { createWebStack, describeServiceDeployment, registerWebImage, ruleWeights } from "./load-balanced-fixtures";

let local: TestEmulator;
beforeAll(async () => {
  // A day passes in about 17 real seconds.
  local = await startTestEmulator({ timeScale: 5000 });
});
afterAll(() => local.stop());

it("rolls a traffic-shifting deployment back when green cannot scale up within 24 hours", async () => {
  const v1 = await registerWebImage(local.ecs, "slow-web", "1.0.0");
  const stack = await createWebStack(local.ecs, local.elb, "slow", {
    taskDefinition: v1,
    desiredCount: 1,
    deploymentConfiguration: { strategy: "BLUE_GREEN", bakeTimeInMinutes: 0 },
  });
  await waitForSteadyState(local.ecs, stack.cluster, stack.service, 30_000);
  // Green's tasks take 30 hours to start, so SCALE_UP cannot finish in time.
  const v2 = await registerWebImage(local.ecs, "slow-web", "2.0.0", [{ name: "SLIPWAY_STARTUP_SECONDS", value: String(30 * 3600) }]);
  const { service } = await local.ecs.send(new UpdateServiceCommand({ cluster: stack.cluster, service: stack.service, taskDefinition: v2 }));
  const arn = service!.currentServiceDeployment!;
  const rolledBack = await waitFor("the rollback", async () => {
    const sd = await describeServiceDeployment(local.ecs, arn);
    return sd.status === "ROLLBACK_SUCCESSFUL" ? sd : undefined;
  }, 50_000, 100);
  expect(rolledBack.rollback?.reason).toBe("SCALE_UP did not finish within 24 hours");
  expect(await ruleWeights(local.elb, stack.productionRuleArn)).toEqual({ [stack.blueTargetGroupArn]: 100, [stack.greenTargetGroupArn]: 0 });
});
