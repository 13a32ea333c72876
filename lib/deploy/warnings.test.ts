import { describe, expect, it } from "vitest";
import { deployChoices, type DeployChoicesInput } from "./choices";
import { rollingService, shopRevision } from "./fixtures";
import { deployWarnings, type DeployWarning } from "./warnings";

const target = { cluster: "demo", service: "shop" };
const revision = { kind: "revision" as const, taskDefinition: "shop:8" };

function warn(strategy: unknown, options: { source?: DeployChoicesInput["source"]; service?: Parameters<typeof deployWarnings>[1]; context?: Parameters<typeof deployWarnings>[2] } = {}): DeployWarning[] {
  const choices = deployChoices.parse({ target, source: options.source ?? revision, strategy });
  return deployWarnings(choices, options.service ?? rollingService(), options.context);
}
const codes = (warnings: DeployWarning[]) => warnings.map((warning) => warning.code);

describe("deployWarnings", () => {
  it("has nothing to say about a default rolling update of a pinned image", () => {
    expect(warn({ kind: "rolling" }, { context: { deploying: shopRevision().containerDefinitions } })).toEqual([]);
  });

  it("warns about each mutable tag, at the container's image field", () => {
    const source = { kind: "new-images" as const, images: { shop: "acme/shop:latest", "log-router": "fluent/fluent-bit" } };
    const warnings = warn({ kind: "rolling" }, { source, context: { current: shopRevision().containerDefinitions } });
    expect(warnings.map((w) => [w.code, w.field])).toEqual([
      ["mutable-image", "source.images.shop"],
      ["mutable-image", "source.images.log-router"],
    ]);
    expect(warnings[0].message).toContain(":latest can point at a different image");
  });

  it("names the container of a revision whose image moves", () => {
    const deploying = [{ name: "shop", image: "acme/shop:main" }];
    expect(warn({ kind: "rolling" }, { context: { deploying } })).toEqual([
      { code: "mutable-image", severity: "warn", field: "source.taskDefinition", message: expect.stringMatching(/^shop: :main usually moves/) },
    ]);
  });

  it("says when the new images are the ones already running", () => {
    const source = { kind: "new-images" as const, images: { shop: "public.ecr.aws/acme/shop:1.4.0" } };
    expect(codes(warn({ kind: "rolling" }, { source, context: { current: shopRevision().containerDefinitions } }))).toEqual(["same-images"]);
  });

  it("refuses to call min 100 with max 100 a plan: it cannot make progress", () => {
    const warnings = warn({ kind: "rolling", rolling: { minimumHealthyPercent: 100, maximumPercent: 100 } });
    expect(warnings).toEqual([expect.objectContaining({ code: "rolling-cannot-progress", severity: "danger", field: "strategy.rolling.maximumPercent" })]);
  });

  it("sees that one task with max 150 cannot start its replacement either", () => {
    const service = rollingService({ desiredCount: 1 });
    expect(codes(warn({ kind: "rolling", rolling: { maximumPercent: 150 } }, { service }))).toEqual(["rolling-cannot-progress"]);
    expect(codes(warn({ kind: "rolling", rolling: { maximumPercent: 200 } }, { service }))).toEqual([]);
  });

  it("warns that min 0 allows downtime, and that without the circuit breaker a bad revision retries forever", () => {
    expect(codes(warn({ kind: "rolling", rolling: { minimumHealthyPercent: 0, circuitBreaker: { enable: false, rollback: false } } }))).toEqual(["all-tasks-may-stop", "no-circuit-breaker"]);
  });

  it("warns that a service scaled to zero tries nothing", () => {
    expect(codes(warn({ kind: "rolling" }, { service: rollingService({ desiredCount: 0 }) }))).toEqual(["desired-count-zero"]);
  });

  it("warns about a deployment already in progress, naming its revision", () => {
    const service = rollingService({
      deployments: [
        { id: "ecs-svc/2", status: "PRIMARY", rolloutState: "IN_PROGRESS", taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/shop:8" },
        { id: "ecs-svc/1", status: "ACTIVE", rolloutState: "COMPLETED" },
      ],
    });
    expect(warn({ kind: "rolling" }, { service })).toEqual([expect.objectContaining({ code: "deployment-in-progress", message: expect.stringContaining("A deployment of shop:8 is still in progress.") })]);
  });

  it("tells that traffic shifting runs a second full set of tasks", () => {
    expect(warn({ kind: "blueGreen" })).toEqual([{ code: "double-capacity", severity: "info", message: "ECS starts all 4 new tasks beside the old ones before traffic moves: until clean-up the service runs 8 tasks." }]);
  });

  it("notes a canary share below one task's traffic, and not at or above it", () => {
    expect(codes(warn({ kind: "canary", canary: { canaryPercent: 24.9 } }))).toContain("canary-under-one-task");
    expect(codes(warn({ kind: "canary", canary: { canaryPercent: 25 } }))).not.toContain("canary-under-one-task");
  });

  it("warns when an approval nobody gives lets the deployment continue", () => {
    const warnings = warn({ kind: "canary", canary: { canaryPercent: 50, approval: { timeoutMinutes: 90, timeoutAction: "CONTINUE" } } });
    expect(warnings.find((w) => w.code === "approval-timeout-continues")).toEqual({
      code: "approval-timeout-continues",
      severity: "warn",
      field: "strategy.canary.approval.timeoutAction",
      message: "If nobody decides within 1 h 30 min, the deployment continues without approval.",
    });
  });

  it("notes a linear deployment that asks before each of its steps", () => {
    expect(warn({ kind: "linear", linear: { stepPercent: 25, approval: {} } }).find((w) => w.code === "approval-every-step")?.message).toBe(
      "The deployment waits for approval before each of its 4 traffic steps.",
    );
  });

  it("refuses settings longer than ECS lets a deployment run, and allows the longest that fit", () => {
    const tooLong = warn({ kind: "linear", linear: { stepPercent: 3, stepBakeTimeMinutes: 1440 } });
    expect(tooLong.find((w) => w.code === "longer-than-ecs-allows")).toMatchObject({ severity: "danger", field: "strategy.linear" });
    expect(codes(warn({ kind: "linear", linear: { stepPercent: 3.5, stepBakeTimeMinutes: 1440 } }))).not.toContain("longer-than-ecs-allows");
  });
});
