import type { DeploymentConfiguration } from "@aws-sdk/client-ecs";
import { InvalidParameterException } from "./errors";
import { validateNativeConfiguration } from "./native-configuration-validation";

/** Input checks of CreateService and UpdateService (spec §2, §8). */
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

export function validateServiceName(name: unknown): string {
  if (typeof name !== "string" || !NAME_PATTERN.test(name)) {
    throw new InvalidParameterException("Service name must be 1-255 characters of letters, numbers, hyphens and underscores.");
  }
  return name;
}

export function validateDesiredCount(count: unknown): number {
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
    throw new InvalidParameterException("desiredCount must be a whole number of at least 0.");
  }
  return count;
}

export function validateGracePeriod(seconds: unknown): number | undefined {
  if (seconds === undefined) return undefined;
  if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 0 || seconds > 2147483647) {
    throw new InvalidParameterException("healthCheckGracePeriodSeconds must be between 0 and 2147483647.");
  }
  return seconds;
}

const STRATEGIES = new Set(["ROLLING", "BLUE_GREEN", "LINEAR", "CANARY"]);
const THRESHOLD_TYPES = new Set(["BOUNDED_PERCENT", "UNBOUNDED_PERCENT", "COUNT"]);

/** Fills ECS's defaults into a deployment configuration and checks its ranges. */
export function normalizeDeploymentConfiguration(
  input: DeploymentConfiguration | undefined,
  previous?: DeploymentConfiguration,
): DeploymentConfiguration {
  if (input !== undefined && (input === null || typeof input !== "object")) {
    throw new InvalidParameterException("deploymentConfiguration must be an object.");
  }
  // A change of strategy leaves the old strategy's settings behind.
  const inherited = input?.strategy !== undefined && input.strategy !== previous?.strategy ? withoutStrategySettings(previous) : previous;
  const merged: DeploymentConfiguration = {
    deploymentCircuitBreaker: { enable: false, rollback: false },
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    strategy: "ROLLING",
    ...inherited,
    ...input,
  };
  const { minimumHealthyPercent: min, maximumPercent: max } = merged;
  if (!isIntegerIn(min, 0, 100)) throw new InvalidParameterException("minimumHealthyPercent must be between 0 and 100.");
  if (!isIntegerIn(max, 100, 200)) throw new InvalidParameterException("maximumPercent must be between 100 and 200.");
  if (!STRATEGIES.has(merged.strategy!)) {
    throw new InvalidParameterException("strategy must be one of ROLLING, BLUE_GREEN, LINEAR or CANARY.");
  }
  validateCircuitBreaker(merged);
  validateNativeConfiguration(merged);
  return merged;
}

function withoutStrategySettings(config: DeploymentConfiguration | undefined): DeploymentConfiguration | undefined {
  if (!config) return undefined;
  const { canaryConfiguration: _canary, linearConfiguration: _linear, bakeTimeInMinutes: _bake, lifecycleHooks: _hooks, ...rest } = config;
  return rest;
}

function validateCircuitBreaker(config: DeploymentConfiguration): void {
  const breaker = config.deploymentCircuitBreaker;
  if (breaker === undefined) return;
  if (breaker === null || typeof breaker !== "object" || typeof breaker.enable !== "boolean" || typeof breaker.rollback !== "boolean") {
    throw new InvalidParameterException("deploymentCircuitBreaker needs enable and rollback as booleans.");
  }
  const threshold = breaker.thresholdConfiguration;
  if (threshold === undefined) return;
  if (!THRESHOLD_TYPES.has(threshold?.type as string)) {
    throw new InvalidParameterException("thresholdConfiguration.type must be BOUNDED_PERCENT, UNBOUNDED_PERCENT or COUNT.");
  }
  if (!isIntegerIn(threshold.value, 1, Number.MAX_SAFE_INTEGER)) {
    throw new InvalidParameterException("thresholdConfiguration.value must be a whole number of at least 1.");
  }
}

function isIntegerIn(value: unknown, low: number, high: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= low && value <= high;
}
