import { DeleteTaskDefinitionsCommand, DeregisterTaskDefinitionCommand, RegisterTaskDefinitionCommand, type Tag } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs, useEndpoint } from "@/server/aws/test-local-ecs";
import { readFamilyHistory, readPreviousRevision } from "./task-definition-history";
import { expectAwsCalls } from "./test-account";

let local: CountedLocalEcs;

async function register(family: string, image: string, tags?: Tag[]): Promise<string> {
  const { taskDefinition } = await local.ecs.send(
    new RegisterTaskDefinitionCommand({ family, containerDefinitions: [{ name: "app", image, memory: 64 }], tags }),
  );
  return taskDefinition!.taskDefinitionArn!;
}

/**
 * "web": 30 revisions (image web:1 … web:30); 28 and 29 deregistered, 27 being deleted, 30 with
 * a change note. "batch": 120 ACTIVE revisions, more than one page of ListTaskDefinitions.
 * "fading": 3 revisions, the newest deregistered; "retired": one, deregistered.
 */
beforeAll(async () => {
  local = await startCountedLocalEcs();
  const web: string[] = [];
  for (let revision = 1; revision <= 30; revision++) {
    const note = revision === 30 ? [{ key: "slipway:change-note", value: "Serve web 30" }] : undefined;
    web.push(await register("web", `public.ecr.aws/slipway/web:${revision}`, note));
  }
  for (const revision of [27, 28, 29]) await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: web[revision - 1] }));
  await local.ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: [web[26]!] }));
  for (let i = 0; i < 120; i++) await register("batch", "busybox:1.36");
  for (let i = 0; i < 3; i++) await register("fading", "busybox:1.36");
  await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: "fading:3" }));
  await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: await register("retired", "busybox:1.36") }));
});
afterAll(() => local.stop());

measureEachTestAgainst(() => local);

function valueOf<T>(read: { history?: T; error?: unknown }): T {
  if (!read.history) throw new Error(`expected a history, got ${JSON.stringify(read.error)}`);
  return read.history;
}

describe("a family's history", () => {
  it("shows the newest 25 revisions first, each with its status, registration, note and image, for 3 listings and 25 descriptions", async () => {
    const history = valueOf(await readFamilyHistory(CONNECTION, "web"));

    expect(history).toMatchObject({ family: "web", latest: 30, latestActive: 30, counts: { ACTIVE: 27, INACTIVE: 2, DELETE_IN_PROGRESS: 1 }, olderBefore: 6 });
    expect(history.before).toBeUndefined();
    expect(history.rows.map((row) => row.revision)).toEqual(Array.from({ length: 25 }, (_, i) => 30 - i));
    expect(history.rows.slice(0, 5).map((row) => [row.label, row.status, row.previous])).toEqual([
      ["web:30", "ACTIVE", 29],
      ["web:29", "INACTIVE", 28],
      ["web:28", "INACTIVE", 27],
      ["web:27", "DELETE_IN_PROGRESS", 26],
      ["web:26", "ACTIVE", 25],
    ]);
    expect(history.rows[0]).toMatchObject({
      changeNote: "Serve web 30",
      images: ["public.ecr.aws/slipway/web:30"],
      registeredBy: "arn:aws:iam::000000000000:root",
      registeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(history.rows[1]!.changeNote).toBeUndefined();
    expectAwsCalls(local, { "ecs:ListTaskDefinitions": 3, "ecs:DescribeTaskDefinition": 25 });
  });

  it("shows the older revisions below `before`, and the oldest page says there is nothing older", async () => {
    const history = valueOf(await readFamilyHistory(CONNECTION, "web", { before: 6 }));

    expect(history.rows.map((row) => row.label)).toEqual(["web:5", "web:4", "web:3", "web:2", "web:1"]);
    expect(history.rows.at(-1)!.previous).toBeUndefined();
    expect(history).toMatchObject({ before: 6, latest: 30 });
    expect(history.olderBefore).toBeUndefined();
    expectAwsCalls(local, { "ecs:ListTaskDefinitions": 3, "ecs:DescribeTaskDefinition": 5 });
  });

  it("pages through a status with more than 100 revisions, one listing per 100", async () => {
    const history = valueOf(await readFamilyHistory(CONNECTION, "batch"));

    expect(history.counts).toEqual({ ACTIVE: 120, INACTIVE: 0, DELETE_IN_PROGRESS: 0 });
    expect(history.rows[0]!.label).toBe("batch:120");
    expectAwsCalls(local, { "ecs:ListTaskDefinitions": 4, "ecs:DescribeTaskDefinition": 25 });
  });

  it("knows the newest ACTIVE revision apart from the newest, and that a retired family has none", async () => {
    expect(valueOf(await readFamilyHistory(CONNECTION, "fading"))).toMatchObject({ latest: 3, latestActive: 2 });
    const retired = valueOf(await readFamilyHistory(CONNECTION, "retired"));
    expect(retired).toMatchObject({ latest: 1, counts: { ACTIVE: 0, INACTIVE: 1 } });
    expect(retired.latestActive).toBeUndefined();
  });

  it("says a family ECS does not have is not found, after only the listings", async () => {
    expect(await readFamilyHistory(CONNECTION, "nope")).toEqual({ error: expect.objectContaining({ code: "not-found", detail: expect.stringContaining("nope") }) });
    expectAwsCalls(local, { "ecs:ListTaskDefinitions": 3 });
  });

  it("calls nothing for a name no family can have", async () => {
    for (const name of ["web:3", "web app", ""]) expect(await readFamilyHistory(CONNECTION, name)).toMatchObject({ error: { code: "not-found" } });
    expectAwsCalls(local, {});
  });

  it("says why, when ECS cannot be reached", async () => {
    vi.stubEnv("AWS_MAX_ATTEMPTS", "1");
    useEndpoint("http://127.0.0.1:9");
    expect(await readFamilyHistory(CONNECTION, "web")).toEqual({ error: expect.objectContaining({ code: "unreachable" }) });
  });
});

describe("the revision before another", () => {
  it("is the next older one ECS still has, for the listings alone", async () => {
    expect(await readPreviousRevision(CONNECTION, "web", 30)).toBe(29);
    expect(await readPreviousRevision(CONNECTION, "web", 1)).toBeUndefined();
    // The second read is the first's listings, shared.
    expectAwsCalls(local, { "ecs:ListTaskDefinitions": 3 });
  });
});
