import type { DeploymentConfiguration, DeploymentLifecycleHookAction, DeploymentLifecycleHookStatus, ServiceDeploymentStatus } from "@aws-sdk/client-ecs";
import { formatDuration } from "@/lib/format";
import { productionSource } from "@/lib/view-models/deployments";
import type { RolloutView } from "@/lib/view-models/rollout";

/**
 * What a deployment paused at a PAUSE hook asks of a person, in words: the question, what
 * each answer does, how long is left, and, for someone who comes too late, what became of it.
 * Pure: derived from the deployment's stage, its own configuration snapshot and the target
 * revision's requested weight, so the panel and the inbox say the same thing.
 */
export interface GateContext {
  lifecycleStage?: string;
  configuration: DeploymentConfiguration;
  /** The target revision's requested share of production traffic now, 0–100. */
  targetWeight?: number;
  /** "web:6": what the deployment moves to. */
  targetLabel?: string;
  /** "web:5": what production runs now, and gets its traffic back on a rollback. */
  sourceLabel?: string;
}

/** ECS's defaults when the configuration names none (spec §3). */
const DEFAULT_CANARY_PERCENT = 5;
const DEFAULT_CANARY_BAKE_MINUTES = 10;
const DEFAULT_LINEAR_STEP = 10;
const DEFAULT_LINEAR_BAKE_MINUTES = 6;

export function gateContextOf(view: Pick<RolloutView, "deployment" | "configuration">): GateContext {
  const { deployment } = view;
  return {
    lifecycleStage: deployment.lifecycleStage,
    configuration: view.configuration,
    targetWeight: deployment.target?.productionTrafficWeight,
    targetLabel: deployment.target?.revision?.taskDefinition?.label ?? deployment.targetRevision?.taskDefinition?.label,
    sourceLabel: productionSource(deployment.sources)?.revision?.taskDefinition?.label,
  };
}

/** 5, 12.5: a percentage as ECS keeps it (0.1 % precision), without float noise. */
function percent(value: number): string {
  return `${Math.round(value * 10) / 10} %`;
}

interface LinearStep {
  step: number;
  steps: number;
  /** The target's share once the step is taken. */
  weight: number;
}

/** The next step of a linear shift: 30, 60, 90, then 100 (emulator decision 4: the last step is capped). */
export function nextLinearStep(configuration: DeploymentConfiguration, currentWeight: number): LinearStep {
  const stepPercent = configuration.linearConfiguration?.stepPercent ?? DEFAULT_LINEAR_STEP;
  const steps = Math.ceil(Math.round((100 / stepPercent) * 1000) / 1000);
  const done = Math.ceil(Math.round((currentWeight / stepPercent) * 1000) / 1000);
  const step = Math.min(done + 1, steps);
  return { step, steps, weight: Math.min(100, step * stepPercent) };
}

function isCanaryPromotion(gate: GateContext): boolean {
  return (gate.targetWeight ?? 0) > 0;
}

/** "Start sending 5 % of production traffic to web:6?": what Approve says yes to. */
export function approvalQuestion(gate: GateContext): string {
  const target = gate.targetLabel ?? "the new revision";
  const { configuration } = gate;
  switch (gate.lifecycleStage) {
    case "PRE_PRODUCTION_TRAFFIC_SHIFT":
      if (configuration.strategy === "CANARY") {
        if (isCanaryPromotion(gate)) return "Promote the canary to 100 %?";
        return `Start sending ${percent(configuration.canaryConfiguration?.canaryPercent ?? DEFAULT_CANARY_PERCENT)} of production traffic to ${target}?`;
      }
      if (configuration.strategy === "LINEAR") {
        const next = nextLinearStep(configuration, gate.targetWeight ?? 0);
        return `Step ${next.step} of ${next.steps}: send ${percent(next.weight)} of production traffic to ${target}?`;
      }
      return `Shift production traffic to ${target}?`;
    case "PRE_SCALE_UP":
      return `Start the tasks of ${target}?`;
    case "POST_SCALE_UP":
      return `Send test traffic to ${target}?`;
    case "POST_TEST_TRAFFIC_SHIFT":
      return `Go on to production traffic for ${target}?`;
    case "POST_PRODUCTION_TRAFFIC_SHIFT":
      return `Finish the deployment of ${target}?`;
    default:
      return `Continue the deployment of ${target}?`;
  }
}

function pausesAgainBeforeTraffic(configuration: DeploymentConfiguration): boolean {
  return (configuration.lifecycleHooks ?? []).some((hook) => hook.targetType === "PAUSE" && hook.lifecycleStages?.includes("PRE_PRODUCTION_TRAFFIC_SHIFT"));
}

function minutes(value: number): string {
  return value === 1 ? "1 minute" : `${value} minutes`;
}

/** What ECS does when the person approves: said in the confirmation, before they commit. */
export function continueConsequence(gate: GateContext): string {
  const target = gate.targetLabel ?? "the new revision";
  const source = gate.sourceLabel ?? "the current revision";
  const { configuration } = gate;
  const finish = `then stops the tasks of ${source}`;
  const bake = configuration.bakeTimeInMinutes ? `, watches it for ${minutes(configuration.bakeTimeInMinutes)}, ${finish}` : `, ${finish}`;
  if (gate.lifecycleStage !== "PRE_PRODUCTION_TRAFFIC_SHIFT") return `ECS continues the deployment of ${target} from where it paused.`;
  if (configuration.strategy === "CANARY" && !isCanaryPromotion(gate)) {
    const canary = configuration.canaryConfiguration;
    const again = pausesAgainBeforeTraffic(configuration) ? " and asks again before promoting it" : " and then promotes it to 100 %";
    return `ECS sends ${percent(canary?.canaryPercent ?? DEFAULT_CANARY_PERCENT)} of production traffic to ${target}, bakes for ${minutes(canary?.canaryBakeTimeInMinutes ?? DEFAULT_CANARY_BAKE_MINUTES)}${again}.`;
  }
  if (configuration.strategy === "LINEAR") {
    const next = nextLinearStep(configuration, gate.targetWeight ?? 0);
    if (next.weight < 100) {
      const wait = minutes(configuration.linearConfiguration?.stepBakeTimeInMinutes ?? DEFAULT_LINEAR_BAKE_MINUTES);
      return `ECS sends ${percent(next.weight)} of production traffic to ${target} and waits ${wait} before the next step.`;
    }
  }
  return `ECS sends all production traffic to ${target}${bake}.`;
}

/** What ECS does when the person rolls back a paused deployment. */
export function rollbackConsequence(gate: Pick<GateContext, "targetLabel" | "sourceLabel">): string {
  return `ECS returns all production traffic to ${gate.sourceLabel ?? "the current revision"}, stops the tasks of ${gate.targetLabel ?? "the new revision"}, and ends the deployment as rolled back.`;
}

/** "Rolls back in 9 h 59 min if nobody decides"; ECS's default timeout action is to roll back. */
export function countdownText(gate: { expiresAt?: string; timeoutAction?: DeploymentLifecycleHookAction }, now: number): string | undefined {
  const expires = gate.expiresAt ? Date.parse(gate.expiresAt) : NaN;
  if (Number.isNaN(expires)) return undefined;
  const action = gate.timeoutAction === "CONTINUE" ? "Continues" : "Rolls back";
  if (expires <= now) return `${action} any moment now: nobody decided in time`;
  return `${action} in ${formatDuration(expires - now)} if nobody decides`;
}

/**
 * When the deployment began to wait: its pause's expiry less the timeout of the PAUSE hook
 * configured at that stage (ECS says when a pause ends, not when it began).
 */
export function pausedSince(gate: { expiresAt?: string; lifecycleStage?: string }, configuration: DeploymentConfiguration): string | undefined {
  const expires = gate.expiresAt ? Date.parse(gate.expiresAt) : NaN;
  const hook = (configuration.lifecycleHooks ?? []).find(
    (candidate) => candidate.targetType === "PAUSE" && candidate.lifecycleStages?.some((stage) => stage === gate.lifecycleStage),
  );
  if (Number.isNaN(expires) || !hook) return undefined;
  // 1440 minutes is ECS's default pause timeout (spec §4).
  return new Date(expires - (hook.timeoutConfiguration?.timeoutInMinutes ?? 1440) * 60_000).toISOString();
}

/** What became of a pause someone decided too late. */
export type SettledHow =
  | "approved"
  | "rolled-back"
  | "timed-out-continued"
  | "timed-out-rolled-back"
  | "deployment-stopped"
  | "deployment-rolled-back"
  | "deployment-finished";

/** Only these let a pause be decided: any other status means the deployment has moved on without it. */
const DECIDABLE: ReadonlySet<string> = new Set<ServiceDeploymentStatus>(["PENDING", "IN_PROGRESS"]);

/**
 * How a pause was settled, from its hook's status and the deployment's; undefined while it
 * still waits (or, for a hook the deployment does not list, while the deployment could still ask).
 */
export function howSettled(
  hook: { status?: DeploymentLifecycleHookStatus; timeoutAction?: DeploymentLifecycleHookAction } | undefined,
  deploymentStatus: ServiceDeploymentStatus | undefined,
): SettledHow | undefined {
  if (hook?.status === "SUCCEEDED") return "approved";
  if (hook?.status === "TIMED_OUT") return hook.timeoutAction === "CONTINUE" ? "timed-out-continued" : "timed-out-rolled-back";
  // A stop fails the pauses it leaves open: the stop is the news, not the failed pause.
  if (deploymentStatus === "STOPPED" || deploymentStatus === "STOP_REQUESTED") return "deployment-stopped";
  if (hook?.status === "FAILED") return "rolled-back";
  if (deploymentStatus === undefined || DECIDABLE.has(deploymentStatus)) return undefined;
  if (deploymentStatus === "SUCCESSFUL") return "deployment-finished";
  return "deployment-rolled-back";
}

/** "12:03 UTC": when, in the terms of the audit log's times. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${String(date.getUTCHours()).padStart(2, "0")}:${String(date.getUTCMinutes()).padStart(2, "0")} UTC`;
}

const SETTLED_WORDS: Record<SettledHow, string> = {
  approved: "It was already approved",
  "rolled-back": "It was already rolled back",
  "timed-out-continued": "Nobody decided in time: it continued on its own when its timeout passed",
  "timed-out-rolled-back": "Nobody decided in time: it rolled back on its own when its timeout passed",
  "deployment-stopped": "The deployment was already stopped",
  "deployment-rolled-back": "The deployment was already rolled back",
  "deployment-finished": "The deployment has already finished",
};

/** "It was already approved by April Approver at 12:03 UTC. Nothing was changed." */
export function alreadyDecidedText(how: SettledHow, decidedBy?: { name: string; at: string }): string {
  const who = decidedBy && !how.startsWith("timed-out") && how !== "deployment-finished" ? ` by ${decidedBy.name} at ${clockTime(decidedBy.at)}` : "";
  return `${SETTLED_WORDS[how]}${who}. Nothing was changed.`;
}


/** What stopping an ongoing deployment does: ABORT leaves it where it is, ROLLBACK undoes it. */
export function stopConsequence(stopType: "ABORT" | "ROLLBACK", gate: Pick<GateContext, "targetLabel" | "sourceLabel">): string {
  if (stopType === "ROLLBACK") return rollbackConsequence(gate);
  return "The deployment stops where it is: the tasks and production traffic of both revisions stay as they are now, and nothing rolls back.";
}

const FINISHED_WORDS: Partial<Record<ServiceDeploymentStatus, string>> = {
  SUCCESSFUL: "The deployment had already finished successfully",
  STOPPED: "The deployment had already been stopped",
  ROLLBACK_SUCCESSFUL: "The deployment had already been rolled back",
  ROLLBACK_FAILED: "The deployment's rollback had already failed",
  STOP_REQUESTED: "A stop of this deployment was already requested",
  ROLLBACK_REQUESTED: "A rollback of this deployment was already requested",
  ROLLBACK_IN_PROGRESS: "This deployment is already rolling back",
};

/** "The deployment had already finished successfully. Nothing was changed." */
export function alreadyFinishedText(status: ServiceDeploymentStatus | undefined): string {
  const words = (status && FINISHED_WORDS[status]) ?? "The deployment can no longer be stopped";
  return `${words}. Nothing was changed.`;
}
