import { DeregisterTaskDefinitionCommand, DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureEachTestAgainst, startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { signInForTests } from "@/server/testing/sign-in";
import { deleteTaskDefinition } from "./delete-task-definition";

describe("deleteTaskDefinition", () => {
  let local: CountedLocalEcs;
  beforeAll(async () => {
    local = await startCountedLocalEcs();
    for (let i = 0; i < 3; i++) {
      await local.ecs.send(new RegisterTaskDefinitionCommand({ family: "web", containerDefinitions: [{ name: "web", image: `public.ecr.aws/slipway/web:${i + 1}`, memory: 64 }] }));
    }
    for (const revision of ["web:1", "web:2"]) await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: revision }));
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  const statusOf = async (reference: string) => (await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: reference }))).taskDefinition!.status;

  it("deletes an inactive revision: ECS marks it DELETE_IN_PROGRESS", async () => {
    const result = await deleteTaskDefinition({ taskDefinition: "web:1" });
    expect(result).toMatchObject({ ok: true, value: { status: "DELETE_IN_PROGRESS" } });
    expect(result.ok && result.message).toBe("web:1 is being deleted. ECS removes it for good once no task uses it.");
    expect(await statusOf("web:1")).toBe("DELETE_IN_PROGRESS");
  });

  it("does not report an active revision ECS refused to delete as deleted: it says to deregister first, with ECS's reason", async () => {
    const result = await deleteTaskDefinition({ taskDefinition: "web:3" });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "invalid-input",
        message: "web:3 is still active: deregister it first. ECS deletes only inactive revisions.",
        detail: "The specified task definition is still in ACTIVE status. Please deregister the target and try again.",
        requestId: expect.any(String),
      },
    });
    expect(await statusOf("web:3")).toBe("ACTIVE");
  });

  it("says a revision ECS does not have is not found", async () => {
    const result = await deleteTaskDefinition({ taskDefinition: "web:99" });
    expect(result).toMatchObject({ ok: false, error: { code: "not-found", message: "ECS has no task definition web:99.", detail: expect.stringContaining("does not exist") } });
  });

  it("refuses a bare family at its field before any AWS call", async () => {
    expect(await deleteTaskDefinition({ taskDefinition: "web" })).toMatchObject({ ok: false, fieldErrors: { taskDefinition: expect.any(String) } });
    expect(local.calls("DeleteTaskDefinitions")).toBe(0);
  });

  it("refuses a viewer with 403, and the revision is not deleted", async () => {
    await signInForTests({ id: "vera", name: "Vera", roles: ["viewer"] });
    await expect(deleteTaskDefinition({ taskDefinition: "web:2" })).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    expect(local.calls("DeleteTaskDefinitions")).toBe(0);
    expect(await statusOf("web:2")).toBe("INACTIVE");
  });
});
