import type { TargetHealthReasonEnum, TargetHealthStateEnum } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { HttpHealthProbeResult } from "../../dataplane/health-probe";
import type { RegisteredTarget } from "../../store/elb-records";

/**
 * Target health as ALB reports it: states, reasons and AWS's descriptions, and the pure
 * transition a health-check result causes.
 */
export const TARGET_DESCRIPTIONS = {
  registering: "Target registration is in progress",
  initialChecks: "Initial health checks in progress",
  timeout: "Request timed out",
  failed: "Health checks failed",
  draining: "Target deregistration is in progress",
  notInUse: "Target group is not configured to receive traffic from the load balancer",
  notRegistered: "Target is not registered to the target group",
  disabled: "Health checks are disabled",
  codes: (statusCode: number) => `Health checks failed with these codes: [${statusCode}]`,
} as const;

/** How a group's targets are served: health-checked, not in use by any listener, or unchecked. */
export type GroupServing = "checked" | "unused" | "unchecked";

export interface Thresholds {
  healthyThreshold: number;
  unhealthyThreshold: number;
}

/** Sets state, reason and description; true when anything a caller would see changed. */
export function setTargetHealth(
  target: RegisteredTarget,
  state: TargetHealthStateEnum,
  reason?: TargetHealthReasonEnum,
  description?: string,
): boolean {
  if (target.state === state && target.reason === reason && target.description === description) return false;
  target.state = state;
  target.reason = reason;
  target.description = description;
  return true;
}

export function isDraining(target: RegisteredTarget): boolean {
  return target.state === "draining" || target.state === "unhealthy.draining";
}

/** Targets the group's health checks probe. */
export function isHealthChecked(target: RegisteredTarget): boolean {
  return target.state === "initial" || target.state === "healthy" || target.state === "unhealthy";
}

/** The state a (re)registered target starts in. */
export function startRegistration(target: RegisteredTarget, serving: GroupServing): boolean {
  target.consecutiveFailures = 0;
  target.consecutiveSuccesses = 0;
  target.drainingUntil = undefined;
  if (serving === "unused") return setTargetHealth(target, "unused", "Target.NotInUse", TARGET_DESCRIPTIONS.notInUse);
  if (serving === "unchecked") return setTargetHealth(target, "unavailable", "Target.HealthCheckDisabled", TARGET_DESCRIPTIONS.disabled);
  return setTargetHealth(target, "initial", "Elb.RegistrationInProgress", TARGET_DESCRIPTIONS.registering);
}

/**
 * Moves a target that is not draining to match how its group is now served: a group that
 * starts being used sends its targets back to `initial`; one no listener uses parks them.
 */
export function applyServing(target: RegisteredTarget, serving: GroupServing): boolean {
  if (isDraining(target)) return false;
  const parked = target.state === "unused" || target.state === "unavailable";
  if (serving === "checked") return parked ? startRegistration(target, serving) : false;
  const wanted = serving === "unused" ? "unused" : "unavailable";
  return target.state === wanted ? false : startRegistration(target, serving);
}

/** Reason and description for a failed probe, as DescribeTargetHealth words them. */
export function failureHealth(result: HttpHealthProbeResult): { reason: TargetHealthReasonEnum; description: string } {
  if (result.reason === "Timeout") return { reason: "Target.Timeout", description: TARGET_DESCRIPTIONS.timeout };
  if (result.reason === "ResponseCodeMismatch" && result.statusCode !== undefined) {
    return { reason: "Target.ResponseCodeMismatch", description: TARGET_DESCRIPTIONS.codes(result.statusCode) };
  }
  return { reason: "Target.FailedHealthChecks", description: TARGET_DESCRIPTIONS.failed };
}

/**
 * One health-check result. A new target is healthy after one pass; a target that was
 * unhealthy needs `healthyThreshold` passes in a row; `unhealthyThreshold` failures in a row
 * make any target unhealthy. Returns true when state, reason or description changed.
 */
export function applyProbeResult(target: RegisteredTarget, result: HttpHealthProbeResult, thresholds: Thresholds): boolean {
  if (!isHealthChecked(target)) return false;
  if (result.healthy) {
    target.consecutiveSuccesses++;
    target.consecutiveFailures = 0;
    const recovered = target.state === "unhealthy" && target.consecutiveSuccesses >= thresholds.healthyThreshold;
    return target.state === "initial" || recovered ? setTargetHealth(target, "healthy") : false;
  }
  target.consecutiveFailures++;
  target.consecutiveSuccesses = 0;
  const failure = failureHealth(result);
  if (target.state === "unhealthy") return setTargetHealth(target, "unhealthy", failure.reason, failure.description);
  if (target.consecutiveFailures < thresholds.unhealthyThreshold) return false;
  return setTargetHealth(target, "unhealthy", failure.reason, failure.description);
}

/** Marks an `initial` target whose first probe is starting. */
export function startInitialChecks(target: RegisteredTarget): boolean {
  if (target.state !== "initial" || target.reason !== "Elb.RegistrationInProgress") return false;
  return setTargetHealth(target, "initial", "Elb.InitialHealthChecking", TARGET_DESCRIPTIONS.initialChecks);
}
