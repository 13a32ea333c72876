import { DescribeTaskDefinitionCommand, ListTaskDefinitionsCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MASK } from "@/lib/secrets/mask";
import { maskRegistration } from "@/lib/secrets/mask-registration";
import { CHANGE_NOTE_TAG, toRegistration, type Registration } from "@/lib/taskdef/registration";
import { measureEachTestAgainst, startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { signInForTests } from "@/server/testing/sign-in";
import { registerTaskDefinition } from "./register-task-definition";

const DB_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-db-AbCdEf";

function ordersRegistration(image = "public.ecr.aws/slipway/orders:1.0.0"): Registration {
  return {
    family: "orders",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "256",
    memory: "512",
    containerDefinitions: [
      {
        name: "app",
        image,
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: "tcp" }],
        environment: [
          { name: "MODE", value: "prod" },
          { name: "API_TOKEN", value: "tok-123456" },
        ],
        secrets: [{ name: "DB", valueFrom: DB_SECRET }],
      },
    ],
  };
}

describe("registerTaskDefinition", () => {
  let local: CountedLocalEcs;
  let firstArn: string;
  beforeAll(async () => {
    local = await startCountedLocalEcs();
    const { taskDefinition } = await local.ecs.send(new RegisterTaskDefinitionCommand(ordersRegistration()));
    firstArn = taskDefinition!.taskDefinitionArn!;
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  const describeLatest = async () =>
    local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "orders", include: ["TAGS"] }));
  const revisions = async () => (await local.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "orders" }))).taskDefinitionArns ?? [];

  it("registers a new revision with its change note as a tag, and names it", async () => {
    const result = await registerTaskDefinition({
      registration: ordersRegistration("public.ecr.aws/slipway/orders:1.1.0"),
      changeNote: "  Orders 1.1.0: faster checkout  ",
      basedOn: firstArn,
    });
    expect(result).toMatchObject({ ok: true, message: "Registered orders:2.", value: { family: "orders", revision: 2, label: "orders:2" } });
    const { taskDefinition, tags } = await describeLatest();
    expect(result.ok && result.value.arn).toBe(taskDefinition!.taskDefinitionArn);
    expect(taskDefinition!.containerDefinitions![0]!.image).toBe("public.ecr.aws/slipway/orders:1.1.0");
    expect(tags).toContainEqual({ key: CHANGE_NOTE_TAG, value: "Orders 1.1.0: faster checkout" });
    // An admin's draft holds no masked value, so nothing is described to restore one.
    expect(local.calls("DescribeTaskDefinition")).toBe(1);
  });

  it("refuses an invalid draft with messages at its fields, and registers nothing", async () => {
    const before = await revisions();
    const draft = ordersRegistration();
    draft.containerDefinitions![0]!.portMappings![0]!.containerPort = 70000;
    draft.family = "orders!";
    const result = await registerTaskDefinition({ registration: draft, changeNote: "x".repeat(257) });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input" } });
    const fieldErrors = !result.ok ? result.fieldErrors : undefined;
    expect(Object.keys(fieldErrors ?? {}).sort()).toEqual(["changeNote", "registration.containerDefinitions.0.portMappings.0.containerPort", "registration.family"]);
    expect(fieldErrors?.changeNote).toBe("A change note has at most 256 characters.");
    expect(local.calls("RegisterTaskDefinition")).toBe(0);
    expect(await revisions()).toEqual(before);
  });

  it("refuses something that is not a task definition at all at the draft as a whole", async () => {
    const result = await registerTaskDefinition({ registration: "not a task definition" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { registration: expect.any(String) } });
    expect(local.calls("RegisterTaskDefinition")).toBe(0);
  });

  it("shows an AWS refusal as the action's error", async () => {
    const draft = ordersRegistration();
    // Valid to the form's rules, but local ECS refuses a tag key in the reserved aws: namespace.
    draft.tags = [{ key: "aws:owner", value: "me" }];
    const result = await registerTaskDefinition({ registration: draft });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input" } });
    expect(!result.ok && result.error.requestId).toBeTruthy();
  });

  describe("for a deployer, who may not see secrets", () => {
    it("registers the original hidden values where the draft left them masked", async () => {
      await signInForTests({ id: "dana", name: "Dana", roles: ["deployer"] });
      const { taskDefinition, tags } = await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: firstArn, include: ["TAGS"] }));
      const draft = maskRegistration(toRegistration(taskDefinition!, tags), false);
      expect(draft.containerDefinitions![0]!.secrets![0]!.valueFrom).toBe(MASK);
      draft.containerDefinitions![0]!.image = "public.ecr.aws/slipway/orders:1.2.0";

      const result = await registerTaskDefinition({ registration: draft, basedOn: firstArn, changeNote: "1.2.0" });

      expect(result).toMatchObject({ ok: true });
      const app = (await describeLatest()).taskDefinition!.containerDefinitions![0]!;
      expect(app.image).toBe("public.ecr.aws/slipway/orders:1.2.0");
      expect(app.secrets).toEqual([{ name: "DB", valueFrom: DB_SECRET }]);
      expect(app.environment).toContainEqual({ name: "API_TOKEN", value: "tok-123456" });
    });

    it("refuses a hidden value with nothing to restore it from, at its field", async () => {
      await signInForTests({ id: "dana", name: "Dana", roles: ["deployer"] });
      const draft = ordersRegistration();
      draft.containerDefinitions![0]!.name = "renamed";
      draft.containerDefinitions![0]!.secrets = [{ name: "DB", valueFrom: MASK }];
      const result = await registerTaskDefinition({ registration: draft, basedOn: firstArn });
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { "registration.containerDefinitions.0.secrets.0.valueFrom": "This value is hidden from you: type the new value." },
      });
      expect(local.calls("RegisterTaskDefinition")).toBe(0);
    });
  });

  it("refuses a viewer with 403, and registers nothing", async () => {
    await signInForTests({ id: "vera", name: "Vera", roles: ["viewer"] });
    await expect(registerTaskDefinition({ registration: ordersRegistration() })).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    expect(local.calls("RegisterTaskDefinition")).toBe(0);
  });
});
