import type {
  DeploymentConfiguration,
  DeploymentControllerType,
  DeploymentLifecycleHook,
  DeploymentStrategy,
  ServiceDeploymentStatus,
} from "@aws-sdk/client-ecs";
import { stageWords } from "@/lib/approval-text";
import { formatDuration } from "@/lib/format";
import type { DeploymentDetail, RevisionInfo } from "@/lib/view-models/deployments";

/** How a service's deployments and their configuration read on its page. Pure, for the page and its tests. */

/** The tones a status word can take; the same names as the Badge's. */
export type StatusTone = "neutral" | "ok" | "info" | "warn" | "danger";

export interface StatusText {
  label: string;
  tone: StatusTone;
}

const STATUS_TEXT: Readonly<Record<ServiceDeploymentStatus, StatusText>> = {
  PENDING: { label: "Pending", tone: "info" },
  IN_PROGRESS: { label: "In progress", tone: "info" },
  SUCCESSFUL: { label: "Completed", tone: "ok" },
  STOPPED: { label: "Stopped", tone: "warn" },
  STOP_REQUESTED: { label: "Stopping", tone: "warn" },
  ROLLBACK_REQUESTED: { label: "Rollback requested", tone: "warn" },
  ROLLBACK_IN_PROGRESS: { label: "Rolling back", tone: "warn" },
  ROLLBACK_SUCCESSFUL: { label: "Rolled back", tone: "warn" },
  ROLLBACK_FAILED: { label: "Rollback failed", tone: "danger" },
};

/** "Completed", "Rolled back"…; a deployment waiting at a pause says so before anything else. */
export function deploymentStatusText(status: ServiceDeploymentStatus | undefined, awaitingApproval = false): StatusText {
  if (awaitingApproval) return { label: "Awaiting approval", tone: "warn" };
  if (!status) return { label: "Unknown", tone: "neutral" };
  return STATUS_TEXT[status] ?? { label: sentenceCase(status), tone: "neutral" };
}

function sentenceCase(code: string): string {
  const words = code.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Before the production traffic shift": the stage a deployment is in, as a label. */
export function lifecycleStageText(stage: string | undefined): string | undefined {
  if (!stage) return undefined;
  const words = stageWords(stage).replace(/^at /, "");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const STRATEGY_NAMES: Readonly<Record<DeploymentStrategy, string>> = {
  ROLLING: "Rolling",
  BLUE_GREEN: "Blue/green",
  LINEAR: "Linear",
  CANARY: "Canary",
};

/** The strategy alone, "Canary"; a controller other than ECS deploys outside ECS's strategies. */
export function strategyName(configuration: DeploymentConfiguration | undefined, controller: DeploymentControllerType = "ECS"): string {
  if (controller === "CODE_DEPLOY") return "CodeDeploy";
  if (controller === "EXTERNAL") return "External";
  return STRATEGY_NAMES[configuration?.strategy ?? "ROLLING"] ?? sentenceCase(configuration?.strategy ?? "");
}

const minutes = (value: number) => formatDuration(value * 60_000);

/** A Lambda function's name from its ARN, or the ARN when it is not one. */
function functionName(arn: string | undefined): string {
  if (!arn) return "a Lambda function";
  const match = /:function:([^:]+)/.exec(arn);
  return match ? match[1] : arn;
}

const joinStages = (stages: readonly string[]) => stages.map(stageWords).join(" and ");

/** "Pause before the production traffic shift", "Lambda check-health after scale-up". */
export function hookText(hook: DeploymentLifecycleHook): string {
  const where = joinStages(hook.lifecycleStages ?? []);
  const what = hook.targetType === "PAUSE" ? "Pause" : `Lambda ${functionName(hook.hookTargetArn)}`;
  return where ? `${what} ${where}` : what;
}

/** "rolls back after 1 d without a decision"; ECS's defaults are 24 hours and ROLLBACK. */
export function hookTimeoutText(hook: DeploymentLifecycleHook): string {
  const timeout = hook.timeoutConfiguration;
  const action = timeout?.action === "CONTINUE" ? "continues" : "rolls back";
  const wait = minutes(timeout?.timeoutInMinutes ?? 1440);
  return hook.targetType === "PAUSE" ? `${action} after ${wait} without a decision` : `${action} if it has not answered after ${wait}`;
}

export interface SettingRow {
  term: string;
  detail: string;
}

function circuitBreakerDetail(configuration: DeploymentConfiguration): string {
  const breaker = configuration.deploymentCircuitBreaker;
  if (!breaker?.enable) return "Off";
  return breaker.rollback ? "On, rolls back a failed deployment" : "On, stops a failed deployment without rolling back";
}

function trafficShiftRows(configuration: DeploymentConfiguration): SettingRow[] {
  const rows: SettingRow[] = [];
  const { canaryConfiguration: canary, linearConfiguration: linear } = configuration;
  if (configuration.strategy === "CANARY") {
    const percent = canary?.canaryPercent ?? 5;
    rows.push({ term: "Canary", detail: `${percent} % of production traffic for ${minutes(canary?.canaryBakeTimeInMinutes ?? 10)}, then the rest` });
  }
  if (configuration.strategy === "LINEAR") {
    rows.push({ term: "Linear steps", detail: `${linear?.stepPercent ?? 10} % of production traffic a step, ${minutes(linear?.stepBakeTimeInMinutes ?? 6)} apart` });
  }
  if (configuration.strategy && configuration.strategy !== "ROLLING") {
    rows.push({ term: "Bake time", detail: `${minutes(configuration.bakeTimeInMinutes ?? 0)} with both revisions up after the traffic shift` });
  }
  return rows;
}

function alarmRows(configuration: DeploymentConfiguration): SettingRow[] {
  const alarms = configuration.alarms;
  if (!alarms?.enable) return [];
  const names = alarms.alarmNames?.length ? alarms.alarmNames.join(", ") : "none named";
  return [{ term: "CloudWatch alarms", detail: `${names}; ${alarms.rollback ? "an alarm rolls the deployment back" : "an alarm fails the deployment"}` }];
}

/**
 * The deployment configuration as a person reads it, a row per setting: strategy, task
 * limits, safety nets, traffic steps and lifecycle hooks, with ECS's defaults where unset.
 */
export function deploymentSettingRows(configuration: DeploymentConfiguration, controller: DeploymentControllerType = "ECS"): SettingRow[] {
  const rows: SettingRow[] = [{ term: "Strategy", detail: strategyName(configuration, controller) }];
  if (controller !== "ECS") return rows;
  rows.push(
    { term: "Minimum healthy", detail: `${configuration.minimumHealthyPercent ?? 100} % of desired tasks` },
    { term: "Maximum running", detail: `${configuration.maximumPercent ?? 200} % of desired tasks` },
    { term: "Circuit breaker", detail: circuitBreakerDetail(configuration) },
    ...alarmRows(configuration),
    ...trafficShiftRows(configuration),
  );
  for (const hook of configuration.lifecycleHooks ?? []) rows.push({ term: "Lifecycle hook", detail: `${hookText(hook)}; ${hookTimeoutText(hook)}` });
  return rows;
}

/** "web:4", or the revision's id when its task definition is unknown. */
export function revisionLabel(revision: RevisionInfo | undefined, serviceRevisionArn?: string): string {
  if (revision?.taskDefinition) return revision.taskDefinition.label;
  const arn = revision?.serviceRevisionArn ?? serviceRevisionArn ?? "";
  return arn ? `revision ${arn.slice(arn.lastIndexOf("/") + 1)}` : "an unknown revision";
}

/** "0 failed tasks · trips at 3", while the breaker watches; undefined when it is off. */
export function circuitBreakerText(breaker: DeploymentDetail["circuitBreaker"]): string | undefined {
  if (!breaker || breaker.status === "DISABLED" || breaker.threshold <= 0) return undefined;
  const failed = `${breaker.failureCount} failed ${breaker.failureCount === 1 ? "task" : "tasks"}`;
  return breaker.status === "TRIGGERED" ? `Tripped: ${failed} of ${breaker.threshold} allowed` : `${failed} · trips at ${breaker.threshold}`;
}

/** How long a deployment took, or has taken so far. */
export function deploymentDurationText(deployment: { startedAt?: string; createdAt?: string; finishedAt?: string }, now: number): string | undefined {
  const start = Date.parse(deployment.startedAt ?? deployment.createdAt ?? "");
  if (Number.isNaN(start)) return undefined;
  const end = deployment.finishedAt ? Date.parse(deployment.finishedAt) : now;
  return Number.isNaN(end) ? undefined : formatDuration(Math.max(0, end - start));
}
