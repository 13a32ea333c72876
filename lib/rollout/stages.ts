import type { DeploymentConfiguration, ServiceDeploymentLifecycleStage } from "@aws-sdk/client-ecs";
import { DEPLOY_LIMITS } from "@/lib/deploy/limits";
import { trafficSteps } from "@/lib/deploy/preview";
import { isOngoing, type DeploymentDetail } from "@/lib/view-models/deployments";
import type { RolloutSample } from "./sample";

/**
 * A deployment's stages as its stepper shows them, and where it is among them. ECS's lifecycle
 * stages (spec §3) are grouped into what a person follows: scale up, test traffic, each
 * production traffic step, bake, clean up. A rolling deployment has no lifecycle stages; its
 * place comes from its task counts (spec §2). Pure.
 */

export type StageStatus = "done" | "current" | "next" | "skipped" | "failed";

export interface RolloutStage {
  id: string;
  label: string;
  status: StageStatus;
  /** Production traffic on the new revision once this step is taken. */
  percent?: number;
  /** How long the deployment waits after this stage before going on. */
  bakeMinutes?: number;
  /** What is happening in the current (or failed) stage, in a few words. */
  detail?: string;
}

/** What the stages are worked out from; a RolloutView has all of it. */
export interface StageInput {
  configuration: DeploymentConfiguration;
  deployment: Pick<DeploymentDetail, "status" | "lifecycleStage" | "target" | "sources" | "awaitingApproval">;
  desiredCount: number;
  /** Oldest first. */
  samples: readonly RolloutSample[];
}

type PlannedStage = Omit<RolloutStage, "status" | "detail">;

/** Where a deployment stands at one moment: enough to find its stage. */
interface Position {
  stage?: string;
  /** The target revision's requested production traffic weight. */
  weight: number;
  /** New tasks that count as up: healthy when the health was read, else running. */
  newTasksUp: number;
  oldTasksRunning: number;
  desiredCount: number;
}

/** ECS's own lifecycle stage names, and PRE_PRODUCTION_TRAFFIC_SHIFT, which the SDK's stage type lacks. */
type LifecycleStage = ServiceDeploymentLifecycleStage | "PRE_PRODUCTION_TRAFFIC_SHIFT";

const GROUP_OF_STAGE: Readonly<Record<string, string>> = {
  RECONCILE_SERVICE: "reconcile",
  PRE_SCALE_UP: "scale-up",
  SCALE_UP: "scale-up",
  POST_SCALE_UP: "scale-up",
  TEST_TRAFFIC_SHIFT: "test-traffic",
  POST_TEST_TRAFFIC_SHIFT: "test-traffic",
  POST_PRODUCTION_TRAFFIC_SHIFT: "bake",
  BAKE_TIME: "bake",
  CLEAN_UP: "clean-up",
};

const STAGE_DETAIL: Readonly<Record<LifecycleStage, string>> = {
  RECONCILE_SERVICE: "Stopping tasks of other revisions",
  PRE_SCALE_UP: "Before the new tasks start",
  SCALE_UP: "Starting new tasks",
  POST_SCALE_UP: "New tasks ready, no traffic yet",
  TEST_TRAFFIC_SHIFT: "Moving test traffic",
  POST_TEST_TRAFFIC_SHIFT: "Test traffic on the new tasks",
  PRE_PRODUCTION_TRAFFIC_SHIFT: "Before the traffic shift",
  PRODUCTION_TRAFFIC_SHIFT: "Traffic shifted",
  POST_PRODUCTION_TRAFFIC_SHIFT: "All traffic moved, before the bake",
  BAKE_TIME: "Both revisions up",
  CLEAN_UP: "Stopping the old tasks",
};

/** Requested weights are doubles; ELB reads them back to a tenth. */
const WEIGHT_TOLERANCE = 0.05;

/** The production traffic steps of a traffic-shifting strategy, with ECS's defaults where unset. */
export function productionSteps(configuration: DeploymentConfiguration): { weight: number; bakeMinutes: number }[] {
  const bakeTimeMinutes = configuration.bakeTimeInMinutes ?? 0;
  const canary = configuration.canaryConfiguration;
  const linear = configuration.linearConfiguration;
  switch (configuration.strategy) {
    case "CANARY":
      return trafficSteps({
        kind: "canary",
        canary: {
          canaryPercent: canary?.canaryPercent ?? DEPLOY_LIMITS.canaryPercent.default,
          canaryBakeTimeMinutes: canary?.canaryBakeTimeInMinutes ?? DEPLOY_LIMITS.canaryBakeTimeMinutes.default,
          bakeTimeMinutes,
        },
      });
    case "LINEAR":
      return trafficSteps({
        kind: "linear",
        linear: {
          stepPercent: linear?.stepPercent ?? DEPLOY_LIMITS.stepPercent.default,
          stepBakeTimeMinutes: linear?.stepBakeTimeInMinutes ?? DEPLOY_LIMITS.stepBakeTimeMinutes.default,
          bakeTimeMinutes,
        },
      });
    default:
      return trafficSteps({ kind: "blueGreen", blueGreen: { bakeTimeMinutes } });
  }
}

function stepLabel(strategy: DeploymentConfiguration["strategy"], index: number, count: number): string {
  if (strategy === "CANARY") return count > 1 && index === 0 ? "Canary" : "Promote";
  if (strategy === "LINEAR") return `Step ${index + 1}`;
  return "Shift traffic";
}

function plannedStages(configuration: DeploymentConfiguration, reconciles: boolean): PlannedStage[] {
  if ((configuration.strategy ?? "ROLLING") === "ROLLING") {
    return [
      { id: "start", label: "Start new tasks" },
      { id: "replace", label: "Replace old tasks" },
      { id: "steady", label: "Steady state" },
    ];
  }
  const steps = productionSteps(configuration);
  const bakeMinutes = configuration.bakeTimeInMinutes ?? 0;
  return [
    ...(reconciles ? [{ id: "reconcile", label: "Reconcile" }] : []),
    { id: "scale-up", label: "Scale up" },
    { id: "test-traffic", label: "Test traffic" },
    ...steps.map((step, index) => ({
      id: `traffic-${index + 1}`,
      label: stepLabel(configuration.strategy, index, steps.length),
      percent: step.weight,
      ...(step.bakeMinutes > 0 ? { bakeMinutes: step.bakeMinutes } : {}),
    })),
    { id: "bake", label: "Bake time", ...(bakeMinutes > 0 ? { bakeMinutes } : {}) },
    { id: "clean-up", label: "Clean up" },
  ];
}

/** Before a shift, the step about to be taken; during one, the step just taken. */
function trafficStepIndex(planned: readonly PlannedStage[], position: Position): number {
  const steps = planned.filter((stage) => stage.percent !== undefined);
  const reached = (percent: number) =>
    position.stage === "PRE_PRODUCTION_TRAFFIC_SHIFT" ? percent > position.weight + WEIGHT_TOLERANCE : percent >= position.weight - WEIGHT_TOLERANCE;
  const step = steps.find((candidate) => reached(candidate.percent!)) ?? steps.at(-1)!;
  return planned.indexOf(step);
}

function rollingStageIndex(position: Position): number {
  if (position.newTasksUp === 0 && position.desiredCount > 0) return 0;
  if (position.oldTasksRunning > 0 || position.newTasksUp < position.desiredCount) return 1;
  return 2;
}

function stageIndex(planned: readonly PlannedStage[], position: Position, rolling: boolean): number {
  if (rolling) return rollingStageIndex(position);
  if (!position.stage) return 0;
  if (position.stage === "PRE_PRODUCTION_TRAFFIC_SHIFT" || position.stage === "PRODUCTION_TRAFFIC_SHIFT") return trafficStepIndex(planned, position);
  const index = planned.findIndex((stage) => stage.id === GROUP_OF_STAGE[position.stage!]);
  return Math.max(0, index);
}

function positionOfSample(sample: RolloutSample): Position {
  const target = sample.revisions.find((revision) => revision.role === "target");
  const sources = sample.revisions.filter((revision) => revision.role === "source" && revision.arn !== target?.arn);
  return {
    stage: sample.stage,
    weight: target?.requestedWeight ?? 0,
    newTasksUp: target?.healthy ?? target?.running ?? 0,
    oldTasksRunning: sources.reduce((sum, source) => sum + source.running, 0),
    desiredCount: sample.desiredCount,
  };
}

function positionNow(input: StageInput): Position {
  const { deployment } = input;
  const targetArn = deployment.target?.serviceRevisionArn;
  const latest = input.samples.at(-1)?.revisions.find((revision) => revision.arn === targetArn);
  const sources = deployment.sources.filter((source) => source.serviceRevisionArn !== targetArn);
  return {
    stage: deployment.lifecycleStage,
    weight: deployment.target?.productionTrafficWeight ?? 0,
    newTasksUp: latest?.healthy ?? deployment.target?.runningTasks ?? 0,
    oldTasksRunning: sources.reduce((sum, source) => sum + source.runningTasks, 0),
    desiredCount: input.desiredCount,
  };
}

/** Where a deployment that stopped or rolled back was when it did: its last sample still running, else where it says it is. */
function positionWhenLeft(input: StageInput): Position {
  const running = input.samples.findLast((sample) => sample.status === "IN_PROGRESS" || sample.status === "PENDING");
  return running ? positionOfSample(running) : positionNow(input);
}

function currentDetail(input: StageInput, rolling: boolean, index: number): string | undefined {
  const { deployment } = input;
  if (deployment.awaitingApproval) return "Waiting for approval";
  if (deployment.status === "PENDING") return "Waiting to start";
  if (deployment.status === "STOP_REQUESTED") return "Stopping";
  if (rolling) return index === 2 ? "Waiting for ECS to call it steady" : undefined;
  return deployment.lifecycleStage ? STAGE_DETAIL[deployment.lifecycleStage as LifecycleStage] : undefined;
}

const withStatus = (planned: readonly PlannedStage[], statusAt: (index: number) => StageStatus): RolloutStage[] =>
  planned.map((stage, index) => ({ ...stage, status: statusAt(index) }));

/** The stepper's stages, each done, current, next, or — once a deployment stops or rolls back — failed and skipped after it. */
export function rolloutStages(input: StageInput): RolloutStage[] {
  const { configuration, deployment } = input;
  const rolling = (configuration.strategy ?? "ROLLING") === "ROLLING";
  const reconciles = deployment.lifecycleStage === "RECONCILE_SERVICE" || input.samples.some((sample) => sample.stage === "RECONCILE_SERVICE");
  const planned = plannedStages(configuration, reconciles);
  const status = deployment.status;

  if (status === "SUCCESSFUL") return withStatus(planned, () => "done");
  if (status === undefined || (isOngoing(status) && !status.startsWith("ROLLBACK"))) {
    const index = stageIndex(planned, positionNow(input), rolling);
    const stages = withStatus(planned, (at) => (at < index ? "done" : at === index ? "current" : "next"));
    const detail = currentDetail(input, rolling, index);
    if (detail) stages[index] = { ...stages[index]!, detail };
    return stages;
  }

  const index = stageIndex(planned, positionWhenLeft(input), rolling);
  const rolledBack = status.startsWith("ROLLBACK");
  const stages = withStatus(planned, (at) => (at < index ? "done" : at === index ? "failed" : "skipped"));
  stages[index] = { ...stages[index]!, detail: rolledBack ? "Rolled back from here" : "Stopped here" };
  if (!rolledBack) return stages;
  const rollbackStatus: StageStatus = status === "ROLLBACK_SUCCESSFUL" ? "done" : status === "ROLLBACK_FAILED" ? "failed" : "current";
  const rollback: RolloutStage = { id: "rollback", label: "Roll back", status: rollbackStatus };
  // Traffic-shifting strategies send production traffic back to the old revision: 0 % on the new one.
  if (!rolling) rollback.percent = 0;
  if (rollbackStatus === "current") rollback.detail = rolling ? "Returning to the old revision" : "Traffic back to the old revision";
  return [...stages, rollback];
}

/**
 * When the deployment entered `stage` with the new revision at `weight`: the first sample of the
 * latest run of samples in that stage and weight (samples oldest first). A stage entered again
 * later (a rollback re-running it) counts from its latest entry.
 */
export function stageStartedAt(samples: readonly RolloutSample[], stage: string, weight: number): string | undefined {
  const matches = (sample: RolloutSample) => {
    const target = sample.revisions.find((revision) => revision.role === "target");
    return sample.stage === stage && Math.abs((target?.requestedWeight ?? 0) - weight) < WEIGHT_TOLERANCE;
  };
  let startedAt: string | undefined;
  for (let index = samples.length - 1; index >= 0 && matches(samples[index]!); index--) startedAt = samples[index]!.at;
  return startedAt;
}

export interface BakeCountdown {
  /** "Canary bake", "Step 2 bake", "Bake time". */
  label: string;
  startedAt: string;
  /** Epoch ms. */
  endsAt: number;
}

/** The bake the deployment is in now, with when it ends; none while it waits on a person or does anything else. */
export function currentBake(input: StageInput, stages: readonly RolloutStage[] = rolloutStages(input)): BakeCountdown | undefined {
  const { deployment } = input;
  const current = stages.find((stage) => stage.status === "current");
  const stage = deployment.lifecycleStage;
  if (!current?.bakeMinutes || deployment.awaitingApproval || !isOngoing(deployment.status)) return undefined;
  if (stage !== "PRODUCTION_TRAFFIC_SHIFT" && stage !== "BAKE_TIME") return undefined;
  const startedAt = stageStartedAt(input.samples, stage, deployment.target?.productionTrafficWeight ?? 0);
  if (!startedAt) return undefined;
  const label = stage === "BAKE_TIME" ? "Bake time" : current.label === "Canary" ? "Canary bake" : `${current.label} bake`;
  return { label, startedAt, endsAt: Date.parse(startedAt) + current.bakeMinutes * 60_000 };
}
