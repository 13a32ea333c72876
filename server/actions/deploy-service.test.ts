import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeTaskDefinitionCommand, ListTaskDefinitionsCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeService, describeServiceDeployment, registerWebApp } from "@/emulator/test/fixtures";
import { measureEachTestAgainst } from "@/server/aws/test-local-ecs";
import { queryAudit } from "@/server/audit/audit-log";
import { signInForTests } from "@/server/testing/sign-in";
import { deployService } from "./deploy-service";
import { SHOP, startDeployShop, type DeployShop } from "./deploy-service-shop";

describe("deployService", () => {
  let local: DeployShop;
  let testRuleOfBg = "";
  const dataDir = mkdtempSync(join(tmpdir(), "slipway-deploy-service-"));
  beforeAll(async () => {
    // An audit log of this file's own: other files' actions write at the same time.
    process.env.SLIPWAY_DATA_DIR = dataDir;
    local = await startDeployShop();
    await local.addShiftingService("roll");
    testRuleOfBg = (await local.addShiftingService("bg")).testRule;
    await local.addShiftingService("lin");
    await local.addShiftingService("can", [{ name: "SESSION_SECRET", value: "keep-me-9f2c" }]);
    await local.addPlainService("plain");
  }, 120_000);
  afterAll(async () => {
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  measureEachTestAgainst(() => local);

  const target = (service: string) => ({ cluster: SHOP, service });
  const newImage = (service: string, version: string, changeNote = "") => ({ kind: "new-images" as const, images: { app: `public.ecr.aws/slipway/${service}:${version}` }, changeNote });
  const revisions = async (family: string) => (await local.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family }))).taskDefinitionArns ?? [];

  it("rolls new images out as a new revision with its change note, with the chosen minimum, maximum and grace period", async () => {
    const result = await deployService({
      target: target("roll"),
      source: newImage("roll", "1.1.0", "Faster checkout"),
      strategy: { kind: "rolling", rolling: { minimumHealthyPercent: "50", maximumPercent: "150", healthCheckGracePeriodSeconds: "20" } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.value.taskDefinition).toMatch(/task-definition\/roll:2$/);
    expect(result.message).toBe(`roll is deploying roll:2 with a rolling update (deployment ${result.value.deploymentId}).`);
    const { tags, taskDefinition } = await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "roll:2", include: ["TAGS"] }));
    expect(tags).toContainEqual({ key: "slipway:change-note", value: "Faster checkout" });
    expect(taskDefinition?.containerDefinitions?.[0].image).toBe("public.ecr.aws/slipway/roll:1.1.0");
    const service = await describeService(local.ecs, SHOP, "roll");
    expect(service.taskDefinition).toBe(result.value.taskDefinition);
    expect(service.healthCheckGracePeriodSeconds).toBe(20);
    expect(service.deploymentConfiguration).toMatchObject({ strategy: "ROLLING", minimumHealthyPercent: 50, maximumPercent: 150, deploymentCircuitBreaker: { enable: true, rollback: true } });
    expect(service.currentServiceDeployment).toBe(result.value.serviceDeploymentArn);
    expect(result.value.serviceDeploymentArn.endsWith(`/${result.value.deploymentId}`)).toBe(true);
    const deployment = await describeServiceDeployment(local.ecs, result.value.serviceDeploymentArn);
    expect(deployment.targetServiceRevision?.arn).toBeTruthy();
    expect(deployment.deploymentConfiguration).toMatchObject({ strategy: "ROLLING", minimumHealthyPercent: 50 });
  });

  it("deploys an existing revision blue/green with its bake time and test listener rule", async () => {
    const second = await registerWebApp(local.ecs, "bg", "public.ecr.aws/slipway/bg:2.0.0");
    local.resetCalls();
    const result = await deployService({
      target: target("bg"),
      source: { kind: "revision", taskDefinition: "bg:2" },
      strategy: { kind: "blueGreen", blueGreen: { bakeTimeMinutes: "3", testListenerRule: testRuleOfBg } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(local.calls("RegisterTaskDefinition")).toBe(0);
    const service = await describeService(local.ecs, SHOP, "bg");
    expect(service.taskDefinition).toBe(second);
    expect(service.deploymentConfiguration).toMatchObject({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 3, lifecycleHooks: [] });
    expect(service.loadBalancers?.[0].advancedConfiguration?.testListenerRule).toBe(testRuleOfBg);
    const deployment = await describeServiceDeployment(local.ecs, result.value.serviceDeploymentArn);
    expect(deployment.deploymentConfiguration?.strategy).toBe("BLUE_GREEN");
  });

  it("deploys linear with its step, step bake time and an approval after test traffic", async () => {
    const result = await deployService({
      target: target("lin"),
      source: newImage("lin", "1.2.0"),
      strategy: { kind: "linear", linear: { stepPercent: "25", stepBakeTimeMinutes: "2", bakeTimeMinutes: "1", approval: { stage: "POST_TEST_TRAFFIC_SHIFT", timeoutMinutes: "90", timeoutAction: "CONTINUE" } } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const service = await describeService(local.ecs, SHOP, "lin");
    expect(service.deploymentConfiguration).toMatchObject({
      strategy: "LINEAR",
      bakeTimeInMinutes: 1,
      linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 2 },
      lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 90, action: "CONTINUE" } }],
    });
    expect((await describeServiceDeployment(local.ecs, result.value.serviceDeploymentArn)).deploymentConfiguration?.linearConfiguration?.stepPercent).toBe(25);
  });

  it("deploys a canary that waits for approval before promotion, keeping the hidden values of the revision it copies", async () => {
    const result = await deployService({
      target: target("can"),
      source: newImage("can", "1.3.0"),
      strategy: { kind: "canary", canary: { canaryPercent: "12.5", canaryBakeTimeMinutes: "4", bakeTimeMinutes: "2", approval: {} } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const service = await describeService(local.ecs, SHOP, "can");
    expect(service.deploymentConfiguration).toMatchObject({
      strategy: "CANARY",
      canaryConfiguration: { canaryPercent: 12.5, canaryBakeTimeInMinutes: 4 },
      lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 1440, action: "ROLLBACK" } }],
    });
    const { taskDefinition } = await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: result.value.taskDefinition }));
    expect(taskDefinition?.containerDefinitions?.[0].environment).toContainEqual({ name: "SESSION_SECRET", value: "keep-me-9f2c" });
  });

  it("refuses an out-of-range canary at its field, and changes nothing", async () => {
    const before = await describeService(local.ecs, SHOP, "can");
    local.resetCalls();
    const result = await deployService({ target: target("can"), source: newImage("can", "9.9.9"), strategy: { kind: "canary", canary: { canaryPercent: "150" } } });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input" }, fieldErrors: { "strategy.canary.canaryPercent": "Canary traffic must be at most 100 %." } });
    expect(local.calls("RegisterTaskDefinition") + local.calls("UpdateService") + local.calls("DescribeServices")).toBe(0);
    expect((await describeService(local.ecs, SHOP, "can")).deploymentConfiguration).toEqual(before.deploymentConfiguration);
  });

  it("refuses a canary for a service without a load balancer, saying what is missing, at the strategy", async () => {
    const result = await deployService({ target: target("plain"), source: newImage("plain", "2.0.0"), strategy: { kind: "canary" } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "strategy.kind": expect.stringContaining("Needs a load balancer") } });
    expect(local.calls("RegisterTaskDefinition") + local.calls("UpdateService")).toBe(0);
    expect(await revisions("plain")).toHaveLength(1);
  });

  it("says plainly when ECS refuses the deploy after registering the new revision, naming it", async () => {
    // The test listener rule of another service does not forward to this one's target groups.
    const result = await deployService({ target: target("lin"), source: newImage("lin", "1.4.0"), strategy: { kind: "blueGreen", blueGreen: { testListenerRule: testRuleOfBg } } });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input", awsCode: "InvalidParameterException" } });
    expect(!result.ok && result.error.detail).toMatch(/^lin:3 was registered, but ECS refused to deploy it, so the service still runs what it ran before: /);
    expect((await describeService(local.ecs, SHOP, "lin")).taskDefinition).toMatch(/lin:2$/);
  });

  it("refuses a viewer with 403, and changes nothing", async () => {
    await signInForTests({ id: "vera", name: "Vera", roles: ["viewer"] });
    await expect(deployService({ target: target("roll"), source: newImage("roll", "3.0.0"), strategy: { kind: "rolling" } })).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    expect(local.calls("RegisterTaskDefinition") + local.calls("UpdateService")).toBe(0);
    expect(queryAudit({ limit: 1 }).entries[0]).toMatchObject({ action: "service.deploy", outcome: "denied", actor: { id: "vera" } });
  });

  it("writes who deployed what to the audit log, with the service's ARN", async () => {
    await signInForTests({ id: "dana", name: "Dana", roles: ["deployer"] });
    const result = await deployService({ target: target("roll"), source: { kind: "revision", taskDefinition: "roll:1" }, strategy: { kind: "rolling" } });
    expect(result.ok).toBe(true);
    expect(queryAudit({ limit: 1 }).entries[0]).toMatchObject({
      actor: { id: "dana" },
      action: "service.deploy",
      target: expect.stringMatching(/:service\/shop\/roll$/),
      outcome: "succeeded",
      detail: result.ok ? result.message : "",
      awsRequestId: expect.stringMatching(/\S/),
    });
  });
});
