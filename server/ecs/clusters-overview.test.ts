import { CreateClusterCommand, DeleteClusterCommand } from "@aws-sdk/client-ecs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { awaitingApprovalAcrossClusters } from "@/lib/view-models/clusters";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs, useEndpoint } from "@/server/aws/test-local-ecs";
import { readClustersOverview } from "./clusters-overview";
import { buildBatchCluster, buildShopCluster, expectAwsCalls, type BatchCluster, type ShopCluster } from "./test-account";
import { startEcsProxy, type EcsProxy } from "./test-proxy";

let local: CountedLocalEcs;
let shop: ShopCluster;
let batch: BatchCluster;
let proxy: EcsProxy | undefined;

beforeAll(async () => {
  local = await startCountedLocalEcs();
  shop = await buildShopCluster(local.ecs, local.elb);
  batch = await buildBatchCluster(local.ecs);
});
afterAll(() => local.stop());

measureEachTestAgainst(() => local);
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

describe("the clusters overview", () => {
  it("shows each cluster's capacity and counts, and the canary waiting for approval", async () => {
    const overview = await readClustersOverview(CONNECTION);

    expect(overview.error).toBeUndefined();
    expect(overview.clusters.map((cluster) => cluster.name)).toEqual(["batch", "shop"]);
    const [batchSummary, shopSummary] = overview.clusters;
    expect(shopSummary).toMatchObject({
      status: "ACTIVE",
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultStrategyLabel: "FARGATE (weight 1)",
      activeServices: 1,
      // Two v1 tasks serve production while two v3 tasks wait for the canary's approval.
      runningTasks: 4,
      pendingTasks: 0,
    });
    expect(shopSummary.rollouts).toHaveLength(1);
    expect(shopSummary.rollouts[0]).toMatchObject({
      name: "web",
      strategy: "Canary 10 % with approval",
      taskDefinition: { label: "shop-web:3" },
      rollout: { state: "IN_PROGRESS", inProgress: true },
      awaitingApproval: {
        serviceDeploymentArn: shop.pausedDeployment,
        hookId: shop.pausedHookId,
        lifecycleStage: "PRE_PRODUCTION_TRAFFIC_SHIFT",
        timeoutAction: "ROLLBACK",
      },
      loadBalancing: [{ loadBalancer: "shop-alb", targetGroup: "shop-blue" }],
    });
    expect(shopSummary.rollouts[0].awaitingApproval?.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(batchSummary).toMatchObject({ activeServices: 1 + batch.idleServices.length, runningTasks: 2, pendingTasks: 0, rollouts: [] });
    expect(awaitingApprovalAcrossClusters(overview).map(({ cluster, service }) => `${cluster}/${service.name}`)).toEqual(["shop/web"]);

    // 12 services in batch take two DescribeServices; only web's deployment is described.
    expectAwsCalls(local, {
      "ecs:ListClusters": 1,
      "ecs:DescribeClusters": 1,
      "ecs:ListServices": 2,
      "ecs:DescribeServices": 3,
      "ecs:DescribeServiceDeployments": 1,
    });
  });

  it("shows a cluster whose services AWS refuses with the error beside it, and the rest as usual", async () => {
    proxy = await startEcsProxy(local.emulator.endpoint, {
      refuse: ({ operation, input }) =>
        operation === "DescribeServices" && String(input.cluster).endsWith("/batch")
          ? { status: 400, type: "AccessDeniedException", message: "User is not authorized to perform: ecs:DescribeServices on cluster batch" }
          : undefined,
    });
    useEndpoint(proxy.endpoint);

    const overview = await readClustersOverview(CONNECTION);

    const [batchSummary, shopSummary] = overview.clusters;
    expect(batchSummary).toMatchObject({ name: "batch", runningTasks: 2, rollouts: [] });
    expect(batchSummary.error).toMatchObject({ code: "access-denied", awsCode: "AccessDeniedException", detail: expect.stringContaining("ecs:DescribeServices") });
    expect(shopSummary.error).toBeUndefined();
    expect(shopSummary.rollouts.map((row) => [row.name, row.awaitingApproval?.hookId])).toEqual([["web", shop.pausedHookId]]);
    // Both of batch's describes were sent (they go out together) and refused; it costs what the page always costs.
    expectAwsCalls(
      local,
      { "ecs:ListClusters": 1, "ecs:DescribeClusters": 1, "ecs:ListServices": 2, "ecs:DescribeServices": 3, "ecs:DescribeServiceDeployments": 1 },
      { "ecs:DescribeServices": 2 },
    );
  });

  it("shows a cluster deleted while the page was being read as not found, beside the others", async () => {
    await local.ecs.send(new CreateClusterCommand({ clusterName: "doomed" }));
    proxy = await startEcsProxy(local.emulator.endpoint, {
      afterAnswer: async ({ operation }) => {
        if (operation === "DescribeClusters") await local.ecs.send(new DeleteClusterCommand({ cluster: "doomed" }));
      },
    });
    useEndpoint(proxy.endpoint);

    const overview = await readClustersOverview(CONNECTION);

    expect(overview.clusters.map((cluster) => [cluster.name, cluster.error?.code])).toEqual([
      ["batch", undefined],
      ["doomed", "not-found"],
      ["shop", undefined],
    ]);
    expect(overview.clusters[1].error?.awsCode).toBe("ClusterNotFoundException");
    expect(awaitingApprovalAcrossClusters(overview)).toHaveLength(1);

    // Once deleted, the cluster is no longer listed at all.
    useEndpoint(local.emulator.endpoint);
    expect((await readClustersOverview(CONNECTION)).clusters.map((cluster) => cluster.name)).toEqual(["batch", "shop"]);
  });

  it("says why when the clusters themselves cannot be listed", async () => {
    proxy = await startEcsProxy(local.emulator.endpoint, {
      refuse: ({ operation }) => (operation === "ListClusters" ? { status: 400, type: "AccessDeniedException", message: "not authorized" } : undefined),
    });
    useEndpoint(proxy.endpoint);
    const overview = await readClustersOverview(CONNECTION);
    expect(overview).toMatchObject({ clusters: [], error: { code: "access-denied" } });
    expectAwsCalls(local, { "ecs:ListClusters": 1 }, { "ecs:ListClusters": 1 });
  });
});
