import type { ContainerDefinition, CreateServiceCommandInput, RegisterTaskDefinitionCommandInput, Secret, Tag } from "@aws-sdk/client-ecs";

/**
 * The demo's three applications and what they register: Fargate task definitions with real
 * images' names, port mappings, environment, logs, roles and container health checks.
 */
export const ACCOUNT = "000000000000";

export interface AppFamily {
  family: string;
  image: string;
  /** One task definition revision per version, oldest first. */
  versions: string[];
  /** What changed in a version, as a release note says it; registered as the revision's change note. */
  notes: Record<string, string>;
  cpu: string;
  memory: string;
  port?: number;
  healthPath?: string;
  environment: Record<string, string>;
  /** Environment variables ECS fills from Secrets Manager or Parameter Store when a task starts. */
  secrets?: Secret[];
}

export const WEB: AppFamily = {
  family: "web",
  image: "public.ecr.aws/slipway/web",
  versions: ["1.3.0", "1.4.0", "1.4.1", "1.4.2", "1.5.0-rc.1"],
  notes: {
    "1.3.0": "Checkout page rewritten",
    "1.4.0": "Saved carts; health check on /health",
    "1.4.1": "Fix: session cookie lost after sign-in on Safari",
    "1.4.2": "Fix: price rounding in the basket",
    "1.5.0-rc.1": "Release candidate: new product search",
  },
  cpu: "256",
  memory: "512",
  port: 8080,
  healthPath: "/health",
  // SESSION_SECRET: a value a dashboard must not show to everyone.
  environment: { NODE_ENV: "production", API_URL: "http://api.demo.internal:9000", LOG_LEVEL: "info", SESSION_SECRET: "demo-session-9f2c4e7a1b" },
};

export const API: AppFamily = {
  family: "api",
  image: "public.ecr.aws/slipway/api",
  versions: ["2.7.0", "2.8.0", "2.8.1"],
  notes: { "2.7.0": "Orders API v2", "2.8.0": "Faster order lookups through the new index", "2.8.1": "Fix: timeout talking to the payment provider" },
  cpu: "512",
  memory: "1024",
  port: 9000,
  healthPath: "/health",
  environment: { DATABASE_HOST: "demo-db.cluster-c9akciq32.us-east-1.rds.amazonaws.com", DATABASE_NAME: "slipway_demo", LOG_LEVEL: "info" },
  secrets: [{ name: "DATABASE_PASSWORD", valueFrom: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:demo/db-password-AbCdEf` }],
};

export const WORKER: AppFamily = {
  family: "worker",
  image: "public.ecr.aws/slipway/worker",
  versions: ["0.9.3", "1.0.0"],
  notes: { "0.9.3": "Retry failed e-mails", "1.0.0": "First stable release: jobs run in parallel (CONCURRENCY)" },
  cpu: "256",
  memory: "1024",
  environment: { QUEUE_URL: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/demo-jobs`, CONCURRENCY: "4" },
};

export const SUBNETS = ["subnet-0a1f3c5e7b9d24681", "subnet-0b2e4d6f8a1c35792"];
export const SECURITY_GROUP = "sg-0c3d5e7f9a1b24680";

export const NETWORK: CreateServiceCommandInput["networkConfiguration"] = {
  awsvpcConfiguration: { subnets: SUBNETS, securityGroups: [SECURITY_GROUP], assignPublicIp: "DISABLED" },
};

/** The tag Slipway keeps a revision's change note in. */
const CHANGE_NOTE_TAG = "slipway:change-note";

export function tags(values: Record<string, string>): Tag[] {
  return Object.entries(values).map(([key, value]) => ({ key, value }));
}

function containerFor(app: AppFamily, version: string, region: string): ContainerDefinition {
  return {
    name: app.family,
    image: `${app.image}:${version}`,
    essential: true,
    portMappings: app.port ? [{ containerPort: app.port, protocol: "tcp", name: `${app.family}-http`, appProtocol: "http" }] : undefined,
    environment: Object.entries({ ...app.environment, APP_VERSION: version }).map(([name, value]) => ({ name, value })),
    secrets: app.secrets,
    healthCheck: app.healthPath
      ? { command: ["CMD-SHELL", `curl -fsS http://localhost:${app.port}${app.healthPath} || exit 1`], interval: 10, timeout: 5, retries: 3, startPeriod: 10 }
      : undefined,
    logConfiguration: {
      logDriver: "awslogs",
      options: { "awslogs-group": `/ecs/${app.family}`, "awslogs-region": region, "awslogs-stream-prefix": app.family },
    },
  };
}

export function taskDefinitionFor(app: AppFamily, version: string, region: string): RegisterTaskDefinitionCommandInput {
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
    tags: tags({ app: app.family, version, ...(app.notes[version] ? { [CHANGE_NOTE_TAG]: app.notes[version] } : {}) }),
  };
}
