import { DeleteTaskDefinitionsCommand, DeregisterTaskDefinitionCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs, useEndpoint } from "@/server/aws/test-local-ecs";
import { readTaskDefinitionFamilyList } from "./task-definition-families";
import { expectAwsCalls } from "./test-account";

let local: CountedLocalEcs;

async function register(family: string): Promise<string> {
  const { taskDefinition } = await local.ecs.send(new RegisterTaskDefinitionCommand({ family, containerDefinitions: [{ name: "app", image: "busybox:1.36", memory: 64 }] }));
  return taskDefinition!.taskDefinitionArn!;
}

/**
 * 120 job families; web with two revisions, one of them deregistered; "retired", all
 * deregistered; "gone", deregistered and being deleted.
 */
beforeAll(async () => {
  local = await startCountedLocalEcs();
  for (let i = 0; i < 120; i++) await register(`job-${String(i).padStart(3, "0")}`);
  const web1 = await register("web");
  await register("web");
  await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: web1 }));
  await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: await register("retired") }));
  const gone = await register("gone");
  await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: gone }));
  await local.ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: [gone] }));
});
afterAll(() => local.stop());

measureEachTestAgainst(() => local);

describe("the task definition families", () => {
  it("lists every family by name, active or not, for one call per 100 families of each kind", async () => {
    const { families, error } = await readTaskDefinitionFamilyList(CONNECTION);

    expect(error).toBeUndefined();
    expect(families).toHaveLength(123);
    expect(families.slice(0, 2)).toEqual([
      { name: "gone", active: false },
      { name: "job-000", active: true },
    ]);
    expect(families.slice(-2)).toEqual([
      { name: "retired", active: false },
      { name: "web", active: true },
    ]);
    expectAwsCalls(local, { "ecs:ListTaskDefinitionFamilies": 3 });
  });

  it("says why, when the families cannot be listed", async () => {
    vi.stubEnv("AWS_MAX_ATTEMPTS", "1");
    useEndpoint("http://127.0.0.1:9");
    const { families, error } = await readTaskDefinitionFamilyList(CONNECTION);
    expect(families).toEqual([]);
    expect(error).toMatchObject({ code: "unreachable" });
  });
});
