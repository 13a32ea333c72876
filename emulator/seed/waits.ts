import { DescribeServiceDeploymentsCommand, DescribeServicesCommand, type ECSClient, type ServiceDeployment } from "@aws-sdk/client-ecs";

/**
 * What the seed waits for, read through the ECS API as a script with the AWS CLI would:
 * services stable, a deployment paused for approval, a deployment finished.
 */
/** Real time; at time scale 1 the whole seed takes a minute or two, so this only catches a stuck one. */
const WAIT_LIMIT_MS = 10 * 60_000;
const POLL_INTERVAL_MS = 250;
const ENDED = new Set(["SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED"]);

async function poll<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${WAIT_LIMIT_MS / 60_000} minutes`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Stable as `aws ecs wait services-stable` means it: one deployment, all tasks running. */
export async function waitUntilStable(ecs: ECSClient, cluster: string, services: string[]): Promise<void> {
  await poll(`the demo services ${services.join(", ")} becoming stable`, async () => {
    const described = await ecs.send(new DescribeServicesCommand({ cluster, services }));
    const failed = described.services?.find((s) => s.deployments?.some((d) => d.rolloutState === "FAILED"));
    if (failed) throw new Error(`the demo service ${failed.serviceName} failed a rollout: ${failed.deployments?.[0].rolloutStateReason ?? "no reason given"}`);
    const unstable = (described.services ?? []).filter(
      (s) => s.deployments?.length !== 1 || s.deployments[0].rolloutState === "IN_PROGRESS" || s.runningCount !== s.desiredCount,
    );
    return unstable.length === 0 && (described.failures ?? []).length === 0 ? true : undefined;
  });
}

async function describeServiceDeployment(ecs: ECSClient, arn: string): Promise<ServiceDeployment> {
  const { serviceDeployments } = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }));
  const deployment = serviceDeployments?.[0];
  if (!deployment) throw new Error(`the service deployment ${arn} is missing`);
  return deployment;
}

/** The id of the next PAUSE hook awaiting a decision, other than those already decided. */
export async function waitForPause(ecs: ECSClient, arn: string, decided: string[] = []): Promise<string> {
  return poll("a pause for approval", async () => {
    const deployment = await describeServiceDeployment(ecs, arn);
    if (ENDED.has(deployment.status ?? "")) throw new Error(`a demo deployment ended ${deployment.status} before pausing: ${deployment.statusReason ?? "no reason given"}`);
    return deployment.lifecycleHookDetails?.find((hook) => hook.status === "AWAITING_ACTION" && !decided.includes(hook.hookId ?? ""))?.hookId;
  });
}

export async function waitForSuccess(ecs: ECSClient, arn: string): Promise<void> {
  await poll("a demo deployment finishing", async () => {
    const deployment = await describeServiceDeployment(ecs, arn);
    if (deployment.status === "SUCCESSFUL") return true;
    if (ENDED.has(deployment.status ?? "")) throw new Error(`a demo deployment ended ${deployment.status}: ${deployment.statusReason ?? "no reason given"}`);
    return undefined;
  });
}
