import { DeregisterTaskDefinitionCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerWebApp } from "@/emulator/test/fixtures";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs, useEndpoint } from "@/server/aws/test-local-ecs";
import { readTaskDefinitionFamilies, readTaskDefinitionNeeds } from "./task-definition-choices";
import { expectAwsCalls } from "./test-account";

let local: CountedLocalEcs;

/** 130 batch families, web at revision 3, and "retired", whose only revision is INACTIVE. */
beforeAll(async () => {
  local = await startCountedLocalEcs();
  for (const version of ["1", "2", "3"]) await registerWebApp(local.ecs, "web", `public.ecr.aws/slipway/web:${version}`, [], { containerHealthCheck: false });
  const retired = await registerWebApp(local.ecs, "retired", "public.ecr.aws/slipway/web:1", [], { containerHealthCheck: false });
  await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: retired }));
  await local.ecs.send(
    new RegisterTaskDefinitionCommand({ family: "bridge-app", networkMode: "bridge", containerDefinitions: [{ name: "app", image: "nginx:1.27", memory: 128 }] }),
  );
  for (let i = 0; i < 130; i++) {
    await local.ecs.send(new RegisterTaskDefinitionCommand({ family: `batch-${String(i).padStart(3, "0")}`, containerDefinitions: [{ name: "job", image: "busybox:1.36", memory: 64 }] }));
  }
});
afterAll(() => local.stop());

measureEachTestAgainst(() => local);

describe("the task definitions Run task offers", () => {
  it("lists every family with an ACTIVE revision, by name, one call per 100 families", async () => {
    const { families, error } = await readTaskDefinitionFamilies(CONNECTION);

    expect(error).toBeUndefined();
    expect(families).toHaveLength(132);
    expect(families.slice(0, 2)).toEqual(["batch-000", "batch-001"]);
    expect(families.slice(-2)).toEqual(["bridge-app", "web"]);
    expect(families).not.toContain("retired");
    expectAwsCalls(local, { "ecs:ListTaskDefinitionFamilies": 2 });
  });

  it("says why, when the families cannot be listed", async () => {
    vi.stubEnv("AWS_MAX_ATTEMPTS", "1");
    useEndpoint("http://127.0.0.1:9");
    const { families, error } = await readTaskDefinitionFamilies(CONNECTION);
    expect(families).toEqual([]);
    expect(error).toMatchObject({ code: "unreachable" });
  });
});

describe("what a chosen task definition needs", () => {
  it("resolves a family to its latest ACTIVE revision, which needs subnets for awsvpc, in one call", async () => {
    expect(await readTaskDefinitionNeeds(CONNECTION, "web")).toMatchObject({ taskDefinition: { label: "web:3" }, status: "ACTIVE", networkMode: "awsvpc", needsSubnets: true });
    expectAwsCalls(local, { "ecs:DescribeTaskDefinition": 1 });
  });

  it("reads a revision as given, and a bridge task definition needs no subnets", async () => {
    expect(await readTaskDefinitionNeeds(CONNECTION, "web:1")).toMatchObject({ taskDefinition: { label: "web:1" }, needsSubnets: true });
    expect(await readTaskDefinitionNeeds(CONNECTION, "bridge-app:1")).toMatchObject({ networkMode: "bridge", needsSubnets: false });
    expect(await readTaskDefinitionNeeds(CONNECTION, "retired:1")).toMatchObject({ status: "INACTIVE" });
  });

  it("says a task definition ECS does not have is not found", async () => {
    expect(await readTaskDefinitionNeeds(CONNECTION, "web:99")).toMatchObject({ error: { code: "not-found", detail: expect.stringContaining("web:99") } });
    expect(await readTaskDefinitionNeeds(CONNECTION, "retired")).toMatchObject({ error: { code: "not-found" } });
  });
});
