import type { CapacityProviderStrategyItem, Cluster, LaunchType, NetworkConfiguration, TaskDefinition } from "@aws-sdk/client-ecs";
import { resolveLaunch, type Launch } from "../../engine/task-launcher";
import { InvalidParameterException } from "./errors";

/** Checks shared by RunTask, CreateService and UpdateService about where tasks will run. */
export interface LaunchInput {
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  networkConfiguration?: NetworkConfiguration;
}

const LAUNCH_TYPES = new Set(["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"]);

export function validateLaunch(cluster: Cluster, taskDefinition: TaskDefinition, input: LaunchInput): Launch {
  if (input.launchType !== undefined && !LAUNCH_TYPES.has(input.launchType)) {
    throw new InvalidParameterException(`launchType ${String(input.launchType)} is not valid.`);
  }
  if (input.launchType && input.capacityProviderStrategy?.length) {
    throw new InvalidParameterException(
      "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.",
    );
  }
  validateStrategy(cluster, input.capacityProviderStrategy);
  const launch = resolveLaunch(cluster, input);
  if (launch.launchType === "FARGATE") {
    const compatible = taskDefinition.requiresCompatibilities?.includes("FARGATE") || taskDefinition.compatibilities?.includes("FARGATE");
    if (!compatible) throw new InvalidParameterException("Task definition does not support launch_type FARGATE.");
  }
  if (taskDefinition.networkMode === "awsvpc") {
    const subnets = input.networkConfiguration?.awsvpcConfiguration?.subnets;
    if (!Array.isArray(subnets) || subnets.length === 0) {
      throw new InvalidParameterException("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }
    if (subnets.length > 16) throw new InvalidParameterException("At most 16 subnets can be specified.");
  } else if (input.networkConfiguration?.awsvpcConfiguration !== undefined) {
    throw new InvalidParameterException("Network Configuration is not valid for the given networkMode of this task definition.");
  }
  return launch;
}

function validateStrategy(cluster: Cluster, strategy: CapacityProviderStrategyItem[] | undefined): void {
  if (strategy === undefined) return;
  if (!Array.isArray(strategy)) throw new InvalidParameterException("capacityProviderStrategy must be a list.");
  if (strategy.length > 20) throw new InvalidParameterException("A capacity provider strategy can contain at most 20 capacity providers.");
  let withBase = 0;
  for (const item of strategy) {
    if (!cluster.capacityProviders?.includes(item?.capacityProvider ?? "")) {
      throw new InvalidParameterException(
        "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.",
      );
    }
    const weight = item.weight ?? 0;
    const base = item.base ?? 0;
    if (!Number.isInteger(weight) || weight < 0 || weight > 1000) throw new InvalidParameterException("Capacity provider weight must be between 0 and 1000.");
    if (!Number.isInteger(base) || base < 0 || base > 100000) throw new InvalidParameterException("Capacity provider base must be between 0 and 100000.");
    if (base > 0) withBase++;
  }
  if (withBase > 1) throw new InvalidParameterException("Only one capacity provider in a strategy can have a base defined.");
  if (strategy.length > 0 && strategy.every((item) => (item.weight ?? 0) === 0)) {
    throw new InvalidParameterException("At least one capacity provider in a strategy must have a weight greater than zero.");
  }
}
