import type {
  CapacityProviderStrategyItem,
  DeploymentConfiguration,
  DeploymentController,
  DeploymentStrategy,
  LaunchType,
} from "@aws-sdk/client-ecs";

/** How a service deploys and where its tasks run, in the few words a table cell has room for. */

/** ECS's default when a service names no strategy. */
export function deploymentStrategy(configuration: DeploymentConfiguration | undefined): DeploymentStrategy {
  return configuration?.strategy ?? "ROLLING";
}

/** A PAUSE lifecycle hook is where a deployment waits for a person to continue or roll back. */
export function pausesForApproval(configuration: DeploymentConfiguration | undefined): boolean {
  return (configuration?.lifecycleHooks ?? []).some((hook) => hook.targetType === "PAUSE");
}

function strategyWords(configuration: DeploymentConfiguration | undefined): string {
  switch (deploymentStrategy(configuration)) {
    case "BLUE_GREEN":
      return "Blue/green";
    case "CANARY": {
      const percent = configuration?.canaryConfiguration?.canaryPercent;
      return percent === undefined ? "Canary" : `Canary ${percent} %`;
    }
    case "LINEAR": {
      const step = configuration?.linearConfiguration?.stepPercent;
      return step === undefined ? "Linear" : `Linear, ${step} % steps`;
    }
    default:
      return "Rolling";
  }
}

/** "Rolling", "Canary 10 % with approval", "CodeDeploy"… Other controllers deploy outside ECS's strategies. */
export function deploymentStrategyLabel(configuration: DeploymentConfiguration | undefined, controller?: DeploymentController): string {
  if (controller?.type === "CODE_DEPLOY") return "CodeDeploy";
  if (controller?.type === "EXTERNAL") return "External";
  const words = strategyWords(configuration);
  return pausesForApproval(configuration) ? `${words} with approval` : words;
}

/** "FARGATE (weight 1, base 2) + FARGATE_SPOT (weight 3)"; a launch type when there is no strategy. */
export function capacityStrategyLabel(strategy: readonly CapacityProviderStrategyItem[] | undefined, launchType?: LaunchType): string {
  if (!strategy?.length) return launchType ?? "None";
  return strategy
    .map((item) => {
      const base = item.base ? `, base ${item.base}` : "";
      return `${item.capacityProvider} (weight ${item.weight ?? 0}${base})`;
    })
    .join(" + ");
}
