import { DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForSteadyState } from "@/emulator/test/fixtures";
import { measureEachTestAgainst, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { scaleService } from "./scale-service";
import { startShop } from "./test-shop";

describe("scaleService", () => {
  let local: CountedLocalEcs;
  beforeAll(async () => {
    local = await startShop();
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  const desired = async () => (await local.ecs.send(new DescribeServicesCommand({ cluster: "shop", services: ["web"] }))).services![0].desiredCount;

  it("sets the desired count and says what ECS will do", async () => {
    const result = await scaleService({ cluster: "shop", service: "web", desiredCount: "4" });
    expect(result).toMatchObject({ ok: true, value: { desiredCount: 4 } });
    expect(result.ok && result.message).toBe("web now wants 4 tasks. ECS is starting 2 more.");
    expect(await desired()).toBe(4);
  });

  it("says one task, not one tasks, and what ECS stops", async () => {
    await waitForSteadyState(local.ecs, "shop", "web");
    const result = await scaleService({ cluster: "shop", service: "web", desiredCount: 1 });
    expect(result.ok && result.message).toBe("web now wants 1 task. ECS is stopping 3.");
  });

  it("takes a blank field for a missing number, not for zero", async () => {
    const result = await scaleService({ cluster: "shop", service: "web", desiredCount: " " });
    expect(result).toMatchObject({ ok: false, fieldErrors: { desiredCount: "Desired tasks must be a number." } });
    expect(local.calls("UpdateService")).toBe(0);
  });

  it("refuses a count ECS would refuse at its field, and calls nothing", async () => {
    const result = await scaleService({ cluster: "shop", service: "web", desiredCount: -1 });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input" }, fieldErrors: { desiredCount: "Desired tasks must be at least 0." } });
    expect(local.calls("UpdateService")).toBe(0);
  });

  it("reports a service that does not exist as not found, with AWS's request id", async () => {
    const result = await scaleService({ cluster: "shop", service: "nope", desiredCount: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: "not-found", awsCode: "ServiceNotFoundException" } });
    expect(!result.ok && result.error.requestId).toBeTruthy();
  });
});
