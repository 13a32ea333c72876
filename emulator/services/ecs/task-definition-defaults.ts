import type { Attribute, Compatibility, ContainerDefinition, HealthCheck, NetworkMode, PortMapping, TaskDefinition } from "@aws-sdk/client-ecs";
import type { ValidatedRegistration } from "./task-definition-validation";

/**
 * Turns a validated RegisterTaskDefinition request into the TaskDefinition ECS stores: the
 * members ECS fills in (status, compatibilities, requiresAttributes, registeredAt/By) and
 * the defaults it applies to containers, so DescribeTaskDefinition reads like ECS's.
 */
export interface Registration {
  taskDefinitionArn: string;
  revision: number;
  registeredAt: Date;
  registeredBy: string;
}

export function buildTaskDefinition(validated: ValidatedRegistration, registration: Registration): TaskDefinition {
  const { request, networkMode } = validated;
  const containerDefinitions = validated.containers.map((container) => withContainerDefaults(container, networkMode));
  return {
    taskDefinitionArn: registration.taskDefinitionArn,
    containerDefinitions,
    family: validated.family,
    taskRoleArn: request.taskRoleArn,
    executionRoleArn: request.executionRoleArn,
    networkMode,
    revision: registration.revision,
    volumes: request.volumes ?? [],
    status: "ACTIVE",
    requiresAttributes: requiredAttributes(validated, containerDefinitions),
    placementConstraints: request.placementConstraints ?? [],
    compatibilities: compatibilitiesOf(validated),
    runtimePlatform: request.runtimePlatform,
    requiresCompatibilities: request.requiresCompatibilities ? validated.requiresCompatibilities : undefined,
    // ECS stores "1 vCPU" / "2 GB" as the CPU units and MiB they stand for.
    cpu: validated.cpu?.toString(),
    memory: validated.memory?.toString(),
    inferenceAccelerators: request.inferenceAccelerators,
    pidMode: request.pidMode,
    ipcMode: request.ipcMode,
    proxyConfiguration: request.proxyConfiguration,
    registeredAt: registration.registeredAt,
    registeredBy: registration.registeredBy,
    ephemeralStorage: request.ephemeralStorage,
    enableFaultInjection: request.enableFaultInjection,
  };
}

function withContainerDefaults(container: ContainerDefinition, networkMode: NetworkMode): ContainerDefinition {
  return {
    ...container,
    cpu: container.cpu ?? 0,
    essential: container.essential ?? true,
    portMappings: (container.portMappings ?? []).map((mapping) => withPortDefaults(mapping, networkMode)),
    environment: container.environment ?? [],
    mountPoints: container.mountPoints ?? [],
    volumesFrom: container.volumesFrom ?? [],
    systemControls: container.systemControls ?? [],
    healthCheck: container.healthCheck && withHealthCheckDefaults(container.healthCheck),
  };
}

/** awsvpc and host tasks listen on the container port itself, so ECS records it as the host port. */
function withPortDefaults(mapping: PortMapping, networkMode: NetworkMode): PortMapping {
  const sharedNamespace = networkMode === "awsvpc" || networkMode === "host";
  const hostPort = sharedNamespace && mapping.containerPort !== undefined ? mapping.containerPort : mapping.hostPort;
  return { ...mapping, hostPort, protocol: mapping.protocol ?? "tcp" };
}

function withHealthCheckDefaults(healthCheck: HealthCheck): HealthCheck {
  return {
    ...healthCheck,
    interval: healthCheck.interval ?? 30,
    timeout: healthCheck.timeout ?? 5,
    retries: healthCheck.retries ?? 3,
    startPeriod: healthCheck.startPeriod ?? 0,
  };
}

/** EC2 always; FARGATE when the definition meets Fargate's rules; the rest only when asked for. */
function compatibilitiesOf(validated: ValidatedRegistration): Compatibility[] {
  const compatibilities: Compatibility[] = ["EC2"];
  if (validated.fargateCompatible) compatibilities.push("FARGATE");
  for (const other of ["EXTERNAL", "MANAGED_INSTANCES"] as const) {
    if (validated.requiresCompatibilities.includes(other)) compatibilities.push(other);
  }
  return compatibilities;
}

const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

/** The container-agent capabilities ECS derives from what a definition uses. */
function requiredAttributes(validated: ValidatedRegistration, containers: ContainerDefinition[]): Attribute[] {
  const { request, networkMode } = validated;
  const names = new Set<string>();
  if (networkMode === "awsvpc") names.add("ecs.capability.task-eni");
  if (request.taskRoleArn) names.add("com.amazonaws.ecs.capability.task-iam-role");
  for (const container of containers) {
    for (const name of containerAttributes(container, request.executionRoleArn)) names.add(name);
  }
  return [...names].map((name) => ({ name }));
}

function containerAttributes(container: ContainerDefinition, executionRoleArn: string | undefined): string[] {
  const names: string[] = [];
  const driver = container.logConfiguration?.logDriver;
  if (driver) names.push(`com.amazonaws.ecs.capability.logging-driver.${driver}`);
  if (driver === "awslogs") {
    names.push("com.amazonaws.ecs.capability.docker-remote-api.1.19");
    if (executionRoleArn) names.push("ecs.capability.execution-role-awslogs");
  }
  if (container.memoryReservation !== undefined) names.push("com.amazonaws.ecs.capability.docker-remote-api.1.21");
  if (container.healthCheck) names.push("ecs.capability.container-health-check");
  if (container.dependsOn?.length) names.push("ecs.capability.container-ordering");
  for (const secret of container.secrets ?? []) {
    const store = secret.valueFrom?.includes(":secretsmanager:") ? "asm" : "ssm";
    names.push(`ecs.capability.secrets.${store}.environment-variables`);
  }
  if (executionRoleArn && ECR_IMAGE.test(container.image ?? "")) {
    names.push("com.amazonaws.ecs.capability.ecr-auth", "ecs.capability.execution-role-ecr-pull");
  }
  return names;
}
