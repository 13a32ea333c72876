import { DescribeClustersCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFargateCluster } from "@/emulator/test/fixtures";
import { measureEachTestAgainst, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { deleteCluster } from "./delete-cluster";
import { startShop } from "./test-shop";

describe("deleteCluster", () => {
  let local: CountedLocalEcs;
  beforeAll(async () => {
    local = await startShop();
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  it("refuses a cluster with services and tasks, naming what is left, and asks ECS to delete nothing", async () => {
    const result = await deleteCluster({ cluster: "shop" });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid-input", message: "shop still has 1 service and 2 tasks. ECS deletes only an empty cluster: delete its services and stop its tasks first." },
    });
    expect(local.calls("DeleteCluster")).toBe(0);
  });

  it("deletes an empty cluster", async () => {
    await createFargateCluster(local.ecs, "empty");
    const result = await deleteCluster({ cluster: "empty" });
    expect(result).toMatchObject({ ok: true, message: "Deleted cluster empty." });
    const { clusters } = await local.ecs.send(new DescribeClustersCommand({ clusters: ["empty"] }));
    expect(clusters?.[0]?.status).toBe("INACTIVE");
  });

  it("reports a cluster that does not exist as not found", async () => {
    expect(await deleteCluster({ cluster: "nowhere" })).toMatchObject({ ok: false, error: { code: "not-found" } });
  });
});
