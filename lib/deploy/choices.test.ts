import { describe, expect, it } from "vitest";
import { checkChoices, deployChoices, strategyChoice, type DeployChoicesInput } from "./choices";
import { createServiceChoices, type CreateServiceChoicesInput } from "./create-choices";
import { BLUE, GREEN, PRODUCTION_RULE, TRAFFIC_ROLE } from "./fixtures";
import { DEPLOY_LIMITS, rangeText, type LimitName } from "./limits";

const target = { cluster: "demo", service: "shop" };
const source = { kind: "revision" as const, taskDefinition: "shop:8" };

function check(strategy: unknown, extra: Partial<DeployChoicesInput> = {}) {
  return checkChoices(deployChoices, { target, source, strategy, ...extra });
}

/** Every numeric field of every strategy, with the limit it is checked against. */
const FIELDS: { path: string; limit: LimitName; strategy: (value: unknown) => unknown }[] = [
  { path: "strategy.rolling.minimumHealthyPercent", limit: "minimumHealthyPercent", strategy: (v) => ({ kind: "rolling", rolling: { minimumHealthyPercent: v } }) },
  { path: "strategy.rolling.maximumPercent", limit: "maximumPercent", strategy: (v) => ({ kind: "rolling", rolling: { maximumPercent: v } }) },
  { path: "strategy.rolling.healthCheckGracePeriodSeconds", limit: "healthCheckGracePeriodSeconds", strategy: (v) => ({ kind: "rolling", rolling: { healthCheckGracePeriodSeconds: v } }) },
  { path: "strategy.blueGreen.bakeTimeMinutes", limit: "bakeTimeMinutes", strategy: (v) => ({ kind: "blueGreen", blueGreen: { bakeTimeMinutes: v } }) },
  { path: "strategy.linear.stepPercent", limit: "stepPercent", strategy: (v) => ({ kind: "linear", linear: { stepPercent: v } }) },
  { path: "strategy.linear.stepBakeTimeMinutes", limit: "stepBakeTimeMinutes", strategy: (v) => ({ kind: "linear", linear: { stepBakeTimeMinutes: v } }) },
  { path: "strategy.linear.bakeTimeMinutes", limit: "bakeTimeMinutes", strategy: (v) => ({ kind: "linear", linear: { bakeTimeMinutes: v } }) },
  { path: "strategy.canary.canaryPercent", limit: "canaryPercent", strategy: (v) => ({ kind: "canary", canary: { canaryPercent: v } }) },
  { path: "strategy.canary.canaryBakeTimeMinutes", limit: "canaryBakeTimeMinutes", strategy: (v) => ({ kind: "canary", canary: { canaryBakeTimeMinutes: v } }) },
  { path: "strategy.canary.bakeTimeMinutes", limit: "bakeTimeMinutes", strategy: (v) => ({ kind: "canary", canary: { bakeTimeMinutes: v } }) },
  { path: "strategy.canary.approval.timeoutMinutes", limit: "approvalTimeoutMinutes", strategy: (v) => ({ kind: "canary", canary: { approval: { timeoutMinutes: v } } }) },
  { path: "strategy.linear.approval.timeoutMinutes", limit: "approvalTimeoutMinutes", strategy: (v) => ({ kind: "linear", linear: { approval: { timeoutMinutes: v } } }) },
  { path: "strategy.blueGreen.approval.timeoutMinutes", limit: "approvalTimeoutMinutes", strategy: (v) => ({ kind: "blueGreen", blueGreen: { approval: { timeoutMinutes: v } } }) },
];

function valueAt(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value);
}

describe("every range edge", () => {
  for (const field of FIELDS) {
    const limit = DEPLOY_LIMITS[field.limit];
    it(`${field.path} takes ${rangeText(limit)} on steps of ${limit.step}`, () => {
      for (const edge of [limit.min, limit.max]) {
        const result = check(field.strategy(edge));
        expect(result.ok ? valueAt(result.value, field.path) : result.fieldErrors).toBe(edge);
      }
      const below = Math.round((limit.min - limit.step) * 10) / 10;
      const above = Math.round((limit.max + limit.step) * 10) / 10;
      const offStep = limit.min + limit.step / 2;
      for (const [value, message] of [[below, "at least"], [above, "at most"], [offStep, limit.step === 1 ? "a whole number" : "a multiple of 0.1"]] as const) {
        const result = check(field.strategy(value));
        expect(result.ok, `${value} should be refused`).toBe(false);
        if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual([field.path]);
        if (!result.ok) expect(result.fieldErrors[field.path]).toContain(message);
      }
    });
  }

  it("takes a field's text as a form sends it, and an empty field as its default", () => {
    const result = check({ kind: "canary", canary: { canaryPercent: " 12.5 ", canaryBakeTimeMinutes: "" } });
    expect(result.ok && result.value.strategy).toEqual({
      kind: "canary",
      canary: { canaryPercent: 12.5, canaryBakeTimeMinutes: 10, bakeTimeMinutes: 5 },
    });
  });

  it("names a field that is not a number", () => {
    expect(check({ kind: "linear", linear: { stepPercent: "ten" } })).toEqual({ ok: false, fieldErrors: { "strategy.linear.stepPercent": "Step must be a number." } });
  });

  it("takes 0.3 % as on the 0.1 step although 0.3 / 0.1 is not exact in floating point", () => {
    expect(check({ kind: "canary", canary: { canaryPercent: 0.3 } }).ok).toBe(true);
  });
});

describe("defaults", () => {
  it("fills each strategy's defaults from the spec", () => {
    expect(strategyChoice.parse({ kind: "rolling" })).toEqual({
      kind: "rolling",
      rolling: { minimumHealthyPercent: 100, maximumPercent: 200, circuitBreaker: { enable: true, rollback: true }, healthCheckGracePeriodSeconds: 0 },
    });
    expect(strategyChoice.parse({ kind: "blueGreen" })).toEqual({ kind: "blueGreen", blueGreen: { bakeTimeMinutes: 5 } });
    expect(strategyChoice.parse({ kind: "linear" })).toEqual({ kind: "linear", linear: { stepPercent: 10, stepBakeTimeMinutes: 6, bakeTimeMinutes: 5 } });
    expect(strategyChoice.parse({ kind: "canary" })).toEqual({ kind: "canary", canary: { canaryPercent: 5, canaryBakeTimeMinutes: 10, bakeTimeMinutes: 5 } });
  });

  it("waits for approval before production traffic for a day, then rolls back, unless told otherwise", () => {
    const result = check({ kind: "canary", canary: { approval: {} } });
    expect(result.ok && result.value.strategy).toMatchObject({
      canary: { approval: { stage: "PRE_PRODUCTION_TRAFFIC_SHIFT", timeoutMinutes: 1440, timeoutAction: "ROLLBACK" } },
    });
  });
});

describe("refusals at the field", () => {
  it("refuses a pause where ECS cannot pause, because the stage also runs during a rollback", () => {
    const result = check({ kind: "canary", canary: { approval: { stage: "PRODUCTION_TRAFFIC_SHIFT" } } });
    expect(result.ok ? [] : Object.keys(result.fieldErrors)).toEqual(["strategy.canary.approval.stage"]);
  });

  it("refuses an unknown strategy and an unknown timeout action", () => {
    expect(check({ kind: "shadow" })).toEqual({ ok: false, fieldErrors: { "strategy.kind": "Pick rolling, blue/green, linear or canary." } });
    const result = check({ kind: "linear", linear: { approval: { timeoutAction: "WAIT" } } });
    expect(result.ok ? [] : Object.keys(result.fieldErrors)).toEqual(["strategy.linear.approval.timeoutAction"]);
  });

  it("refuses new images for no container, an image with a space, and a change note ECS cannot keep as a tag", () => {
    const strategy = { kind: "rolling" };
    expect(check(strategy, { source: { kind: "new-images", images: {} } })).toMatchObject({ ok: false, fieldErrors: { "source.images": "Give a new image for at least one container." } });
    expect(check(strategy, { source: { kind: "new-images", images: { shop: "acme/shop 1.5" } } })).toMatchObject({ ok: false, fieldErrors: { "source.images.shop": "Image cannot contain spaces." } });
    expect(check(strategy, { source: { kind: "new-images", images: { shop: "acme/shop:1.5" }, changeNote: "x".repeat(257) } })).toMatchObject({ ok: false, fieldErrors: { "source.changeNote": "A change note is at most 256 characters." } });
  });

  it("refuses a test listener rule that is not a listener rule's ARN", () => {
    const result = check({ kind: "blueGreen", blueGreen: { testListenerRule: BLUE } });
    expect(result.ok ? [] : Object.keys(result.fieldErrors)).toEqual(["strategy.blueGreen.testListenerRule"]);
  });

  it("refuses a target and a revision that ECS would not take", () => {
    const result = checkChoices(deployChoices, { target: { cluster: "", service: "a b" }, source: { kind: "revision", taskDefinition: "shop:0" }, strategy: { kind: "rolling" } });
    expect(result.ok ? [] : Object.keys(result.fieldErrors).sort()).toEqual(["source.taskDefinition", "target.cluster", "target.service"]);
  });
});

describe("create-service choices", () => {
  const base: CreateServiceChoicesInput = {
    cluster: "demo",
    serviceName: "shop",
    taskDefinition: "shop:1",
    desiredCount: "2",
    placement: { kind: "cluster-default" },
    network: { subnets: ["subnet-0a1b2c3d"], securityGroups: [], assignPublicIp: "DISABLED" },
    loadBalancer: { targetGroupArn: BLUE, containerName: "shop", containerPort: "8080" },
    strategy: { kind: "rolling" },
  };

  it("takes a rolling service behind a target group", () => {
    const result = checkChoices(createServiceChoices, base);
    expect(result.ok && [result.value.desiredCount, result.value.loadBalancer?.containerPort]).toEqual([2, 8080]);
  });

  it("says which part of the load balancer a canary lacks", () => {
    const result = checkChoices(createServiceChoices, { ...base, strategy: { kind: "canary" } });
    expect(result.ok ? [] : Object.keys(result.fieldErrors).sort()).toEqual([
      "loadBalancer.alternateTargetGroupArn",
      "loadBalancer.productionListenerRule",
      "loadBalancer.roleArn",
    ]);
    const without = checkChoices(createServiceChoices, { ...base, loadBalancer: undefined, strategy: { kind: "linear" } });
    expect(without).toEqual({ ok: false, fieldErrors: { loadBalancer: "Blue/green, linear and canary deployments need a load balancer." } });
  });

  it("refuses the same group as both target group and alternate", () => {
    const loadBalancer = { ...base.loadBalancer!, alternateTargetGroupArn: BLUE, productionListenerRule: PRODUCTION_RULE, roleArn: TRAFFIC_ROLE };
    const result = checkChoices(createServiceChoices, { ...base, loadBalancer, strategy: { kind: "blueGreen" } });
    expect(result).toEqual({ ok: false, fieldErrors: { "loadBalancer.alternateTargetGroupArn": "The alternate target group must differ from the target group." } });
    const fixed = checkChoices(createServiceChoices, { ...base, loadBalancer: { ...loadBalancer, alternateTargetGroupArn: GREEN }, strategy: { kind: "blueGreen" } });
    expect(fixed.ok).toBe(true);
  });

  it("refuses desired counts and ports out of ECS's ranges, and a launch type with a typo", () => {
    const result = checkChoices(createServiceChoices, {
      ...base,
      desiredCount: 5001,
      placement: { kind: "launch-type", launchType: "FARGATE_SPOT" },
      loadBalancer: { ...base.loadBalancer!, containerPort: 0 },
    });
    expect(result.ok ? [] : Object.keys(result.fieldErrors).sort()).toEqual(["desiredCount", "loadBalancer.containerPort", "placement.launchType"]);
  });
});
