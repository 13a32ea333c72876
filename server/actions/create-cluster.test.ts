import { DescribeClustersCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFargateCluster } from "@/emulator/test/fixtures";
import { measureEachTestAgainst, startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { createCluster } from "./create-cluster";

describe("createCluster", () => {
  let local: CountedLocalEcs;
  beforeAll(async () => {
    local = await startCountedLocalEcs();
    await createFargateCluster(local.ecs, "demo");
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  const described = async (name: string) =>
    (await local.ecs.send(new DescribeClustersCommand({ clusters: [name], include: ["SETTINGS"] }))).clusters?.[0];

  it("creates a cluster with its capacity providers, default strategy and Container Insights", async () => {
    const result = await createCluster({
      clusterName: " shop ",
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [
        { capacityProvider: "FARGATE", weight: "1", base: "1" },
        { capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 },
      ],
      containerInsights: true,
    });

    expect(result).toMatchObject({ ok: true, message: "Created cluster shop.", value: { clusterName: "shop", clusterArn: expect.stringContaining(":cluster/shop") } });
    expect(await described("shop")).toMatchObject({
      status: "ACTIVE",
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [
        { capacityProvider: "FARGATE", weight: 1, base: 1 },
        { capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 },
      ],
      settings: [{ name: "containerInsights", value: "enabled" }],
    });
    expect(local.calls("CreateCluster")).toBe(1);
  });

  it("creates a cluster with no capacity providers and Container Insights off", async () => {
    const result = await createCluster({ clusterName: "bare", capacityProviders: [], defaultCapacityProviderStrategy: [], containerInsights: false });
    expect(result.ok).toBe(true);
    expect(await described("bare")).toMatchObject({ capacityProviders: [], settings: [{ name: "containerInsights", value: "disabled" }] });
  });

  it("refuses a name that is taken at the name field, rather than answering with the old cluster", async () => {
    const result = await createCluster({ clusterName: "demo", capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [], containerInsights: false });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid-input", message: "A cluster named demo already exists." },
      fieldErrors: { clusterName: "A cluster named demo already exists." },
    });
    expect(local.calls("DescribeClusters")).toBe(1);
    expect(local.calls("CreateCluster")).toBe(0);
  });

  it("refuses a strategy ECS would refuse at the item's field, and calls nothing", async () => {
    const result = await createCluster({
      clusterName: "shop2",
      capacityProviders: ["FARGATE"],
      defaultCapacityProviderStrategy: [
        { capacityProvider: "FARGATE", weight: 1001, base: 0 },
        { capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 },
      ],
      containerInsights: false,
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        "defaultCapacityProviderStrategy.0.weight": "Weight must be at most 1,000.",
        "defaultCapacityProviderStrategy.1.capacityProvider": "FARGATE_SPOT is not one of the cluster's capacity providers.",
      },
    });
    expect(local.calls("DescribeClusters") + local.calls("CreateCluster")).toBe(0);
  });

  it("refuses a name with characters ECS does not allow", async () => {
    const result = await createCluster({ clusterName: "my cluster!", capacityProviders: [], defaultCapacityProviderStrategy: [], containerInsights: false });
    expect(result).toMatchObject({ ok: false, fieldErrors: { clusterName: "A cluster name is 1–255 letters, digits, hyphens or underscores." } });
  });
});
