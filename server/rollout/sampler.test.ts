import { ContinueServiceDeploymentCommand } from "@aws-sdk/client-ecs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { waitFor } from "@/emulator/test/fixtures";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs } from "@/server/aws/test-local-ecs";
import { buildShopCluster, type ShopCluster } from "@/server/ecs/test-account";
import { RolloutSampler } from "./sampler";
import { RolloutStore } from "./sample-store";
import { readRolloutSnapshot } from "./snapshot";

let local: CountedLocalEcs;
let shop: ShopCluster;
let dir: string;
const samplers: RolloutSampler[] = [];
const stores: RolloutStore[] = [];

beforeAll(async () => {
  local = await startCountedLocalEcs({ timeScale: 60 });
  shop = await buildShopCluster(local.ecs, local.elb);
  dir = mkdtempSync(join(tmpdir(), "slipway-sampler-"));
});
afterAll(async () => {
  await local.stop();
  rmSync(dir, { recursive: true, force: true });
});
measureEachTestAgainst(() => local);
afterEach(() => {
  for (const sampler of samplers.splice(0)) sampler.stop();
  for (const store of stores.splice(0)) store.close();
});

/** A sampler on the store in `file` (one per test), as a dashboard process opens it. */
function open(file: string, intervalMs = 1_000): { store: RolloutStore; sampler: RolloutSampler } {
  const store = new RolloutStore(join(dir, file));
  const sampler = new RolloutSampler(store, undefined, intervalMs);
  stores.push(store);
  samplers.push(sampler);
  return { store, sampler };
}

describe("the rollout sampler", () => {
  it("samples a deployment once however many watch it, from the pause through approval to success", async () => {
    const { store, sampler } = open("watched.sqlite");
    for (let viewer = 0; viewer < 20; viewer++) sampler.watch(CONNECTION, shop.pausedDeployment);
    const first = await sampler.latest(shop.pausedDeployment);
    expect(first).toMatchObject({ ok: true, value: { sample: { stage: "PRE_PRODUCTION_TRAFFIC_SHIFT" } } });

    local.resetCalls();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    // One loop, looking about once a second (its interval, and the read cache's life): not twenty viewers' worth.
    expect(local.calls("DescribeServiceDeployments")).toBeGreaterThanOrEqual(2);
    expect(local.calls("DescribeServiceDeployments")).toBeLessThanOrEqual(4);

    // The canary pauses before each traffic step: once before 10 %, once more before promotion.
    await waitFor("the canary to finish", async () => {
      if (!sampler.isSampling(shop.pausedDeployment)) return true;
      const look = await sampler.latest(shop.pausedDeployment);
      const hookId = look?.ok ? look.value.deployment.lifecycleHookDetails?.find((hook) => hook.status === "AWAITING_ACTION")?.hookId : undefined;
      if (hookId) await local.ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: shop.pausedDeployment, hookId })).catch(() => undefined);
      return undefined;
    }, 50_000, 200);

    const weights = store.samples(shop.pausedDeployment).map((sample) => sample.revisions.find((revision) => revision.role === "target")?.actualWeight);
    expect(weights[0]).toBe(0);
    expect(weights).toContain(10);
    expect(weights.at(-1)).toBe(100);
    expect(store.samples(shop.pausedDeployment).at(-1)?.status).toBe("SUCCESSFUL");
    expect(store.unfinished()).toEqual([]);
  });

  it("looks at once when asked to refresh, however often, and keeps to one loop", async () => {
    const real = await readRolloutSnapshot(CONNECTION, shop.createdDeployment);
    if (!real.ok) throw new Error("the created deployment could not be read");
    // A deployment still going, each look taking a moment, counted.
    const looks: number[] = [];
    const read = async () => {
      looks.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { ok: true as const, value: { ...real.value, sample: { ...real.value.sample, status: "IN_PROGRESS" as const, at: new Date().toISOString() } } };
    };
    const store = new RolloutStore(join(dir, "refreshed.sqlite"));
    stores.push(store);
    const sampler = new RolloutSampler(store, read, 60_000);
    samplers.push(sampler);
    sampler.watch(CONNECTION, shop.createdDeployment);
    await sampler.latest(shop.createdDeployment);
    expect(looks).toHaveLength(1);

    for (let asked = 0; asked < 5; asked++) sampler.refresh(shop.createdDeployment);
    await waitFor("the look asked for, and one more for the refreshes that came while it was taken", async () => (looks.length === 3 ? true : undefined), 5_000, 10);
    // Then the minute-long wait, in one loop: no more looks.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(looks).toHaveLength(3);
  });

  it("goes on after a restart with the deployments left unfinished, and stops at one ECS no longer knows", async () => {
    const gone = shop.pausedDeployment.replace(/[^/]+$/, "gOnEdEpLoYmEnT");
    const before = open("restarted.sqlite");
    before.store.track({ arn: gone, connection: CONNECTION });
    before.store.track({ arn: shop.rolledBackDeployment, connection: CONNECTION });
    before.store.close();
    stores.splice(stores.indexOf(before.store), 1);

    const after = open("restarted.sqlite");
    after.sampler.resume();
    expect(await after.sampler.latest(gone)).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(await after.sampler.latest(shop.rolledBackDeployment)).toMatchObject({ ok: true, value: { sample: { status: "ROLLBACK_SUCCESSFUL" } } });
    await waitFor("both to be done", async () => (after.sampler.isSampling(gone) || after.sampler.isSampling(shop.rolledBackDeployment) ? undefined : true), 10_000, 20);
    expect(after.store.unfinished().map((each) => each.arn)).toEqual([]);
    expect(after.store.samples(shop.rolledBackDeployment)).toHaveLength(1);

    // An id that names no deployment (a mistyped or crafted URL) leaves no trace.
    const bogus = shop.pausedDeployment.replace(/[^/]+$/, "nEvErExIsTeD");
    after.sampler.watch(CONNECTION, bogus);
    expect(await after.sampler.latest(bogus)).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(after.store.isTracked(bogus)).toBe(false);
    expect(after.sampler.isSampling(bogus)).toBe(false);
  });
});

describe("a store that refuses a write", () => {
  it("does not stop the sampling: the next look is stored", async () => {
    const dir = mkdtempSync(join(tmpdir(), "slipway-sampler-refusing-"));
    const store = new RolloutStore(join(dir, "rollouts.sqlite"));
    let refusals = 1;
    const record = store.record.bind(store);
    store.record = (arn, sample) => {
      if (refusals-- > 0) throw new Error("SQLITE_FULL: database or disk is full");
      return record(arn, sample);
    };
    const sampler = new RolloutSampler(store, undefined, 50);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      sampler.watch(CONNECTION, shop.createdDeployment);
      await waitFor("a look to be stored after the refused one", async () => (store.samples(shop.createdDeployment).length > 0 ? true : undefined), 40_000, 50);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining("failed"), expect.any(Error));
    } finally {
      errors.mockRestore();
      sampler.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
