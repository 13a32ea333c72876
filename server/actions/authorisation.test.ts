import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeService } from "@/emulator/test/fixtures";
import { measureEachTestAgainst, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { signInForTests, signOutForTests } from "@/server/testing/sign-in";
import { scaleService } from "./scale-service";
import { startShop } from "./test-shop";

/**
 * Every action goes through the action client's checks; scaling stands for them all here. A
 * refusal is Next's 401 or 403 interrupt (the request's status), and nothing reaches AWS.
 */
describe("authorisation of actions", () => {
  let local: CountedLocalEcs;
  beforeAll(async () => {
    local = await startShop();
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  const scaleTo = (desiredCount: number) => scaleService({ cluster: "shop", service: "web", desiredCount });

  it("refuses a viewer with 403, and changes nothing", async () => {
    await signInForTests({ id: "vera", name: "Vera", roles: ["viewer"] });
    await expect(scaleTo(3)).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    expect(local.calls("UpdateService")).toBe(0);
    expect((await describeService(local.ecs, "shop", "web")).desiredCount).toBe(2);
  });

  it("refuses an approver too: approving is not operating", async () => {
    await signInForTests({ id: "april", name: "April", roles: ["approver"] });
    await expect(scaleTo(3)).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    expect(local.calls("UpdateService")).toBe(0);
  });

  it("refuses someone signed out with 401", async () => {
    await signOutForTests();
    await expect(scaleTo(3)).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;401" });
    expect(local.calls("UpdateService")).toBe(0);
  });

  it("lets a deployer scale", async () => {
    await signInForTests({ id: "dana", name: "Dana", roles: ["deployer"] });
    expect(await scaleTo(2)).toMatchObject({ ok: true });
    expect(local.calls("UpdateService")).toBe(1);
  });

  it("refuses even an admin when the instance is read-only", async () => {
    vi.stubEnv("SLIPWAY_READ_ONLY", "true");
    try {
      await expect(scaleTo(3)).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
      expect(local.calls("UpdateService")).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
