import type { DeploymentConfiguration, DeploymentLifecycleHook } from "@aws-sdk/client-ecs";
import { InvalidParameterException } from "./errors";

/**
 * Checks the parts of a deployment configuration that BLUE_GREEN, LINEAR and CANARY use
 * (spec §3, §4): bake times, canary and linear settings, lifecycle hooks. Settings for
 * another strategy are refused rather than ignored.
 */
const HOOK_STAGES = new Set([
  "RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
  "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT",
]);
/** These stages also run during a rollback, so a person cannot be asked to wait there. */
const NO_PAUSE_STAGES = new Set(["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"]);
const MAX_HOOKS_PER_TYPE = 10;

export function validateNativeConfiguration(config: DeploymentConfiguration): void {
  const strategy = config.strategy ?? "ROLLING";
  if (config.canaryConfiguration !== undefined && strategy !== "CANARY") {
    throw new InvalidParameterException("canaryConfiguration can only be used with the CANARY deployment strategy.");
  }
  if (config.linearConfiguration !== undefined && strategy !== "LINEAR") {
    throw new InvalidParameterException("linearConfiguration can only be used with the LINEAR deployment strategy.");
  }
  if (strategy === "ROLLING") {
    if (config.bakeTimeInMinutes !== undefined) throw new InvalidParameterException("bakeTimeInMinutes cannot be used with the ROLLING deployment strategy.");
    if (config.lifecycleHooks?.length) throw new InvalidParameterException("Lifecycle hooks cannot be used with the ROLLING deployment strategy.");
    return;
  }
  if (config.deploymentCircuitBreaker?.enable) {
    throw new InvalidParameterException("The deployment circuit breaker can only be used with the ROLLING deployment strategy.");
  }
  requireNumberIn(config.bakeTimeInMinutes, "bakeTimeInMinutes", 0, 1440, 1);
  const canary = config.canaryConfiguration;
  if (canary !== undefined) {
    requireObject(canary, "canaryConfiguration");
    requireNumberIn(canary.canaryPercent, "canaryConfiguration.canaryPercent", 0.1, 100, 0.1);
    requireNumberIn(canary.canaryBakeTimeInMinutes, "canaryConfiguration.canaryBakeTimeInMinutes", 0, 1440, 1);
  }
  const linear = config.linearConfiguration;
  if (linear !== undefined) {
    requireObject(linear, "linearConfiguration");
    requireNumberIn(linear.stepPercent, "linearConfiguration.stepPercent", 3, 100, 0.1);
    requireNumberIn(linear.stepBakeTimeInMinutes, "linearConfiguration.stepBakeTimeInMinutes", 0, 1440, 1);
  }
  validateHooks(config.lifecycleHooks);
}

function validateHooks(hooks: DeploymentLifecycleHook[] | undefined): void {
  if (hooks === undefined) return;
  if (!Array.isArray(hooks)) throw new InvalidParameterException("lifecycleHooks must be a list.");
  const counts = { PAUSE: 0, AWS_LAMBDA: 0 };
  for (const [index, hook] of hooks.entries()) {
    const at = `lifecycleHooks[${index}]`;
    requireObject(hook, at);
    const type = hook.targetType ?? "AWS_LAMBDA";
    if (type !== "PAUSE" && type !== "AWS_LAMBDA") throw new InvalidParameterException(`${at}.targetType must be AWS_LAMBDA or PAUSE.`);
    counts[type]++;
    if (!Array.isArray(hook.lifecycleStages) || hook.lifecycleStages.length === 0) {
      throw new InvalidParameterException(`${at}.lifecycleStages must name at least one lifecycle stage.`);
    }
    for (const stage of hook.lifecycleStages) {
      if (!HOOK_STAGES.has(stage)) throw new InvalidParameterException(`${at}: ${String(stage)} is not a lifecycle stage that takes hooks.`);
      if (type === "PAUSE" && NO_PAUSE_STAGES.has(stage)) {
        throw new InvalidParameterException(`${at}: a PAUSE hook is not allowed at ${stage}, which also runs during a rollback.`);
      }
    }
    if (type === "AWS_LAMBDA" && (typeof hook.hookTargetArn !== "string" || typeof hook.roleArn !== "string")) {
      throw new InvalidParameterException(`${at}: a Lambda hook needs hookTargetArn and roleArn.`);
    }
    const timeout = hook.timeoutConfiguration;
    if (timeout !== undefined) {
      requireObject(timeout, `${at}.timeoutConfiguration`);
      requireNumberIn(timeout.timeoutInMinutes, `${at}.timeoutConfiguration.timeoutInMinutes`, 1, 20160, 1);
      if (timeout.action !== undefined && timeout.action !== "ROLLBACK" && timeout.action !== "CONTINUE") {
        throw new InvalidParameterException(`${at}.timeoutConfiguration.action must be ROLLBACK or CONTINUE.`);
      }
    }
  }
  if (counts.PAUSE > MAX_HOOKS_PER_TYPE || counts.AWS_LAMBDA > MAX_HOOKS_PER_TYPE) {
    throw new InvalidParameterException(`A service can have at most ${MAX_HOOKS_PER_TYPE} pause hooks and ${MAX_HOOKS_PER_TYPE} Lambda hooks.`);
  }
}

function requireObject(value: unknown, field: string): void {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new InvalidParameterException(`${field} must be an object.`);
}

/** Absent is fine (the default applies); present must be in range and on the step. */
function requireNumberIn(value: unknown, field: string, low: number, high: number, step: number): void {
  if (value === undefined) return;
  const onStep = typeof value === "number" && Math.abs(Math.round(value / step) * step - value) < 1e-9;
  if (typeof value !== "number" || !Number.isFinite(value) || value < low || value > high || !onStep) {
    const unit = step === 1 ? "a whole number" : `a multiple of ${step}`;
    throw new InvalidParameterException(`${field} must be ${unit} from ${low} to ${high}.`);
  }
}
