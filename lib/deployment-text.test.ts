import { describe, expect, it } from "vitest";
import {
  circuitBreakerText,
  deploymentDurationText,
  deploymentSettingRows,
  deploymentStatusText,
  hookText,
  hookTimeoutText,
  lifecycleStageText,
  revisionLabel,
  strategyName,
} from "./deployment-text";

const PAUSE = {
  targetType: "PAUSE" as const,
  lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT" as const],
  timeoutConfiguration: { timeoutInMinutes: 1440, action: "ROLLBACK" as const },
};

const rows = (...args: Parameters<typeof deploymentSettingRows>) => Object.fromEntries(deploymentSettingRows(...args).map((row) => [row.term, row.detail]));

describe("deploymentSettingRows", () => {
  it("reads a rolling configuration: its task limits and circuit breaker", () => {
    const configuration = { strategy: "ROLLING" as const, minimumHealthyPercent: 50, maximumPercent: 150, deploymentCircuitBreaker: { enable: true, rollback: true } };
    expect(deploymentSettingRows(configuration)).toEqual([
      { term: "Strategy", detail: "Rolling" },
      { term: "Minimum healthy", detail: "50 % of desired tasks" },
      { term: "Maximum running", detail: "150 % of desired tasks" },
      { term: "Circuit breaker", detail: "On, rolls back a failed deployment" },
    ]);
  });

  it("fills in ECS's defaults where nothing is set", () => {
    expect(rows({})).toEqual({ Strategy: "Rolling", "Minimum healthy": "100 % of desired tasks", "Maximum running": "200 % of desired tasks", "Circuit breaker": "Off" });
    expect(rows({ deploymentCircuitBreaker: { enable: true, rollback: false } })["Circuit breaker"]).toBe("On, stops a failed deployment without rolling back");
  });

  it("reads a canary with its bake times and its approval before the traffic shift", () => {
    const canary = { strategy: "CANARY" as const, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 }, bakeTimeInMinutes: 5, lifecycleHooks: [PAUSE] };
    expect(rows(canary)).toMatchObject({
      Strategy: "Canary",
      Canary: "10 % of production traffic for 5 min, then the rest",
      "Bake time": "5 min with both revisions up after the traffic shift",
      "Lifecycle hook": "Pause before the production traffic shift; rolls back after 1 d without a decision",
    });
  });

  it("reads linear steps and blue/green's bake time", () => {
    const linear = { strategy: "LINEAR" as const, linearConfiguration: { stepPercent: 20, stepBakeTimeInMinutes: 3 }, bakeTimeInMinutes: 90 };
    expect(rows(linear)).toMatchObject({ Strategy: "Linear", "Linear steps": "20 % of production traffic a step, 3 min apart", "Bake time": "1 h 30 min with both revisions up after the traffic shift" });
    expect(rows({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 10 })).toMatchObject({ Strategy: "Blue/green", "Bake time": "10 min with both revisions up after the traffic shift" });
    expect(rows({ strategy: "ROLLING", bakeTimeInMinutes: 10 })).not.toHaveProperty("Bake time");
  });

  it("names the alarms that guard a deployment, and what they do", () => {
    const alarms = { alarms: { enable: true, rollback: true, alarmNames: ["5xx-rate", "latency-p99"] } };
    expect(rows(alarms)["CloudWatch alarms"]).toBe("5xx-rate, latency-p99; an alarm rolls the deployment back");
    expect(rows({ alarms: { enable: false, rollback: false, alarmNames: ["x"] } })).not.toHaveProperty("CloudWatch alarms");
  });

  it("gives each lifecycle hook its own row", () => {
    const lambda = { targetType: "AWS_LAMBDA" as const, hookTargetArn: "arn:aws:lambda:us-east-1:123456789012:function:smoke-test", lifecycleStages: ["POST_SCALE_UP" as const, "POST_TEST_TRAFFIC_SHIFT" as const] };
    const hooks = deploymentSettingRows({ strategy: "BLUE_GREEN", lifecycleHooks: [lambda, PAUSE] }).filter((row) => row.term === "Lifecycle hook");
    expect(hooks.map((row) => row.detail)).toEqual([
      "Lambda smoke-test after scale-up and after the test traffic shift; rolls back if it has not answered after 1 d",
      "Pause before the production traffic shift; rolls back after 1 d without a decision",
    ]);
  });

  it("names another controller and leaves ECS's settings out", () => {
    expect(deploymentSettingRows({ strategy: "ROLLING" }, "CODE_DEPLOY")).toEqual([{ term: "Strategy", detail: "CodeDeploy" }]);
    expect(strategyName(undefined, "EXTERNAL")).toBe("External");
  });
});

describe("hooks", () => {
  it("says where a hook runs and what happens when it times out", () => {
    expect(hookText(PAUSE)).toBe("Pause before the production traffic shift");
    expect(hookText({ targetType: "PAUSE" })).toBe("Pause");
    expect(hookTimeoutText({ targetType: "PAUSE", timeoutConfiguration: { timeoutInMinutes: 30, action: "CONTINUE" } })).toBe("continues after 30 min without a decision");
    expect(hookTimeoutText({ targetType: "PAUSE" })).toBe("rolls back after 1 d without a decision");
  });
});

describe("deploymentStatusText", () => {
  it("puts each status in words, with a tone that repeats it", () => {
    expect(deploymentStatusText("SUCCESSFUL")).toEqual({ label: "Completed", tone: "ok" });
    expect(deploymentStatusText("IN_PROGRESS")).toEqual({ label: "In progress", tone: "info" });
    expect(deploymentStatusText("ROLLBACK_SUCCESSFUL")).toEqual({ label: "Rolled back", tone: "warn" });
    expect(deploymentStatusText("ROLLBACK_FAILED")).toEqual({ label: "Rollback failed", tone: "danger" });
    expect(deploymentStatusText(undefined)).toEqual({ label: "Unknown", tone: "neutral" });
  });

  it("says a deployment waits for approval before anything else", () => {
    expect(deploymentStatusText("IN_PROGRESS", true)).toEqual({ label: "Awaiting approval", tone: "warn" });
  });
});

describe("lifecycleStageText", () => {
  it("labels a stage in words, even one ECS adds later", () => {
    expect(lifecycleStageText("PRE_PRODUCTION_TRAFFIC_SHIFT")).toBe("Before the production traffic shift");
    expect(lifecycleStageText("BAKE_TIME")).toBe("During bake time");
    expect(lifecycleStageText("WARM_UP")).toBe("Warm up");
    expect(lifecycleStageText(undefined)).toBeUndefined();
  });
});

describe("revisionLabel", () => {
  it("names a revision by its task definition, else by its id", () => {
    const arn = "arn:aws:ecs:us-east-1:123456789012:service-revision/demo/web/8236688917205603642";
    expect(revisionLabel({ serviceRevisionArn: arn, images: [], taskDefinition: { arn: "x", family: "web", revision: 4, label: "web:4" } })).toBe("web:4");
    expect(revisionLabel(undefined, arn)).toBe("revision 8236688917205603642");
    expect(revisionLabel(undefined)).toBe("an unknown revision");
  });
});

describe("circuitBreakerText", () => {
  it("counts failures against the threshold while the breaker watches", () => {
    expect(circuitBreakerText({ status: "MONITORING", failureCount: 1, threshold: 3 })).toBe("1 failed task · trips at 3");
    expect(circuitBreakerText({ status: "MONITORING_COMPLETE", failureCount: 0, threshold: 3 })).toBe("0 failed tasks · trips at 3");
    expect(circuitBreakerText({ status: "TRIGGERED", failureCount: 3, threshold: 3 })).toBe("Tripped: 3 failed tasks of 3 allowed");
  });

  it("says nothing of a breaker that is off", () => {
    expect(circuitBreakerText({ status: "DISABLED", failureCount: 0, threshold: 0 })).toBeUndefined();
    expect(circuitBreakerText(undefined)).toBeUndefined();
  });
});

describe("deploymentDurationText", () => {
  const NOW = Date.parse("2026-01-01T12:00:00Z");

  it("measures a finished deployment from start to finish, an unfinished one to now", () => {
    expect(deploymentDurationText({ startedAt: "2026-01-01T11:00:00Z", finishedAt: "2026-01-01T11:01:30Z" }, NOW)).toBe("1 min 30 s");
    expect(deploymentDurationText({ createdAt: "2026-01-01T11:58:00Z" }, NOW)).toBe("2 min");
    expect(deploymentDurationText({}, NOW)).toBeUndefined();
  });
});
