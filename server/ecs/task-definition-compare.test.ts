import { RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskDefinitionFor, WEB } from "@/emulator/seed/apps";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs } from "@/server/aws/test-local-ecs";
import { compareRevisions } from "./task-definition-compare";
import { expectAwsCalls, valueOf } from "./test-account";

let local: CountedLocalEcs;

/**
 * cmp-web:1 and :2, the demo's web at 1.4.2 and 1.5.0-rc.1; :3 as :2 with its session secret
 * rotated and containers reordered; :4 and :5 as :3 with a guess of that secret, wrong then right.
 */
beforeAll(async () => {
  local = await startCountedLocalEcs();
  const register = (version: string, edit: (input: ReturnType<typeof taskDefinitionFor>) => void = () => {}) => {
    const input = { ...taskDefinitionFor(WEB, version, "us-east-1"), family: "cmp-web" };
    edit(input);
    return local.ecs.send(new RegisterTaskDefinitionCommand(input));
  };
  await register("1.4.2");
  await register("1.5.0-rc.1");
  await register("1.5.0-rc.1", (input) => {
    const [web] = input.containerDefinitions!;
    web!.environment = web!.environment!.map((entry) => (entry.name === "SESSION_SECRET" ? { ...entry, value: "rotated-7d1e" } : entry));
    input.containerDefinitions = [{ name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0", essential: false }, web!];
  });
  for (const guess of ["a-wrong-guess", "rotated-7d1e"]) {
    await register("1.5.0-rc.1", (input) => {
      const [web] = input.containerDefinitions!;
      web!.environment = web!.environment!.map((entry) => (entry.name === "SESSION_SECRET" ? { ...entry, value: guess } : entry));
      input.containerDefinitions = [{ name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0", essential: false }, web!];
    });
  }
});
afterAll(() => local.stop());

measureEachTestAgainst(() => local);

describe("comparing two revisions", () => {
  it("reads both and lists what changed, for two calls", async () => {
    const comparison = await compareRevisions(CONNECTION, "cmp-web:1", "cmp-web:2", { canSeeSecrets: true });

    expect(valueOf(comparison.left)).toMatchObject({ label: "cmp-web:1", family: "cmp-web", revision: 1, status: "ACTIVE", changeNote: "Fix: price rounding in the basket" });
    expect(valueOf(comparison.right)).toMatchObject({ label: "cmp-web:2", changeNote: "Release candidate: new product search" });
    expect(Date.parse(valueOf(comparison.right).registeredAt!)).not.toBeNaN();
    expect(comparison.diff?.changes.map((change) => change.label)).toEqual(["Container web › image", "Container web › environment › APP_VERSION", "Tags › version"]);
    expect(comparison.hidesValues).toBe(false);
    expectAwsCalls(local, { "ecs:DescribeTaskDefinition": 2 });
  });

  it("shows a hidden value as hidden, never as changed, to someone who may not see secrets", async () => {
    const comparison = await compareRevisions(CONNECTION, "cmp-web:2", "cmp-web:3", { canSeeSecrets: false });

    expect(comparison.diff?.changes).toEqual([
      { path: "containerDefinitions.0", label: "Container log-router", kind: "added", after: expect.objectContaining({ name: "log-router" }) },
    ]);
    expect(comparison.diff?.hidden).toEqual([{ path: "containerDefinitions.1.environment.3.value", label: "Container web › environment › SESSION_SECRET" }]);
    expect(comparison.hidesValues).toBe(true);
    const shown = JSON.stringify(comparison);
    expect(shown).not.toContain("rotated-7d1e");
    expect(shown).not.toContain("demo-session-9f2c4e7a1b");
  });

  it("does not let a deployer confirm a guessed secret: a right and a wrong guess compare alike", async () => {
    const wrong = await compareRevisions(CONNECTION, "cmp-web:3", "cmp-web:4", { canSeeSecrets: false });
    const right = await compareRevisions(CONNECTION, "cmp-web:3", "cmp-web:5", { canSeeSecrets: false });
    expect(right.diff?.changes).toEqual([]);
    expect(wrong.diff).toEqual(right.diff);
    expect(wrong.hidesValues).toBe(right.hidesValues);
    expect(JSON.stringify(wrong)).not.toMatch(/a-wrong-guess|rotated-7d1e/);
  });

  it("shows the values themselves to someone who may see secrets", async () => {
    const comparison = await compareRevisions(CONNECTION, "cmp-web:2", "cmp-web:3", { canSeeSecrets: true });
    expect(comparison.diff?.changes[1]).toMatchObject({ before: "demo-session-9f2c4e7a1b", after: "rotated-7d1e" });
  });

  it("says which side ECS does not have, and still shows the other", async () => {
    const comparison = await compareRevisions(CONNECTION, "cmp-web:2", "cmp-web:9", { canSeeSecrets: true });

    expect(valueOf(comparison.left).label).toBe("cmp-web:2");
    expect(comparison.right).toMatchObject({ ok: false, error: { code: "not-found", detail: "ECS has no task definition cmp-web:9." } });
    expect(comparison.diff).toBeUndefined();
    expectAwsCalls(local, { "ecs:DescribeTaskDefinition": 2 });
  });

  it("refuses a reference that is not a revision without asking ECS", async () => {
    const comparison = await compareRevisions(CONNECTION, "cmp-web", "cmp-web:2", { canSeeSecrets: true });

    expect(comparison.left).toMatchObject({ ok: false, error: { code: "invalid-input", detail: expect.stringContaining("family:revision") } });
    expect(comparison.asked).toEqual({ left: "cmp-web", right: "cmp-web:2" });
    expectAwsCalls(local, { "ecs:DescribeTaskDefinition": 1 });
  });

  it("finds no change between a revision and itself, for one call", async () => {
    const comparison = await compareRevisions(CONNECTION, "cmp-web:2", "cmp-web:2", { canSeeSecrets: false });
    expect(comparison.diff?.changes).toEqual([]);
    expectAwsCalls(local, { "ecs:DescribeTaskDefinition": 1 });
  });

  it("takes ARNs as well as family:revision", async () => {
    const comparison = await compareRevisions(CONNECTION, "arn:aws:ecs:us-east-1:000000000000:task-definition/cmp-web:1", "cmp-web:2", { canSeeSecrets: true });
    expect(valueOf(comparison.left).label).toBe("cmp-web:1");
    expect(comparison.diff?.changes).toHaveLength(3);
  });
});
