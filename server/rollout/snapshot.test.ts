import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeService } from "@/emulator/test/fixtures";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs, useEndpoint } from "@/server/aws/test-local-ecs";
import { buildBatchCluster, buildShopCluster, expectAwsCalls, type BatchCluster, type ShopCluster, valueOf } from "@/server/ecs/test-account";
import { readRolloutSnapshot } from "./snapshot";

let local: CountedLocalEcs;
let shop: ShopCluster;
let batch: BatchCluster;

beforeAll(async () => {
  local = await startCountedLocalEcs();
  shop = await buildShopCluster(local.ecs, local.elb);
  batch = await buildBatchCluster(local.ecs, 0);
});
afterAll(() => local.stop());

measureEachTestAgainst(() => local);

describe("a look at a service deployment", () => {
  it("samples a paused canary: both revisions healthy in their own target groups, all production traffic on blue", async () => {
    const snapshot = valueOf(await readRolloutSnapshot(CONNECTION, shop.pausedDeployment));
    expect(snapshot.deployment.lifecycleStage).toBe("PRE_PRODUCTION_TRAFFIC_SHIFT");
    expect(snapshot.sample).toMatchObject({ status: "IN_PROGRESS", stage: "PRE_PRODUCTION_TRAFFIC_SHIFT", desiredCount: 2, healthBasis: "targets" });
    expect(snapshot.sample.revisions).toEqual([
      expect.objectContaining({ role: "target", taskDefinition: "shop-web:3", requested: 2, running: 2, healthy: 2, requestedWeight: 0, actualWeight: 0 }),
      expect.objectContaining({ role: "source", taskDefinition: "shop-web:1", healthy: 2, requestedWeight: 100, actualWeight: 100 }),
    ]);
    expectAwsCalls(local, {
      "ecs:DescribeServiceDeployments": 1,
      "ecs:DescribeServices": 1,
      "ecs:DescribeServiceRevisions": 1,
      "elbv2:DescribeTargetHealth": 2,
      "elbv2:DescribeRules": 1,
    });
  });

  it("describes a revision once: later looks cost no DescribeServiceRevisions", async () => {
    await readRolloutSnapshot(CONNECTION, shop.pausedDeployment);
    local.resetCalls();
    useEndpoint(local.emulator.endpoint);
    await readRolloutSnapshot(CONNECTION, shop.pausedDeployment);
    expect(local.calls("DescribeServiceRevisions")).toBe(0);
    expect(local.calls("DescribeServiceDeployments")).toBe(1);
  });

  it("counts running tasks that are not unhealthy for a service without a load balancer, and says so", async () => {
    const { currentServiceDeployment } = await describeService(local.ecs, batch.cluster, batch.worker);
    local.resetCalls();
    useEndpoint(local.emulator.endpoint);
    const { sample } = valueOf(await readRolloutSnapshot(CONNECTION, currentServiceDeployment!));
    expect(sample).toMatchObject({ status: "SUCCESSFUL", healthBasis: "tasks", desiredCount: 2 });
    expect(sample.revisions).toEqual([expect.objectContaining({ role: "target", healthy: 2, running: 2 })]);
    expect(sample.revisions[0]).not.toHaveProperty("actualWeight");
    expect(local.calls("ListTasks")).toBe(1);
    expect(local.calls("DescribeTasks")).toBe(1);
  });

  it("says a deployment ECS does not know is not found, and an ARN of something else is not one", async () => {
    const unknown = shop.pausedDeployment.replace(/[^/]+$/, "nOsUcHdEpLoYmEnT");
    expect(await readRolloutSnapshot(CONNECTION, unknown)).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(await readRolloutSnapshot(CONNECTION, "arn:aws:ecs:us-east-1:000000000000:service/shop/web")).toMatchObject({ ok: false, error: { code: "invalid-input" } });
  });
});
