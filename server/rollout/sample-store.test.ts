import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RolloutSample } from "@/lib/rollout/sample";
import { HEARTBEAT_MS, RolloutStore } from "./sample-store";

const ARN = "arn:aws:ecs:us-east-1:000000000000:service-deployment/demo/api/aBcD";
const OTHER = "arn:aws:ecs:us-east-1:000000000000:service-deployment/demo/web/eFgH";
const T0 = Date.parse("2026-11-26T12:00:00.000Z");

function sample(ms: number, values: Partial<RolloutSample> = {}): RolloutSample {
  return {
    at: new Date(T0 + ms).toISOString(),
    status: "IN_PROGRESS",
    desiredCount: 2,
    healthBasis: "targets",
    revisions: [{ arn: "rev/1", role: "target", requested: 2, running: 1, pending: 1, healthy: 1, requestedWeight: 0 }],
    ...values,
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileStore(): { path: string; open: () => RolloutStore } {
  const dir = mkdtempSync(join(tmpdir(), "slipway-rollouts-"));
  dirs.push(dir);
  const path = join(dir, "rollouts.sqlite");
  return { path, open: () => new RolloutStore(path) };
}

describe("RolloutStore", () => {
  it("keeps each deployment's samples in order, apart from other deployments'", () => {
    const store = new RolloutStore(":memory:");
    store.track({ arn: ARN, connection: { region: "us-east-1" } });
    store.track({ arn: OTHER, connection: { region: "us-east-1" } });
    store.record(ARN, sample(0));
    store.record(OTHER, sample(500, { desiredCount: 9 }));
    store.record(ARN, sample(1000, { stage: "SCALE_UP" }));
    expect(store.samples(ARN).map((each) => each.stage)).toEqual([undefined, "SCALE_UP"]);
    expect(store.samples(OTHER).map((each) => each.desiredCount)).toEqual([9]);
    expect(store.samples(ARN, sample(0).at)).toHaveLength(1);
  });

  it("skips a sample that repeats the last one, until the heartbeat is due", () => {
    const store = new RolloutStore(":memory:");
    store.track({ arn: ARN, connection: { region: "us-east-1" } });
    expect(store.record(ARN, sample(0))).toBe(true);
    expect(store.record(ARN, sample(1000))).toBe(false);
    expect(store.record(ARN, sample(HEARTBEAT_MS))).toBe(true);
    expect(store.record(ARN, sample(HEARTBEAT_MS + 1000, { status: "SUCCESSFUL" }))).toBe(true);
    expect(store.samples(ARN).map((each) => each.at)).toEqual([sample(0).at, sample(HEARTBEAT_MS).at, sample(HEARTBEAT_MS + 1000).at]);
  });

  it("goes on sampling unfinished deployments after a restart, with their connection, and keeps the history", () => {
    const { open } = fileStore();
    const before = open();
    before.track({ arn: ARN, connection: { region: "eu-west-1", profile: "prod" } });
    before.track({ arn: OTHER, connection: { region: "us-east-1" } });
    before.record(ARN, sample(0));
    before.record(OTHER, sample(0, { status: "SUCCESSFUL" }));
    before.close();

    const after = open();
    expect(after.unfinished()).toEqual([{ arn: ARN, connection: { region: "eu-west-1", profile: "prod" } }]);
    expect(after.samples(ARN)).toEqual([sample(0)]);
    expect(after.samples(OTHER)).toHaveLength(1);
    // The repeat check survives the restart too: the last sample is read back from the file.
    expect(after.record(ARN, sample(1000))).toBe(false);
    after.close();
  });

  it("tracks a deployment once, however often it is viewed, and forgets one that cannot be read", () => {
    const store = new RolloutStore(":memory:");
    store.track({ arn: ARN, connection: { region: "us-east-1" } });
    store.track({ arn: ARN, connection: { region: "us-east-1" } });
    expect(store.unfinished()).toHaveLength(1);
    expect(store.isTracked(ARN)).toBe(true);
    store.forget(ARN);
    expect(store.unfinished()).toEqual([]);
    expect(store.isTracked(OTHER)).toBe(false);
  });

  it("refuses a file written by a newer Slipway rather than guess at it", () => {
    const { path, open } = fileStore();
    open().close();
    const raw = new RolloutStore(path);
    (raw as unknown as { db: { pragma(text: string): void } }).db.pragma("user_version = 99");
    raw.close();
    expect(open).toThrow(/rollout history .* schema version 99, newer than this Slipway knows/);
  });
});
