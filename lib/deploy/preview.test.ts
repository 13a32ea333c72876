import { describe, expect, it } from "vitest";
import { strategyChoice } from "./choices";
import { DEFAULT_TASK_READY_SECONDS, previewDeployment, trafficSteps } from "./preview";
import { rollingWaves } from "./rolling";

const strategy = (input: unknown) => strategyChoice.parse(input);
const weights = (input: unknown) => {
  const parsed = strategy(input);
  return parsed.kind === "rolling" ? [] : trafficSteps(parsed).map((step) => step.weight);
};

describe("rolling waves (spec §2)", () => {
  it.each([
    // desired, min, max → tasks new/old after each wave
    [4, 100, 200, [[4, 0]]],
    [4, 50, 100, [[2, 2], [4, 0]]],
    [4, 50, 200, [[4, 0]]],
    [3, 50, 150, [[2, 1], [3, 0]]],
    [1, 0, 100, [[1, 0]]],
    [4, 75, 100, [[1, 3], [2, 2], [3, 1], [4, 0]]],
    [10, 100, 110, [[1, 9], [2, 8], [3, 7], [4, 6], [5, 5], [6, 4], [7, 3], [8, 2], [9, 1], [10, 0]]],
  ])("desired %i, min %i %%, max %i %% rolls in waves %j", (desired, min, max, expected) => {
    const result = rollingWaves(desired, min, max);
    expect(result.ok).toBe(true);
    expect(result.waves.map((wave) => [wave.newTasks, wave.oldTasks])).toEqual(expected);
  });

  it.each([
    [4, 100, 100],
    [1, 100, 150],
    [3, 100, 133],
  ])("desired %i, min %i %%, max %i %% cannot start a single new task", (desired, min, max) => {
    expect(rollingWaves(desired, min, max)).toMatchObject({ ok: false, waves: [] });
  });
});

describe("production traffic steps (spec §3)", () => {
  it("shifts blue/green at once, a canary in two steps, linear in equal ones capped at 100", () => {
    expect(weights({ kind: "blueGreen" })).toEqual([100]);
    expect(weights({ kind: "canary", canary: { canaryPercent: 10 } })).toEqual([10, 100]);
    expect(weights({ kind: "canary", canary: { canaryPercent: 100 } })).toEqual([100]);
    expect(weights({ kind: "linear", linear: { stepPercent: 30 } })).toEqual([30, 60, 90, 100]);
    expect(weights({ kind: "linear", linear: { stepPercent: 100 } })).toEqual([100]);
    expect(weights({ kind: "linear", linear: { stepPercent: 33.3 } })).toEqual([33.3, 66.6, 99.9, 100]);
    expect(weights({ kind: "linear", linear: { stepPercent: 12.5 } })).toEqual([12.5, 25, 37.5, 50, 62.5, 75, 87.5, 100]);
  });

  it("takes 34 steps at the smallest linear step, 3 %", () => {
    const steps = weights({ kind: "linear", linear: { stepPercent: 3 } });
    expect([steps.length, steps[32], steps[33]]).toEqual([34, 99, 100]);
  });

  it("bakes after every step but the last", () => {
    const parsed = strategy({ kind: "linear", linear: { stepPercent: 50, stepBakeTimeMinutes: 7 } });
    expect(parsed.kind !== "rolling" && trafficSteps(parsed)).toEqual([{ weight: 50, bakeMinutes: 7 }, { weight: 100, bakeMinutes: 0 }]);
  });
});

describe("previewDeployment", () => {
  it("charts a rolling update by the new tasks' share, wave by wave", () => {
    const preview = previewDeployment(strategy({ kind: "rolling", rolling: { minimumHealthyPercent: 50, maximumPercent: 100 } }), { desiredCount: 4, taskReadySeconds: 60 });
    expect(preview.points).toEqual([
      { atSeconds: 0, weight: 0, label: "Deployment starts" },
      { atSeconds: 60, weight: 50, label: "2 of 4 new tasks healthy" },
      { atSeconds: 120, weight: 100, label: "4 of 4 new tasks healthy" },
    ]);
    expect(preview.estimatedSeconds).toBe(120);
    expect(preview.assumptions[0]).toBe("Tasks take 60 s to start and pass their health checks.");
  });

  it("says traffic moves in one step when every new task starts in one wave, instead of spreading", () => {
    const preview = previewDeployment(strategy({ kind: "rolling", rolling: { minimumHealthyPercent: 100, maximumPercent: 200 } }), { desiredCount: 3, taskReadySeconds: 60 });
    expect(preview.points.map((point) => point.weight)).toEqual([0, 100]);
    expect(preview.assumptions).toEqual([
      "Tasks take 60 s to start and pass their health checks.",
      "With a maximum of 200 %, all 3 new tasks start at once; once they are healthy the old ones leave the load balancer, so traffic moves in one step.",
    ]);
  });

  it("says a rolling update that cannot start a task stalls, and has no finite duration", () => {
    const preview = previewDeployment(strategy({ kind: "rolling", rolling: { minimumHealthyPercent: 100, maximumPercent: 100 } }), { desiredCount: 4 });
    expect(preview.estimatedSeconds).toBe(Infinity);
    expect(preview.stalls).toBe("With 4 tasks, at least 4 must stay healthy and at most 4 may run: no new task can start.");
  });

  it("finishes at once with no tasks to replace", () => {
    expect(previewDeployment(strategy({ kind: "rolling" }), { desiredCount: 0 })).toMatchObject({ estimatedSeconds: 0, points: [{ atSeconds: 0, weight: 100 }] });
  });

  it("charts blue/green: ready, all traffic, then the bake time", () => {
    const preview = previewDeployment(strategy({ kind: "blueGreen", blueGreen: { bakeTimeMinutes: 10 } }), { desiredCount: 2 });
    const ready = DEFAULT_TASK_READY_SECONDS;
    expect(preview.points.map((point) => [point.atSeconds, point.weight])).toEqual([[0, 0], [ready, 0], [ready, 100], [ready + 600, 100]]);
    expect(preview.estimatedSeconds).toBe(ready + 600);
    expect(preview.approvals).toBe(0);
  });

  it("charts a canary with its gate before promotion, counting both approvals and not their wait", () => {
    const canary = strategy({ kind: "canary", canary: { canaryPercent: 10, canaryBakeTimeMinutes: 5, bakeTimeMinutes: 5, approval: { timeoutMinutes: 120 } } });
    const preview = previewDeployment(canary, { desiredCount: 4, taskReadySeconds: 30 });
    expect(preview.points).toEqual([
      { atSeconds: 0, weight: 0, label: "New tasks start beside the old ones" },
      { atSeconds: 30, weight: 0, label: "Test traffic to the new tasks" },
      { atSeconds: 30, weight: 0, label: "Waits for approval before 10 %" },
      { atSeconds: 30, weight: 10, label: "Canary: 10 % of production traffic" },
      { atSeconds: 330, weight: 10, label: "Waits for approval to promote" },
      { atSeconds: 330, weight: 100, label: "Promoted: all production traffic to the new revision" },
      { atSeconds: 630, weight: 100, label: "Bake time over: old tasks stop" },
    ]);
    expect(preview.approvals).toBe(2);
    expect(preview.estimatedSeconds).toBe(630);
    expect(preview.assumptions).toContain("Each approval is counted as given at once; without one within 2 h the deployment rolls back.");
  });

  it("asks once when the approval is after the test traffic shift", () => {
    const linear = strategy({ kind: "linear", linear: { stepPercent: 25, stepBakeTimeMinutes: 1, bakeTimeMinutes: 0, approval: { stage: "POST_TEST_TRAFFIC_SHIFT", timeoutAction: "CONTINUE" } } });
    const preview = previewDeployment(linear, { desiredCount: 4, taskReadySeconds: 60 });
    expect(preview.approvals).toBe(1);
    expect(preview.points.filter((p) => p.label.startsWith("Step")).map((p) => [p.atSeconds, p.weight])).toEqual([[60, 25], [120, 50], [180, 75], [240, 100]]);
    expect(preview.estimatedSeconds).toBe(240);
    expect(preview.assumptions.at(-1)).toContain("the deployment continues");
  });

  it("shifts nothing for a new service, whatever the strategy", () => {
    const preview = previewDeployment(strategy({ kind: "canary" }), { desiredCount: 2, firstDeployment: true, taskReadySeconds: 45 });
    expect(preview.points.map((p) => [p.atSeconds, p.weight])).toEqual([[0, 0], [45, 100]]);
    expect(preview.estimatedSeconds).toBe(45);
  });
});
