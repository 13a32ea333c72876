import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type ContainerDefinition,
  type CreateServiceCommandInput,
  type RegisterTaskDefinitionCommandInput,
  type Tag,
} from "@aws-sdk/client-ecs";

/**
 * A believable demo account, built only through the public ECS API so that it is exactly what
 * a user with the AWS CLI could have built: two clusters, three application families with a
 * few revisions each, four services, and services updated once so that they have history.
 */
const ACCOUNT = "000000000000";
const DEMO_CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };
/** How long to wait, in real time, for the first rollouts before updating them. */
const STABLE_DEADLINE_MS = 10 * 60_000;
const POLL_INTERVAL_MS = 250;

interface AppFamily {
  family: string;
  image: string;
  /** One task definition revision per version, oldest first. */
  versions: string[];
  cpu: string;
  memory: string;
  port?: number;
  healthPath?: string;
  environment: Record<string, string>;
}

const WEB: AppFamily = {
  family: "web",
  image: "public.ecr.aws/slipway/web",
  versions: ["1.3.0", "1.4.0", "1.4.1", "1.4.2", "1.5.0-rc.1"],
  cpu: "256",
  memory: "512",
  port: 8080,
  healthPath: "/health",
  environment: { NODE_ENV: "production", API_URL: "http://api.demo.internal:9000", LOG_LEVEL: "info" },
};

const API: AppFamily = {
  family: "api",
  image: "public.ecr.aws/slipway/api",
  versions: ["2.7.0", "2.8.0", "2.8.1"],
  cpu: "512",
  memory: "1024",
  port: 9000,
  healthPath: "/health",
  environment: { DATABASE_HOST: "demo-db.cluster-c9akciq32.us-east-1.rds.amazonaws.com", DATABASE_NAME: "slipway_demo", LOG_LEVEL: "info" },
};

const WORKER: AppFamily = {
  family: "worker",
  image: "public.ecr.aws/slipway/worker",
  versions: ["0.9.3", "1.0.0"],
  cpu: "256",
  memory: "1024",
  environment: { QUEUE_URL: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/demo-jobs`, CONCURRENCY: "4" },
};

const NETWORK: CreateServiceCommandInput["networkConfiguration"] = {
  awsvpcConfiguration: {
    subnets: ["subnet-0a1f3c5e7b9d24681", "subnet-0b2e4d6f8a1c35792"],
    securityGroups: ["sg-0c3d5e7f9a1b24680"],
    assignPublicIp: "DISABLED",
  },
};

function tags(values: Record<string, string>): Tag[] {
  return Object.entries(values).map(([key, value]) => ({ key, value }));
}

function containerFor(app: AppFamily, version: string, region: string): ContainerDefinition {
  return {
    name: app.family,
    image: `${app.image}:${version}`,
    essential: true,
    portMappings: app.port ? [{ containerPort: app.port, protocol: "tcp", name: `${app.family}-http`, appProtocol: "http" }] : undefined,
    environment: Object.entries({ ...app.environment, APP_VERSION: version }).map(([name, value]) => ({ name, value })),
    healthCheck: app.healthPath
      ? { command: ["CMD-SHELL", `curl -fsS http://localhost:${app.port}${app.healthPath} || exit 1`], interval: 30, timeout: 5, retries: 3, startPeriod: 10 }
      : undefined,
    logConfiguration: {
      logDriver: "awslogs",
      options: { "awslogs-group": `/ecs/${app.family}`, "awslogs-region": region, "awslogs-stream-prefix": app.family },
    },
  };
}

function taskDefinitionFor(app: AppFamily, version: string, region: string): RegisterTaskDefinitionCommandInput {
  return {
    family: app.family,
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: app.cpu,
    memory: app.memory,
    runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/${app.family}-task`,
    containerDefinitions: [containerFor(app, version, region)],
    tags: tags({ app: app.family, version }),
  };
}

function serviceFor(cluster: string, app: AppFamily, revision: number, desiredCount: number): CreateServiceCommandInput {
  return {
    cluster,
    serviceName: app.family,
    taskDefinition: `${app.family}:${revision}`,
    desiredCount,
    networkConfiguration: NETWORK,
    deploymentConfiguration: {
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    propagateTags: "SERVICE",
    enableECSManagedTags: true,
    tags: tags({ app: app.family, environment: cluster, team: "platform" }),
  };
}

export interface SeedOptions {
  /** The region to sign requests for; local ECS builds its ARNs in it. */
  region?: string;
}

export async function seedDemo(endpoint: string, options: SeedOptions = {}): Promise<void> {
  const region = options.region ?? "us-east-1";
  const ecs = new ECSClient({ endpoint, region, credentials: DEMO_CREDENTIALS });
  try {
    if (await alreadySeeded(ecs)) return;
    await createClusters(ecs);
    // Revisions are numbered in registration order, so families register one version at a time.
    for (const app of [WEB, API, WORKER]) {
      for (const version of app.versions) await ecs.send(new RegisterTaskDefinitionCommand(taskDefinitionFor(app, version, region)));
    }
    // web and api start one release behind, then roll forward: their history shows both.
    await Promise.all([
      ecs.send(new CreateServiceCommand(serviceFor("demo", WEB, 3, 3))),
      ecs.send(new CreateServiceCommand(serviceFor("demo", API, 2, 2))),
      ecs.send(new CreateServiceCommand(serviceFor("demo", WORKER, 2, 2))),
      ecs.send(new CreateServiceCommand({ ...serviceFor("staging", WEB, 5, 1), launchType: "FARGATE" })),
    ]);
    await waitUntilStable(ecs, "demo", ["web", "api"]);
    await Promise.all([
      ecs.send(new UpdateServiceCommand({ cluster: "demo", service: "web", taskDefinition: "web:4" })),
      ecs.send(new UpdateServiceCommand({ cluster: "demo", service: "api", taskDefinition: "api:3" })),
    ]);
  } finally {
    ecs.destroy();
  }
}

async function alreadySeeded(ecs: ECSClient): Promise<boolean> {
  const { clusters } = await ecs.send(new DescribeClustersCommand({ clusters: ["demo"] }));
  return clusters?.some((cluster) => cluster.status === "ACTIVE") ?? false;
}

async function createClusters(ecs: ECSClient): Promise<void> {
  await ecs.send(
    new CreateClusterCommand({
      clusterName: "demo",
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [
        { capacityProvider: "FARGATE", weight: 1 },
        { capacityProvider: "FARGATE_SPOT", weight: 1 },
      ],
      settings: [{ name: "containerInsights", value: "enabled" }],
      tags: tags({ environment: "demo", team: "platform" }),
    }),
  );
  await ecs.send(
    new CreateClusterCommand({
      clusterName: "staging",
      capacityProviders: ["FARGATE"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }],
      tags: tags({ environment: "staging", team: "platform" }),
    }),
  );
}

/** Stable as `aws ecs wait services-stable` means it: one deployment, all tasks running. */
async function waitUntilStable(ecs: ECSClient, cluster: string, services: string[]): Promise<void> {
  const deadline = Date.now() + STABLE_DEADLINE_MS;
  for (;;) {
    const described = await ecs.send(new DescribeServicesCommand({ cluster, services }));
    const failed = described.services?.find((s) => s.deployments?.some((d) => d.rolloutState === "FAILED"));
    if (failed) throw new Error(`the demo service ${failed.serviceName} failed its first rollout: ${failed.deployments?.[0].rolloutStateReason ?? "no reason given"}`);
    const unstable = (described.services ?? []).filter(
      (s) => s.deployments?.length !== 1 || s.deployments[0].rolloutState === "IN_PROGRESS" || s.runningCount !== s.desiredCount,
    );
    if (unstable.length === 0 && (described.failures ?? []).length === 0) return;
    if (Date.now() > deadline) {
      const names = unstable.map((s) => s.serviceName).join(", ");
      throw new Error(`the demo services ${names} in cluster ${cluster} did not become stable in ${STABLE_DEADLINE_MS / 60_000} minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
