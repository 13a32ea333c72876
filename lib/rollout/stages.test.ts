import type { DeploymentConfiguration, ServiceDeploymentLifecycleStage, ServiceDeploymentStatus } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import type { RevisionProgress } from "@/lib/view-models/deployments";
import type { RevisionSample, RolloutSample } from "./sample";
import { currentBake, productionSteps, rolloutStages, stageStartedAt, type StageInput } from "./stages";

const BLUE = "arn:aws:ecs:us-east-1:000000000000:service-revision/demo/api/1111";
const GREEN = "arn:aws:ecs:us-east-1:000000000000:service-revision/demo/api/2222";
const T0 = Date.parse("2026-11-26T12:00:00.000Z");
/** ECS reports it, though the SDK's stage type leaves it out. */
const PRE_SHIFT = "PRE_PRODUCTION_TRAFFIC_SHIFT" as ServiceDeploymentLifecycleStage;

const CANARY: DeploymentConfiguration = { strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 10 }, bakeTimeInMinutes: 5 };
const LINEAR: DeploymentConfiguration = { strategy: "LINEAR", linearConfiguration: { stepPercent: 30, stepBakeTimeInMinutes: 2 }, bakeTimeInMinutes: 0 };

function progress(arn: string, values: Partial<RevisionProgress> = {}): RevisionProgress {
  return { serviceRevisionArn: arn, revisionId: arn.slice(-4), requestedTasks: 4, runningTasks: 4, pendingTasks: 0, ...values };
}

function sample(second: number, values: Partial<RolloutSample> & { weight?: number; newHealthy?: number; oldRunning?: number } = {}): RolloutSample {
  const { weight = 0, newHealthy = 4, oldRunning = 4, ...rest } = values;
  const revisions: RevisionSample[] = [
    { arn: GREEN, role: "target", requested: 4, running: newHealthy, pending: 0, healthy: newHealthy, requestedWeight: weight },
    { arn: BLUE, role: "source", requested: 4, running: oldRunning, pending: 0, healthy: oldRunning, requestedWeight: 100 - weight },
  ];
  return { at: new Date(T0 + second * 1000).toISOString(), status: "IN_PROGRESS", desiredCount: 4, healthBasis: "targets", revisions, ...rest };
}

function input(configuration: DeploymentConfiguration, status: ServiceDeploymentStatus, values: Partial<StageInput["deployment"]> & { weight?: number; samples?: RolloutSample[] } = {}): StageInput {
  const { weight = 0, samples = [], ...deployment } = values;
  return {
    configuration,
    desiredCount: 4,
    samples,
    deployment: { status, target: progress(GREEN, { productionTrafficWeight: weight }), sources: [progress(BLUE, { productionTrafficWeight: 100 - weight })], ...deployment },
  };
}

const summary = (stages: ReturnType<typeof rolloutStages>) => stages.map((stage) => `${stage.label}:${stage.status}`);

describe("productionSteps", () => {
  it("takes a canary's percent and then all traffic, and a linear's steps capped at 100", () => {
    expect(productionSteps(CANARY)).toEqual([
      { weight: 10, bakeMinutes: 10 },
      { weight: 100, bakeMinutes: 0 },
    ]);
    expect(productionSteps(LINEAR).map((step) => step.weight)).toEqual([30, 60, 90, 100]);
  });

  it("uses ECS's defaults where the configuration leaves them out", () => {
    expect(productionSteps({ strategy: "CANARY" })).toEqual([
      { weight: 5, bakeMinutes: 10 },
      { weight: 100, bakeMinutes: 0 },
    ]);
    expect(productionSteps({ strategy: "LINEAR" })).toHaveLength(10);
    expect(productionSteps({ strategy: "BLUE_GREEN" })).toEqual([{ weight: 100, bakeMinutes: 0 }]);
  });
});

describe("rolloutStages of a canary", () => {
  it("lists scale up, test traffic, the canary with its bake, promotion, bake time and clean up", () => {
    const stages = rolloutStages(input(CANARY, "IN_PROGRESS", { lifecycleStage: "SCALE_UP" }));
    expect(stages.map(({ id, label, percent, bakeMinutes }) => ({ id, label, percent, bakeMinutes }))).toEqual([
      { id: "scale-up", label: "Scale up", percent: undefined, bakeMinutes: undefined },
      { id: "test-traffic", label: "Test traffic", percent: undefined, bakeMinutes: undefined },
      { id: "traffic-1", label: "Canary", percent: 10, bakeMinutes: 10 },
      { id: "traffic-2", label: "Promote", percent: 100, bakeMinutes: undefined },
      { id: "bake", label: "Bake time", percent: undefined, bakeMinutes: 5 },
      { id: "clean-up", label: "Clean up", percent: undefined, bakeMinutes: undefined },
    ]);
    expect(stages[0]).toMatchObject({ status: "current", detail: "Starting new tasks" });
    expect(stages.slice(1).every((stage) => stage.status === "next")).toBe(true);
  });

  it("is at the canary step while it bakes at the canary's weight", () => {
    const stages = rolloutStages(input(CANARY, "IN_PROGRESS", { lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", weight: 10 }));
    expect(summary(stages)).toEqual(["Scale up:done", "Test traffic:done", "Canary:current", "Promote:next", "Bake time:next", "Clean up:next"]);
  });

  it("is at promotion, waiting for approval, once the canary has baked and the pause before the next shift holds it", () => {
    const stages = rolloutStages(
      input(CANARY, "IN_PROGRESS", {
        lifecycleStage: PRE_SHIFT,
        weight: 10,
        awaitingApproval: { serviceDeploymentArn: "arn", hookId: "ecs-pause-1" },
      }),
    );
    expect(summary(stages)).toEqual(["Scale up:done", "Test traffic:done", "Canary:done", "Promote:current", "Bake time:next", "Clean up:next"]);
    expect(stages[3]?.detail).toBe("Waiting for approval");
  });

  it("is at the canary step before the first shift, with no traffic on the new revision yet", () => {
    const stages = rolloutStages(input(CANARY, "IN_PROGRESS", { lifecycleStage: PRE_SHIFT, weight: 0 }));
    expect(stages.find((stage) => stage.status === "current")?.label).toBe("Canary");
  });

  it("shows every stage done once it succeeded", () => {
    const stages = rolloutStages(input(CANARY, "SUCCESSFUL", { lifecycleStage: "CLEAN_UP", weight: 100 }));
    expect(stages.every((stage) => stage.status === "done")).toBe(true);
  });

  it("marks where a rollback began as failed, skips the rest, and adds the rollback itself", () => {
    const samples = [
      sample(0, { stage: "PRODUCTION_TRAFFIC_SHIFT", weight: 10 }),
      sample(1, { stage: PRE_SHIFT, weight: 10 }),
      sample(2, { stage: PRE_SHIFT, weight: 0, status: "ROLLBACK_IN_PROGRESS" }),
    ];
    const rolling = rolloutStages(input(CANARY, "ROLLBACK_IN_PROGRESS", { lifecycleStage: PRE_SHIFT, weight: 0, samples }));
    expect(summary(rolling)).toEqual(["Scale up:done", "Test traffic:done", "Canary:done", "Promote:failed", "Bake time:skipped", "Clean up:skipped", "Roll back:current"]);
    expect(rolling[3]?.detail).toBe("Rolled back from here");

    const done = rolloutStages(input(CANARY, "ROLLBACK_SUCCESSFUL", { lifecycleStage: PRE_SHIFT, samples }));
    expect(done.at(-1)).toMatchObject({ label: "Roll back", status: "done", percent: 0 });
    expect(rolloutStages(input(CANARY, "ROLLBACK_FAILED", { samples })).at(-1)?.status).toBe("failed");
  });

  it("says where a stopped deployment stopped, with no rollback stage", () => {
    const stages = rolloutStages(input(CANARY, "STOPPED", { lifecycleStage: "SCALE_UP", samples: [sample(0, { stage: "SCALE_UP" })] }));
    expect(summary(stages)).toEqual(["Scale up:failed", "Test traffic:skipped", "Canary:skipped", "Promote:skipped", "Bake time:skipped", "Clean up:skipped"]);
    expect(stages[0]?.detail).toBe("Stopped here");
  });

  it("shows the reconcile stage only when the deployment went through it", () => {
    expect(rolloutStages(input(CANARY, "IN_PROGRESS", { lifecycleStage: "RECONCILE_SERVICE" }))[0]).toMatchObject({ id: "reconcile", status: "current" });
    const later = rolloutStages(input(CANARY, "IN_PROGRESS", { lifecycleStage: "SCALE_UP", samples: [sample(0, { stage: "RECONCILE_SERVICE" })] }));
    expect(summary(later).slice(0, 2)).toEqual(["Reconcile:done", "Scale up:current"]);
  });
});

describe("rolloutStages of linear and blue/green", () => {
  it("finds the linear step from the requested weight", () => {
    const stages = rolloutStages(input(LINEAR, "IN_PROGRESS", { lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", weight: 60 }));
    expect(summary(stages)).toEqual([
      "Scale up:done",
      "Test traffic:done",
      "Step 1:done",
      "Step 2:current",
      "Step 3:next",
      "Step 4:next",
      "Bake time:next",
      "Clean up:next",
    ]);
    expect(stages.map((stage) => stage.percent).filter(Boolean)).toEqual([30, 60, 90, 100]);
    expect(stages[5]?.bakeMinutes).toBeUndefined();
  });

  it("has one shift for blue/green, and the bake time after it", () => {
    const stages = rolloutStages(input({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 15 }, "IN_PROGRESS", { lifecycleStage: "BAKE_TIME", weight: 100 }));
    expect(summary(stages)).toEqual(["Scale up:done", "Test traffic:done", "Shift traffic:done", "Bake time:current", "Clean up:next"]);
    expect(stages[3]).toMatchObject({ bakeMinutes: 15, detail: "Both revisions up" });
  });
});

describe("rolloutStages of a rolling update", () => {
  const rolling: DeploymentConfiguration = { strategy: "ROLLING", minimumHealthyPercent: 100, maximumPercent: 200 };
  const at = (newHealthy: number, oldRunning: number) =>
    rolloutStages(
      input(rolling, "IN_PROGRESS", {
        target: progress(GREEN, { runningTasks: 4 }),
        sources: [progress(BLUE, { runningTasks: oldRunning })],
        samples: [sample(0, { newHealthy, oldRunning })],
      }),
    ).find((stage) => stage.status === "current")?.label;

  it("starts new tasks until one is healthy, replaces old ones until none run, then waits for steady state", () => {
    expect(at(0, 4)).toBe("Start new tasks");
    expect(at(2, 4)).toBe("Replace old tasks");
    expect(at(4, 2)).toBe("Replace old tasks");
    expect(at(4, 0)).toBe("Steady state");
  });

  it("counts running new tasks when their health could not be read", () => {
    const stages = rolloutStages(input({}, "IN_PROGRESS", { target: progress(GREEN, { runningTasks: 4 }), sources: [progress(BLUE, { runningTasks: 0 })] }));
    expect(summary(stages)).toEqual(["Start new tasks:done", "Replace old tasks:done", "Steady state:current"]);
  });

  it("marks the stage a circuit breaker rolled back from", () => {
    const samples = [sample(0, { newHealthy: 0 }), sample(5, { newHealthy: 0, status: "ROLLBACK_IN_PROGRESS" })];
    const stages = rolloutStages(input(rolling, "ROLLBACK_SUCCESSFUL", { samples }));
    expect(summary(stages)).toEqual(["Start new tasks:failed", "Replace old tasks:skipped", "Steady state:skipped", "Roll back:done"]);
    expect(stages.at(-1)?.percent).toBeUndefined();
  });
});

describe("stageStartedAt", () => {
  const samples = [
    sample(0, { stage: "SCALE_UP" }),
    sample(10, { stage: "PRODUCTION_TRAFFIC_SHIFT", weight: 30 }),
    sample(11, { stage: "PRODUCTION_TRAFFIC_SHIFT", weight: 30 }),
    sample(20, { stage: PRE_SHIFT, weight: 30 }),
    sample(30, { stage: "PRODUCTION_TRAFFIC_SHIFT", weight: 60 }),
    sample(31, { stage: "PRODUCTION_TRAFFIC_SHIFT", weight: 60 }),
  ];

  it("is the first sample of the current stage at that weight", () => {
    expect(stageStartedAt(samples, "PRODUCTION_TRAFFIC_SHIFT", 60)).toBe(new Date(T0 + 30_000).toISOString());
  });

  it("is unknown when the latest sample is in another stage or weight", () => {
    expect(stageStartedAt(samples, "PRODUCTION_TRAFFIC_SHIFT", 30)).toBeUndefined();
    expect(stageStartedAt([], "BAKE_TIME", 100)).toBeUndefined();
  });
});

describe("currentBake", () => {
  it("ends the canary's bake its bake minutes after the canary weight was first seen", () => {
    const samples = [sample(0, { stage: "SCALE_UP" }), sample(40, { stage: "PRODUCTION_TRAFFIC_SHIFT", weight: 10 }), sample(45, { stage: "PRODUCTION_TRAFFIC_SHIFT", weight: 10 })];
    const bake = currentBake(input(CANARY, "IN_PROGRESS", { lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", weight: 10, samples }));
    expect(bake).toEqual({ label: "Canary bake", startedAt: new Date(T0 + 40_000).toISOString(), endsAt: T0 + 40_000 + 10 * 60_000 });
  });

  it("names a linear step's bake and the bake time", () => {
    const step = currentBake(input(LINEAR, "IN_PROGRESS", { lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", weight: 30, samples: [sample(0, { stage: "PRODUCTION_TRAFFIC_SHIFT", weight: 30 })] }));
    expect(step).toMatchObject({ label: "Step 1 bake", endsAt: T0 + 2 * 60_000 });
    const bakeTime = currentBake(input(CANARY, "IN_PROGRESS", { lifecycleStage: "BAKE_TIME", weight: 100, samples: [sample(0, { stage: "BAKE_TIME", weight: 100 })] }));
    expect(bakeTime).toMatchObject({ label: "Bake time", endsAt: T0 + 5 * 60_000 });
  });

  it("has none after the last step, while waiting for approval, or once finished", () => {
    const last = [sample(0, { stage: "PRODUCTION_TRAFFIC_SHIFT", weight: 100 })];
    expect(currentBake(input(LINEAR, "IN_PROGRESS", { lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", weight: 100, samples: last }))).toBeUndefined();
    const canary = [sample(0, { stage: "PRODUCTION_TRAFFIC_SHIFT", weight: 10 })];
    const gate = { serviceDeploymentArn: "arn", hookId: "ecs-pause-1" };
    expect(currentBake(input(CANARY, "IN_PROGRESS", { lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", weight: 10, samples: canary, awaitingApproval: gate }))).toBeUndefined();
    expect(currentBake(input(CANARY, "STOPPED", { lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", weight: 10, samples: canary }))).toBeUndefined();
  });
});
