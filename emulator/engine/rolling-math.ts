import type { DeploymentCircuitBreaker, DeploymentConfiguration } from "@aws-sdk/client-ecs";

/**
 * The arithmetic of a rolling update (spec §2), pure so it can be tested edge by edge.
 */
export const DEFAULT_MINIMUM_HEALTHY_PERCENT = 100;
export const DEFAULT_MAXIMUM_PERCENT = 200;

export interface RollingBounds {
  /** Tasks that must stay RUNNING and healthy. */
  lower: number;
  /** Tasks that may be RUNNING or PENDING at once. */
  upper: number;
}

export function rollingBounds(desiredCount: number, config: DeploymentConfiguration | undefined): RollingBounds {
  const minimum = config?.minimumHealthyPercent ?? DEFAULT_MINIMUM_HEALTHY_PERCENT;
  const maximum = config?.maximumPercent ?? DEFAULT_MAXIMUM_PERCENT;
  return {
    lower: Math.ceil((desiredCount * minimum) / 100),
    upper: Math.floor((desiredCount * maximum) / 100),
  };
}

/** Failed tasks that trip the circuit breaker (spec §2). */
export function circuitBreakerThreshold(breaker: DeploymentCircuitBreaker | undefined, desiredCount: number): number {
  const configuration = breaker?.thresholdConfiguration;
  const type = configuration?.type ?? "BOUNDED_PERCENT";
  const value = configuration?.value ?? 50;
  if (type === "COUNT") return Math.max(1, Math.round(value));
  const percent = Math.ceil((value / 100) * desiredCount);
  if (type === "UNBOUNDED_PERCENT") return Math.max(1, percent);
  return Math.min(200, Math.max(3, percent));
}
