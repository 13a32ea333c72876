import Database from "better-sqlite3";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUDIT_CSV_HEADER } from "@/lib/audit/export";
import { MASKED } from "@/lib/audit/input-summary";
import type { AuditEntry } from "@/lib/audit/types";
import { AuditLog, AuditUnavailable, type AuditEntryInput } from "./audit-log";
import { AUDIT_SCHEMA_VERSION } from "./schema";

const ALICE = { id: "alice", name: "Alice", email: "alice@example.com" };
const BOB = { id: "bob", name: "Bob" };
const WEB = "arn:aws:ecs:us-east-1:123456789012:service/demo/web";
const API = "arn:aws:ecs:us-east-1:123456789012:service/demo/api";

function scale(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    at: "2026-05-01T09:00:00.000Z",
    actor: ALICE,
    action: "service.scale",
    target: WEB,
    input: { cluster: "demo", service: "web", desiredCount: 4 },
    outcome: "succeeded",
    detail: "web now wants 4 tasks.",
    awsRequestId: "req-1",
    ...overrides,
  };
}

describe("AuditLog", () => {
  let dir: string;
  let file: string;
  let log: AuditLog;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "slipway-audit-"));
    file = join(dir, "audit.sqlite");
    log = new AuditLog(file);
  });
  afterEach(() => {
    log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Four entries over an hour: alice scales web, bob stops a task, alice's scale of api fails, bob is denied. */
  function seedFour(): AuditEntry[] {
    return [
      log.record(scale()),
      log.record(scale({ at: "2026-05-01T09:20:00Z", actor: BOB, action: "task.stop", target: "arn:aws:ecs:us-east-1:123456789012:task/demo/0123", input: { cluster: "demo" } })),
      log.record(scale({ at: "2026-05-01T09:40:00Z", target: undefined, input: { cluster: "demo", service: "api" }, outcome: "failed", errorCode: "ServiceNotFoundException" })),
      log.record(scale({ at: "2026-05-01T10:00:00Z", actor: BOB, target: API, outcome: "denied", awsRequestId: undefined })),
    ];
  }

  it("keeps what it is given, and gives it back after the file is opened again", () => {
    const written = log.record(scale());
    expect(written).toEqual({
      id: 1,
      at: "2026-05-01T09:00:00.000Z",
      actor: ALICE,
      action: "service.scale",
      target: WEB,
      input: '{"cluster":"demo","service":"web","desiredCount":4}',
      outcome: "succeeded",
      detail: "web now wants 4 tasks.",
      awsRequestId: "req-1",
    });
    log.close();
    log = new AuditLog(file);
    expect(log.query().entries).toEqual([written]);
  });

  it("opens in WAL mode with its schema version, and refuses a file from a newer Slipway", () => {
    const raw = new Database(file);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(AUDIT_SCHEMA_VERSION);
    raw.pragma(`user_version = ${AUDIT_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => new AuditLog(file)).toThrow(/newer than this Slipway knows/);
  });

  it("times an entry now unless told, and refuses a time that is not one", () => {
    const before = Date.now();
    const entry = log.record(scale({ at: undefined }));
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before);
    expect(() => log.record(scale({ at: "whenever" }))).toThrow(/must be a date/);
    expect(() => log.record(scale({ outcome: "maybe" as never }))).toThrow(/outcome is one of/);
  });

  it("never stores a secret from the input", () => {
    const entry = log.record(scale({ input: { cluster: "demo", password: "hunter2", environment: [{ name: "API_TOKEN", value: "abc" }] } }));
    expect(entry.input).not.toMatch(/hunter2|abc/);
    expect(JSON.parse(entry.input!)).toMatchObject({ password: MASKED, environment: [{ name: "API_TOKEN", value: MASKED }] });
  });

  it("lists newest first and filters by person, action and resource", () => {
    const [first, stop, failed, denied] = seedFour();
    const ids = (entries: AuditEntry[]) => entries.map((entry) => entry.id);
    expect(ids(log.query().entries)).toEqual([denied.id, failed.id, stop.id, first.id]);
    expect(ids(log.query({ actor: "bob" }).entries)).toEqual([denied.id, stop.id]);
    expect(ids(log.query({ action: "task.stop" }).entries)).toEqual([stop.id]);
    expect(ids(log.query({ resource: "service/demo/api" }).entries)).toEqual([denied.id]);
    // A failed action may have no ARN; its input still names what it was for.
    expect(ids(log.query({ resource: '"service":"api"' }).entries)).toEqual([failed.id]);
    expect(ids(log.query({ resource: "DEMO/WEB" }).entries)).toEqual([first.id]);
    expect(ids(log.query({ actor: "alice", action: "service.scale", resource: "web" }).entries)).toEqual([first.id]);
    expect(log.query({ actor: "carol" }).entries).toEqual([]);
  });

  it("takes a resource's % and _ as themselves", () => {
    seedFour();
    expect(log.query({ resource: "%" }).entries).toEqual([]);
    expect(log.query({ resource: "_" }).entries).toEqual([]);
  });

  it("filters by a time range, both ends included", () => {
    const [, stop, failed] = seedFour();
    const page = log.query({ from: "2026-05-01T09:20:00.000Z", to: "2026-05-01T09:40:00.000Z" });
    expect(page.entries.map((entry) => entry.id)).toEqual([failed.id, stop.id]);
    expect(log.query({ from: "2026-05-01T10:00:00.001Z" }).entries).toEqual([]);
  });

  it("pages with a cursor until the oldest", () => {
    for (let index = 0; index < 7; index++) log.record(scale({ detail: `entry ${index}` }));
    const first = log.query({ limit: 3 });
    expect(first.entries.map((entry) => entry.detail)).toEqual(["entry 6", "entry 5", "entry 4"]);
    const second = log.query({ limit: 3, before: first.nextBefore });
    expect(second.entries.map((entry) => entry.detail)).toEqual(["entry 3", "entry 2", "entry 1"]);
    const last = log.query({ limit: 3, before: second.nextBefore });
    expect(last.entries.map((entry) => entry.detail)).toEqual(["entry 0"]);
    expect(last.nextBefore).toBeUndefined();
    expect(log.query({ limit: 7 }).nextBefore).toBeUndefined();
  });

  it("gives 100 entries a page unless asked, and never more than 1,000", () => {
    const insert = log.record.bind(log);
    for (let index = 0; index < 1_005; index++) insert(scale());
    expect(log.query().entries).toHaveLength(100);
    expect(log.query({ limit: 5_000 }).entries).toHaveLength(1_000);
    expect(log.query({ limit: 0 }).entries).toHaveLength(1);
  });

  it("exports every matching entry as CSV with a header row", () => {
    const [first, , failed] = seedFour();
    const lines = log.export({ actor: "alice" }, "csv").split("\r\n");
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(","));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^${failed.id},2026-05-01T09:40:00.000Z,alice,Alice,alice@example.com,service.scale,,failed,`));
    expect(lines[2]).toContain(`${first.id},2026-05-01T09:00:00.000Z,alice,Alice,alice@example.com,service.scale,${WEB},succeeded,web now wants 4 tasks.,req-1,,`);
    expect(lines[3]).toBe("");
  });

  it("exports as JSON the entries the page shows, not limited to a page", () => {
    const entries = seedFour();
    for (let index = 0; index < 150; index++) log.record(scale({ action: "task.run" }));
    expect(JSON.parse(log.export({ action: "service.scale" }, "json"))).toEqual([entries[3], entries[2], entries[0]]);
    expect(JSON.parse(log.export({ action: "task.run" }, "json"))).toHaveLength(150);
  });

  it("offers the actions and people seen, each person by their latest name", () => {
    seedFour();
    log.record(scale({ actor: { id: "bob", name: "Robert", email: "bob@example.com" } }));
    expect(log.choices()).toEqual({
      actions: ["service.scale", "task.stop"],
      actors: [ALICE, { id: "bob", name: "Robert", email: "bob@example.com" }],
    });
  });

  it("works in memory, for tests that need no file", () => {
    const memory = new AuditLog(":memory:");
    memory.record(scale());
    expect(memory.query().entries).toHaveLength(1);
    memory.close();
  });

  it("writes 10,000 entries and finds a person's among them quickly", () => {
    const actors = Array.from({ length: 20 }, (_, index) => ({ id: `user-${index}`, name: `User ${index}` }));
    const actions = ["service.scale", "task.stop", "task.run", "cluster.create", "service.force-new-deployment"];
    const start = performance.now();
    for (let index = 0; index < 10_000; index++) {
      log.record(scale({ at: new Date(Date.UTC(2026, 4, 1) + index * 1_000), actor: actors[index % 20], action: actions[index % 5] }));
    }
    const written = performance.now();
    const byActor = log.query({ actor: "user-7" });
    const byAction = log.query({ action: "task.run", resource: "web", limit: 1_000 });
    const byTime = log.query({ from: "2026-05-01T01:00:00Z", to: "2026-05-01T02:00:00Z" });
    const queried = performance.now();
    console.info(
      `audit log: 10,000 inserts in ${(written - start).toFixed(0)} ms (one transaction each); three filtered queries in ${(queried - written).toFixed(1)} ms`,
    );
    expect(byActor.entries).toHaveLength(100);
    expect(byActor.entries.every((entry) => entry.actor.id === "user-7")).toBe(true);
    expect(byAction.entries).toHaveLength(1_000);
    expect(byAction.nextBefore).toBeDefined();
    expect(byTime.entries.every((entry) => entry.at >= "2026-05-01T01:00:00.000Z" && entry.at <= "2026-05-01T02:00:00.000Z")).toBe(true);
  });

  it("writes the intent before AWS is asked, and settles it with the outcome once", () => {
    const pending = log.begin({ actor: ALICE, action: "service.continue-deployment", input: { cluster: "demo", service: "web" } });
    expect(log.query().entries[0]).toMatchObject({ id: pending.id, outcome: "pending" });
    const settled = log.settle(pending.id, { outcome: "succeeded", target: WEB, detail: "Promoted.", awsRequestId: "req-9" });
    expect(settled).toMatchObject({ id: pending.id, outcome: "succeeded", target: WEB, detail: "Promoted.", awsRequestId: "req-9", input: '{"cluster":"demo","service":"web"}' });
    expect(() => log.settle(pending.id, { outcome: "failed" })).toThrow(AuditUnavailable);
    expect(log.query().entries).toHaveLength(1);
  });

  it("says of an intent left pending by a Slipway that stopped that its outcome is not known", () => {
    const old = log.begin({ at: new Date(Date.now() - 10 * 60_000), actor: ALICE, action: "service.continue-deployment" });
    const recent = log.begin({ actor: BOB, action: "service.scale" });
    log.close();
    log = new AuditLog(file);
    const byId = new Map(log.query().entries.map((entry) => [entry.id, entry]));
    expect(byId.get(old.id)).toMatchObject({ outcome: "interrupted", detail: expect.stringContaining("whether it happened is not known here") });
    // Another process's action may still be under way: only what has waited too long is settled.
    expect(byId.get(recent.id)?.outcome).toBe("pending");
  });

  it("keeps a no-op decision as no change", () => {
    expect(log.record(scale({ outcome: "no-change", detail: "Already decided." })).outcome).toBe("no-change");
  });

  it("counts one person's repeated refusals on one entry, with the first and last time", () => {
    const start = Date.parse("2026-05-01T09:00:00Z");
    for (let second = 0; second < 300; second++) {
      log.record(scale({ at: new Date(start + second * 20), actor: BOB, outcome: "denied", errorCode: "access-denied", detail: "Bob (viewer) may not change services." }));
    }
    log.record(scale({ at: new Date(start + 7000), actor: ALICE, outcome: "denied", errorCode: "access-denied" }));
    const entries = log.query().entries;
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ actor: BOB, at: "2026-05-01T09:00:00.000Z", repeats: { count: 300, lastAt: new Date(start + 299 * 20).toISOString() } });
    // A refusal long after the last one is an entry of its own; so is any success.
    log.record(scale({ at: new Date(start + 11 * 60_000), actor: BOB, outcome: "denied", errorCode: "access-denied" }));
    log.record(scale({ at: new Date(start + 11 * 60_000), actor: BOB }));
    log.record(scale({ at: new Date(start + 11 * 60_000), actor: BOB }));
    expect(log.query().entries).toHaveLength(5);
  });

  it("refuses to write or read once its file is deleted or replaced underneath it", () => {
    log.record(scale());
    rmSync(file);
    expect(() => log.record(scale())).toThrow(/audit log .* was deleted or replaced while Slipway ran/);
    expect(() => log.begin({ actor: ALICE, action: "service.scale" })).toThrow(AuditUnavailable);
    expect(() => log.query()).toThrow(AuditUnavailable);
  });

  it("refuses to open a damaged file, naming it", () => {
    log.close();
    writeFileSync(file, "this is not a database, though it has the audit log's name".repeat(100));
    rmSync(`${file}-wal`, { force: true });
    expect(() => new AuditLog(file)).toThrow(`The audit log ${file} cannot be opened (file is not a database). If it is damaged, move it`);
    log = new AuditLog(":memory:");
  });

  it("says since when it has been kept", () => {
    expect(Date.parse(log.keptSince()!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("keeps its WAL small however many entries are written", () => {
    // The log checkpoints at most once a second: the clock is moved on, not waited for.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const detail = "x".repeat(1_500);
      for (let index = 0; index < 6_000; index++) {
        log.record(scale({ at: new Date(Date.parse("2026-05-01T09:00:00Z") + index * 1000), detail }));
        if (index % 1_000 === 0) vi.advanceTimersByTime(1_100);
      }
      vi.advanceTimersByTime(1_100);
      log.record(scale());
      expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(1_100_000);
      expect(statSync(file).size).toBeGreaterThan(6_000 * 1_500);
    } finally {
      vi.useRealTimers();
    }
  });
});
