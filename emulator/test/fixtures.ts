import {
  CreateClusterCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  RegisterTaskDefinitionCommand,
  type ECSClient,
  type KeyValuePair,
  type Service,
  type ServiceDeployment,
  type Task,
} from "@aws-sdk/client-ecs";

/** Small builders shared by the emulator's black-box tests. */
export const NETWORK = { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"], assignPublicIp: "ENABLED" as const } };

export async function createFargateCluster(ecs: ECSClient, clusterName: string): Promise<void> {
  await ecs.send(
    new CreateClusterCommand({
      clusterName,
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }],
    }),
  );
}

/** Registers a one-container web app, by default with a fast container health check; returns its ARN. */
export async function registerWebApp(
  ecs: ECSClient,
  family: string,
  image: string,
  environment: KeyValuePair[] = [],
  options: { containerHealthCheck?: boolean } = {},
): Promise<string> {
  const result = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      cpu: "256",
      memory: "512",
      containerDefinitions: [
        {
          name: "app",
          image,
          essential: true,
          portMappings: [{ containerPort: 8080, protocol: "tcp" }],
          environment,
          healthCheck: options.containerHealthCheck === false
            ? undefined
            : { command: ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], interval: 5, timeout: 2, retries: 2 },
        },
      ],
    }),
  );
  return result.taskDefinition!.taskDefinitionArn!;
}

export async function describeService(ecs: ECSClient, cluster: string, service: string): Promise<Service> {
  const result = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  return result.services![0];
}

/** Polls `probe` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

export async function waitForSteadyState(ecs: ECSClient, cluster: string, service: string, timeoutMs = 30_000): Promise<Service> {
  return waitFor(`${service} to reach a steady state`, async () => {
    const described = await describeService(ecs, cluster, service);
    const primary = described.deployments?.[0];
    const steady = described.deployments?.length === 1 && primary?.rolloutState === "COMPLETED" && described.runningCount === described.desiredCount;
    return steady ? described : undefined;
  }, timeoutMs);
}

/** The error `call` fails with; fails the test when the call succeeds. */
export async function awsError(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

export async function describeTask(ecs: ECSClient, cluster: string, task: string): Promise<Task> {
  const result = await ecs.send(new DescribeTasksCommand({ cluster, tasks: [task] }));
  return result.tasks![0];
}

export async function waitForTaskStatus(ecs: ECSClient, cluster: string, task: string, lastStatus: string, timeoutMs = 30_000): Promise<Task> {
  return waitFor(`task ${task} to be ${lastStatus}`, async () => {
    const described = await describeTask(ecs, cluster, task);
    return described.lastStatus === lastStatus ? described : undefined;
  }, timeoutMs);
}

export async function describeServiceDeployment(ecs: ECSClient, arn: string): Promise<ServiceDeployment> {
  return (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];
}

/** What a task's first port mapping answers on `path`, as JSON; rejects when nothing listens there. */
export async function fetchFromTask(task: Task, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const binding = task.containers?.[0]?.networkBindings?.[0];
  if (!binding) throw new Error(`task ${task.taskArn} has no network binding`);
  const response = await fetch(`http://${binding.bindIP}:${binding.hostPort}${path}`, { headers: { accept: "application/json" } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A raw AWS JSON 1.1 call, for inputs the SDK's types would not let through. */
export async function postEcsJson(endpoint: string, operation: string, body: unknown): Promise<{ status: number; type: string }> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "x-amz-target": `AmazonEC2ContainerServiceV20141113.${operation}`, "content-type": "application/x-amz-json-1.1" },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as { __type?: string };
  return { status: response.status, type: parsed.__type ?? "" };
}
