import { CreateServiceCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeService, NETWORK, waitFor, waitForSteadyState } from "@/emulator/test/fixtures";
import { measureEachTestAgainst, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { deleteService } from "./delete-service";
import { startShop } from "./test-shop";

describe("deleteService", () => {
  let local: CountedLocalEcs;
  beforeAll(async () => {
    local = await startShop();
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  it("deletes a service that runs tasks, saying ECS stops them first, and ECS does", async () => {
    const result = await deleteService({ cluster: "shop", service: "web" });
    expect(result).toMatchObject({ ok: true, message: "Deleting web: ECS is stopping its 2 tasks, then removes it." });
    expect(local.calls("DeleteService")).toBe(1);
    const gone = await waitFor("web to be deleted", async () => {
      const service = await describeService(local.ecs, "shop", "web");
      return service.status === "INACTIVE" ? service : undefined;
    });
    expect(gone.runningCount).toBe(0);
  });

  it("says a service already deleted is, and asks ECS nothing more", async () => {
    const result = await deleteService({ cluster: "shop", service: "web" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input", message: "web is already deleted." } });
    expect(local.calls("DeleteService")).toBe(0);
  });

  it("deletes a service that wants no tasks at once", async () => {
    const { service } = await local.ecs.send(new CreateServiceCommand({ cluster: "shop", serviceName: "idle", taskDefinition: "web", desiredCount: 0, networkConfiguration: NETWORK }));
    await waitForSteadyState(local.ecs, "shop", "idle");
    expect(await deleteService({ cluster: "shop", service: service!.serviceArn! })).toMatchObject({ ok: true, message: "Deleted idle." });
  });

  it("reports a service that does not exist as not found", async () => {
    expect(await deleteService({ cluster: "shop", service: "nope" })).toMatchObject({ ok: false, error: { code: "not-found", awsCode: "ServiceNotFoundException" } });
  });
});
