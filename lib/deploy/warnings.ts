import type { ContainerDefinition, Service } from "@aws-sdk/client-ecs";
import { formatDuration } from "@/lib/format";
import { imageWarnings } from "@/lib/taskdef/image-warnings";
import type { DeployChoices, StrategyChoice } from "./choices";
import { MAX_DEPLOYMENT_SECONDS } from "./limits";
import { previewDeployment, trafficSteps } from "./preview";
import { rollingWaves } from "./rolling";

/**
 * What the review step warns about before a deploy: images that can change under it, settings
 * that cannot finish, a deployment already under way, and consequences worth knowing. `danger`
 * will not work as chosen; `warn` probably is not what was meant; `info` is worth knowing.
 */
export interface DeployWarning {
  code:
    | "mutable-image"
    | "same-images"
    | "desired-count-zero"
    | "rolling-cannot-progress"
    | "all-tasks-may-stop"
    | "no-circuit-breaker"
    | "deployment-in-progress"
    | "canary-under-one-task"
    | "longer-than-ecs-allows"
    | "approval-timeout-continues"
    | "approval-every-step"
    | "double-capacity";
  severity: "danger" | "warn" | "info";
  /** The field the warning is about, as the choices' paths name it. */
  field?: string;
  message: string;
}

export interface WarningContext {
  /** The containers of the revision an existing-revision deploy would run, when it has been read. */
  deploying?: readonly ContainerDefinition[];
  /** The containers of the service's current revision (to tell whether new images change anything). */
  current?: readonly ContainerDefinition[];
  taskReadySeconds?: number;
}

export function deployWarnings(choices: DeployChoices, service: Service, context: WarningContext = {}): DeployWarning[] {
  const desiredCount = service.desiredCount ?? 0;
  return [
    ...imageWarningsOf(choices, context),
    ...inProgress(service),
    ...(desiredCount === 0
      ? [{ code: "desired-count-zero", severity: "warn", field: "target.service", message: "The service's desired count is 0: the deployment starts no task, so nothing of the new revision is tried." } as const]
      : []),
    ...strategyWarnings(choices.strategy, desiredCount, context.taskReadySeconds),
  ];
}

function imageWarningsOf(choices: DeployChoices, context: WarningContext): DeployWarning[] {
  const source = choices.source;
  const mutable = (field: string, name: string | undefined, image: string): DeployWarning[] =>
    imageWarnings(image).map((message) => ({ code: "mutable-image", severity: "warn", field, message: name ? `${name}: ${message}` : message }));
  if (source.kind === "revision") {
    return (context.deploying ?? []).flatMap((container) => mutable("source.taskDefinition", container.name, container.image ?? ""));
  }
  const warnings = Object.entries(source.images).flatMap(([name, image]) => mutable(`source.images.${name}`, undefined, image));
  const currentImage = new Map((context.current ?? []).map((container) => [container.name, container.image]));
  const unchanged = context.current !== undefined && Object.entries(source.images).every(([name, image]) => currentImage.get(name) === image);
  if (unchanged) {
    warnings.push({ code: "same-images", severity: "warn", field: "source.images", message: "These are the images the current revision already runs: the new revision would change nothing but its change note." });
  }
  return warnings;
}

/** `Service.deployments` lists more than the primary, or the primary is still rolling out. */
function inProgress(service: Service): DeployWarning[] {
  const deployments = service.deployments ?? [];
  const primary = deployments.find((deployment) => deployment.status === "PRIMARY");
  const busy = deployments.length > 1 || primary?.rolloutState === "IN_PROGRESS";
  if (!busy) return [];
  const revision = primary?.taskDefinition?.split("/").pop();
  const what = revision ? `of ${revision} ` : "";
  return [{
    code: "deployment-in-progress",
    severity: "warn",
    field: "target.service",
    message: `A deployment ${what}is still in progress. A new one takes over from it: ECS stops working towards the one under way.`,
  }];
}

function strategyWarnings(strategy: StrategyChoice, desiredCount: number, taskReadySeconds: number | undefined): DeployWarning[] {
  const warnings: DeployWarning[] = [];
  if (strategy.kind === "rolling") {
    const { minimumHealthyPercent: min, maximumPercent: max, circuitBreaker } = strategy.rolling;
    if (desiredCount > 0 && !rollingWaves(desiredCount, min, max).ok) {
      warnings.push({
        code: "rolling-cannot-progress",
        severity: "danger",
        field: "strategy.rolling.maximumPercent",
        message: `With ${desiredCount} tasks, minimum healthy ${min} % and maximum ${max} %, ECS can neither start a new task nor stop an old one: the deployment cannot make progress. Lower the minimum or raise the maximum.`,
      });
    } else if (desiredCount > 0 && Math.ceil((desiredCount * min) / 100) === 0) {
      warnings.push({ code: "all-tasks-may-stop", severity: "warn", field: "strategy.rolling.minimumHealthyPercent", message: `Minimum healthy ${min} % lets ECS stop every running task before new ones are healthy: the service can be down during the deployment.` });
    }
    if (!circuitBreaker.enable) {
      warnings.push({ code: "no-circuit-breaker", severity: "info", field: "strategy.rolling.circuitBreaker.enable", message: "Without the circuit breaker, a revision whose tasks never become healthy keeps being retried instead of failing (and rolling back)." });
    }
    return warnings;
  }
  if (desiredCount > 0) {
    warnings.push({ code: "double-capacity", severity: "info", message: `ECS starts all ${desiredCount} new tasks beside the old ones before traffic moves: until clean-up the service runs ${desiredCount * 2} tasks.` });
  }
  if (strategy.kind === "canary") warnings.push(...canaryShare(strategy.canary.canaryPercent, desiredCount));
  const approval = (strategy.kind === "blueGreen" ? strategy.blueGreen : strategy.kind === "linear" ? strategy.linear : strategy.canary).approval;
  if (approval?.timeoutAction === "CONTINUE") {
    warnings.push({ code: "approval-timeout-continues", severity: "warn", field: `strategy.${strategy.kind}.approval.timeoutAction`, message: `If nobody decides within ${formatDuration(approval.timeoutMinutes * 60_000)}, the deployment continues without approval.` });
  }
  const steps = trafficSteps(strategy).length;
  if (approval?.stage === "PRE_PRODUCTION_TRAFFIC_SHIFT" && strategy.kind === "linear" && steps > 2) {
    warnings.push({ code: "approval-every-step", severity: "info", field: `strategy.linear.approval.stage`, message: `The deployment waits for approval before each of its ${steps} traffic steps.` });
  }
  const preview = previewDeployment(strategy, { desiredCount, taskReadySeconds });
  if (preview.estimatedSeconds > MAX_DEPLOYMENT_SECONDS) {
    warnings.push({ code: "longer-than-ecs-allows", severity: "danger", field: `strategy.${strategy.kind}`, message: `These settings take about ${formatDuration(preview.estimatedSeconds * 1000)}; ECS ends a deployment after 30 days. Shorten the bake times or take bigger steps.` });
  }
  return warnings;
}

/** Canary traffic is a share of requests to a full set of new tasks (spec §3), not a number of tasks. */
function canaryShare(canaryPercent: number, desiredCount: number): DeployWarning[] {
  if (desiredCount === 0 || canaryPercent >= 100 || (desiredCount * canaryPercent) / 100 >= 1) return [];
  return [{
    code: "canary-under-one-task",
    severity: "info",
    field: "strategy.canary.canaryPercent",
    message: `${canaryPercent} % of the traffic of ${desiredCount} tasks is less than one task's share. ECS still starts all ${desiredCount} new tasks and sends them ${canaryPercent} % of requests, so the canary sees little traffic to judge it by.`,
  }];
}
