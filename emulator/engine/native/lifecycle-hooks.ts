import type {
  DeploymentConfiguration,
  DeploymentLifecycleHookDetail,
  ServiceDeployment,
  DeploymentLifecycleHookStage,
  ServiceDeploymentLifecycleStage,
} from "@aws-sdk/client-ecs";
import { newPauseHookId } from "../../store/ids";

/**
 * Lifecycle hooks of a traffic-shifting deployment (spec §4). A PAUSE hook waits in
 * AWAITING_ACTION for ContinueServiceDeployment until it expires; local ECS has no Lambda, so
 * Lambda hooks succeed at once (emulator decision 6).
 */
const DEFAULT_PAUSE_TIMEOUT_MINUTES = 1440;

export type HookOutcome = { kind: "done" } | { kind: "waiting"; until: number } | { kind: "rollback"; reason: string };

/**
 * Adds the hooks of the stage the deployment enters. Earlier hooks stay listed with their
 * outcome, so a decision on one that was already decided can be told so.
 */
export function startStageHooks(sd: ServiceDeployment, stage: ServiceDeploymentLifecycleStage | DeploymentLifecycleHookStage, config: DeploymentConfiguration | undefined, now: number): void {
  const details: DeploymentLifecycleHookDetail[] = [];
  for (const hook of config?.lifecycleHooks ?? []) {
    if (!hook.lifecycleStages?.includes(stage as DeploymentLifecycleHookStage)) continue;
    if (hook.targetType === "PAUSE") {
      const minutes = hook.timeoutConfiguration?.timeoutInMinutes ?? DEFAULT_PAUSE_TIMEOUT_MINUTES;
      details.push({
        hookId: newPauseHookId(),
        targetType: "PAUSE",
        status: "AWAITING_ACTION",
        expiresAt: new Date(now + minutes * 60_000),
        timeoutAction: hook.timeoutConfiguration?.action ?? "ROLLBACK",
      });
    } else {
      details.push({ hookId: `ecs-lambda-${crypto.randomUUID()}`, targetType: "AWS_LAMBDA", targetArn: hook.hookTargetArn, status: "SUCCEEDED" });
    }
  }
  sd.lifecycleHookDetails = [...(sd.lifecycleHookDetails ?? []), ...details];
}

/** Whether the stage's hooks let it finish; expired pauses time out with their action. */
export function hookOutcome(sd: ServiceDeployment, now: number): HookOutcome {
  let waiting = false;
  let until = Infinity;
  for (const hook of sd.lifecycleHookDetails ?? []) {
    if (hook.status === "AWAITING_ACTION" && now >= (hook.expiresAt?.getTime() ?? Infinity)) {
      hook.status = "TIMED_OUT";
      if (hook.timeoutAction !== "CONTINUE") return { kind: "rollback", reason: `Lifecycle hook ${hook.hookId} timed out` };
    }
    if (hook.status === "FAILED") return { kind: "rollback", reason: `Lifecycle hook ${hook.hookId} failed` };
    if (hook.status === "AWAITING_ACTION" || hook.status === "IN_PROGRESS") {
      waiting = true;
      until = Math.min(until, hook.expiresAt?.getTime() ?? Infinity);
    }
  }
  return waiting ? { kind: "waiting", until } : { kind: "done" };
}
