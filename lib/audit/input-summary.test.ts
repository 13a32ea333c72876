import { describe, expect, it } from "vitest";
import { capBytes, INPUT_SUMMARY_MAX_BYTES, MASKED, summariseInput } from "./input-summary";

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("summariseInput", () => {
  it("keeps a small input as JSON", () => {
    expect(summariseInput({ cluster: "demo", service: "web", desiredCount: 4 })).toBe('{"cluster":"demo","service":"web","desiredCount":4}');
  });

  it("has nothing to say of no input", () => {
    expect(summariseInput(undefined)).toBeUndefined();
  });

  it("masks values under keys that look secret, at any depth", () => {
    const summary = JSON.parse(
      summariseInput({
        password: "hunter2",
        nested: { apiToken: "t0k", AccessKeyId: "AKIA", clientSecret: "s", awsCredentials: { a: 1 } },
        list: [{ sessionToken: "x", keep: "me" }],
      })!,
    );
    expect(summary).toEqual({
      password: MASKED,
      nested: { apiToken: MASKED, AccessKeyId: MASKED, clientSecret: MASKED, awsCredentials: MASKED },
      list: [{ sessionToken: MASKED, keep: "me" }],
    });
    expect(JSON.stringify(summary)).not.toMatch(/hunter2|t0k|AKIA/);
  });

  it("masks the value of a name/value pair whose name looks secret, as in a container's environment", () => {
    const summary = JSON.parse(summariseInput({ environment: [{ name: "DB_PASSWORD", value: "pw" }, { name: "LOG_LEVEL", value: "info" }] })!);
    expect(summary.environment).toEqual([{ name: "DB_PASSWORD", value: MASKED }, { name: "LOG_LEVEL", value: "info" }]);
  });

  it("masks values that look like credentials whatever their key or name, and URL passwords", () => {
    const pat = "ghp_R8vQ2mXk7LpT4wNz9YbC1dFh6JsA3eGu5KiO";
    const summary = JSON.parse(
      summariseInput({
        environment: [
          { name: "GITHUB_PAT", value: pat },
          { name: "DATABASE_URL", value: "postgres://shop:hunter2@db.internal:5432/shop" },
          { name: "IMAGE_TAG", value: "1.5.0" },
        ],
        command: ["curl", "-H", `Authorization: token ${pat}`],
        note: `${"x".repeat(300)} ${pat}`,
      })!,
    );
    expect(summary.environment).toEqual([
      { name: "GITHUB_PAT", value: MASKED },
      { name: "DATABASE_URL", value: `postgres://shop:${MASKED}@db.internal:5432/shop` },
      { name: "IMAGE_TAG", value: "1.5.0" },
    ]);
    expect(summary.command).toEqual(["curl", "-H", MASKED]);
    expect(summary.note).toBe(MASKED);
    expect(JSON.stringify(summary)).not.toMatch(/ghp_|hunter2/);
  });

  it("stays within 2 KB, ending in an ellipsis when cut", () => {
    const large = { items: Array.from({ length: 15 }, (_, index) => ({ index, text: "é".repeat(200) })) };
    const summary = summariseInput(large)!;
    expect(bytes(summary)).toBeLessThanOrEqual(INPUT_SUMMARY_MAX_BYTES);
    expect(summary.endsWith("…")).toBe(true);
    expect(summary.startsWith('{"items":[{"index":0')).toBe(true);
  });

  it("shortens long strings and long lists, saying how many were left out", () => {
    const summary = JSON.parse(summariseInput({ text: "x".repeat(1_000), list: Array.from({ length: 25 }, (_, index) => index) })!);
    expect(summary.text).toBe(`${"x".repeat(256)}…`);
    expect(summary.list).toHaveLength(21);
    expect(summary.list.at(-1)).toBe("… 5 more");
  });

  it("copes with what JSON cannot say: cycles, dates, big numbers, functions, maps and form data", () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    expect(JSON.parse(summariseInput(cyclic)!)).toEqual({ name: "loop", self: "[circular]" });
    const form = new FormData();
    form.set("desiredCount", "3");
    form.set("secretKey", "s");
    expect(JSON.parse(summariseInput(form)!)).toEqual({ desiredCount: "3", secretKey: MASKED });
    expect(JSON.parse(summariseInput({ at: new Date("2026-05-01T09:30:00Z"), big: 10n, run: () => 1, tags: new Map([["team", "core"]]), n: Infinity })!)).toEqual({
      at: "2026-05-01T09:30:00.000Z",
      big: "10",
      tags: { team: "core" },
      n: "Infinity",
    });
  });

  it("keeps a shared object that is not a cycle", () => {
    const shared = { a: 1 };
    expect(JSON.parse(summariseInput({ left: shared, right: shared })!)).toEqual({ left: { a: 1 }, right: { a: 1 } });
  });
});

describe("capBytes", () => {
  it("never splits a character", () => {
    expect(capBytes("ééé", 5)).toBe("é…");
    expect(capBytes("abc", 3)).toBe("abc");
  });
});

describe("summariseInput keeps AWS's identifiers", () => {
  it("however random they look", () => {
    const input = { serviceDeploymentArn: "arn:aws:ecs:us-east-1:000000000000:service-deployment/shop/web/OLOwbep8h7B1aI2xHZPe", hookId: "ecs-pause-Zq8X2mP4vL9rT1wK7yB3", token: "ghp_abcdefghijklmnopqrstuvwxyz0123456789" };
    expect(JSON.parse(summariseInput(input)!)).toEqual({ ...input, token: MASKED });
  });
});
