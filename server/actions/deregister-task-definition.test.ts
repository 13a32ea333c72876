import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureEachTestAgainst, startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { signInForTests } from "@/server/testing/sign-in";
import { deregisterTaskDefinition } from "./deregister-task-definition";

describe("deregisterTaskDefinition", () => {
  let local: CountedLocalEcs;
  let web2Arn: string;
  beforeAll(async () => {
    local = await startCountedLocalEcs();
    for (let i = 0; i < 3; i++) {
      const { taskDefinition } = await local.ecs.send(
        new RegisterTaskDefinitionCommand({ family: "web", containerDefinitions: [{ name: "web", image: `public.ecr.aws/slipway/web:${i + 1}`, memory: 64 }] }),
      );
      if (i === 1) web2Arn = taskDefinition!.taskDefinitionArn!;
    }
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  const statusOf = async (reference: string) => (await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: reference }))).taskDefinition!.status;

  it("makes an active revision inactive and says what that means for its services", async () => {
    const result = await deregisterTaskDefinition({ taskDefinition: "web:1" });
    expect(result).toMatchObject({ ok: true, value: { status: "INACTIVE", taskDefinitionArn: expect.stringMatching(/task-definition\/web:1$/) } });
    expect(result.ok && result.message).toBe("web:1 is inactive now. Services running it keep running it; nothing new can use it.");
    expect(await statusOf("web:1")).toBe("INACTIVE");
    expect(local.calls("DeregisterTaskDefinition")).toBe(1);
  });

  it("takes the revision's ARN too", async () => {
    expect(await deregisterTaskDefinition({ taskDefinition: web2Arn })).toMatchObject({ ok: true });
    expect(await statusOf("web:2")).toBe("INACTIVE");
  });

  it("says a revision already inactive has nothing to deregister, and sends nothing", async () => {
    const result = await deregisterTaskDefinition({ taskDefinition: "web:1" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input", message: "web:1 is already inactive: there is nothing to deregister." } });
    expect(local.calls("DeregisterTaskDefinition")).toBe(0);
  });

  it("says a revision ECS does not have is not found", async () => {
    const result = await deregisterTaskDefinition({ taskDefinition: "web:99" });
    expect(result).toMatchObject({ ok: false, error: { code: "not-found", detail: expect.stringContaining("web:99") } });
    expect(local.calls("DeregisterTaskDefinition")).toBe(0);
  });

  it("refuses a bare family at its field before any AWS call", async () => {
    const result = await deregisterTaskDefinition({ taskDefinition: "web" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input" }, fieldErrors: { taskDefinition: expect.stringContaining("family:revision") } });
    expect(local.calls("DescribeTaskDefinition") + local.calls("DeregisterTaskDefinition")).toBe(0);
  });

  it("refuses a viewer with 403, and the revision stays active", async () => {
    await signInForTests({ id: "vera", name: "Vera", roles: ["viewer"] });
    await expect(deregisterTaskDefinition({ taskDefinition: "web:3" })).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    expect(local.calls("DeregisterTaskDefinition")).toBe(0);
    expect(await statusOf("web:3")).toBe("ACTIVE");
  });
});
