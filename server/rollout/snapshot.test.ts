import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { describeService } from "@/emulator/test/fixtures";
import { destroyClients } from "@/server/aws/clients";
import { awsCallCounts } from "@/server/aws/instrumentation";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs, useEndpoint } from "@/server/aws/test-local-ecs";
import { buildBatchCluster, buildShopCluster, expectAwsCalls, type BatchCluster, type ShopCluster, valueOf } from "@/server/ecs/test-account";
import { readRolloutSnapshot } from "./snapshot";
import { forgetRequestCounts, METRICS_INTERVAL_MS } from "./snapshot-request-counts";

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
beforeEach(forgetRequestCounts);

/** Sends requests through `url` about every 20 ms until stopped. */
function keepRequesting(url: string): () => Promise<void> {
  let going = true;
  const loop = (async () => {
    while (going) {
      await (await fetch(`${url}/`)).arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return async () => {
    going = false;
    await loop;
  };
}

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
      "elbv2:DescribeTargetGroups": 1,
      "cloudwatch:GetMetricData": 1,
    });
  });

  it("reads request counts at most once every 10 s per deployment, and reuses them in between", async () => {
    const start = Date.parse("2026-11-26T12:00:00Z");
    const lookAt = async (ms: number) => {
      await readRolloutSnapshot(CONNECTION, shop.pausedDeployment, () => new Date(start + ms));
      return awsCallCounts()["cloudwatch:GetMetricData"] ?? 0;
    };
    expect(await lookAt(0)).toBe(1);
    expect(await lookAt(1_000)).toBe(1);
    expect(await lookAt(METRICS_INTERVAL_MS - 1)).toBe(1);
    // The identical read would be answered from the layer's 1-s cache, which 10 s of real time would have emptied.
    useEndpoint(local.emulator.endpoint);
    expect(await lookAt(METRICS_INTERVAL_MS)).toBe(2);
    expect(local.calls("GetMetricData")).toBe(2);
    expect(local.calls("DescribeTargetGroups")).toBe(2);
  });

  it("puts each revision's requests and 5xx of the latest complete minute into the sample", async () => {
    // Production traffic goes to blue (the source), test traffic to green (the target); a few emulated minutes of it.
    const stops = [keepRequesting(shop.stack.productionUrl), keepRequesting(shop.stack.testUrl!)];
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const { sample } = valueOf(await readRolloutSnapshot(CONNECTION, shop.pausedDeployment));
    await Promise.all(stops.map((stop) => stop()));
    const [target, source] = sample.revisions;
    expect(target.requests).toBeGreaterThan(0);
    expect(source.requests).toBeGreaterThan(0);
    expect([target.errors5xx, source.errors5xx]).toEqual([0, 0]);
  });

  it("leaves the counts out when CloudWatch refuses, and the look still succeeds", async () => {
    let refused = 0;
    const denying: Server = createServer((req, res) => {
      refused++;
      req.resume();
      res.writeHead(400, { "content-type": "application/x-amz-json-1.0", "x-amzn-query-error": "AccessDenied;Sender" });
      res.end(JSON.stringify({ __type: "AccessDeniedException", message: "not authorized to perform: cloudwatch:GetMetricData" }));
    });
    await new Promise<void>((resolve) => denying.listen(0, "127.0.0.1", resolve));
    try {
      vi.stubEnv("AWS_ENDPOINT_URL_CLOUDWATCH", `http://127.0.0.1:${(denying.address() as AddressInfo).port}`);
      destroyClients();
      const { sample } = valueOf(await readRolloutSnapshot(CONNECTION, shop.pausedDeployment));
      expect(sample.revisions).toHaveLength(2);
      for (const revision of sample.revisions) {
        expect(revision).not.toHaveProperty("requests");
        expect(revision).not.toHaveProperty("errors5xx");
        expect(revision.healthy).toBe(2);
      }
      await readRolloutSnapshot(CONNECTION, shop.pausedDeployment);
      expect(refused).toBe(1);
    } finally {
      await new Promise((resolve) => denying.close(resolve));
    }
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
