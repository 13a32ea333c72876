import type { ContainerDefinition, HealthCheck, NetworkMode } from "@aws-sdk/client-ecs";
import { ClientException } from "./errors";
import { validatePortMappings } from "./task-definition-port-validation";

/**
 * Container rules of RegisterTaskDefinition, with ECS's own messages where they are known
 * ("Container.name should not be null or empty.", "Task definition doesn't have any essential
 * container.", ...). Input members already have the JSON types the model gives them.
 */
export interface TaskContext {
  networkMode: NetworkMode;
  /** Task-level cpu in CPU units and memory in MiB, when given. */
  cpu?: number;
  memory?: number;
  volumeNames: ReadonlySet<string>;
}

export const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const MAX_NAME_LENGTH = 255;
const MAX_CONTAINERS = 10;
/** Docker's smallest memory limit; ECS documents it as the floor for container memory. */
const MIN_CONTAINER_MEMORY_MIB = 6;
const LOG_DRIVERS = ["awsfirelens", "awslogs", "fluentd", "gelf", "journald", "json-file", "splunk", "syslog"];
const CONDITIONS = ["START", "COMPLETE", "SUCCESS", "HEALTHY"];

export function validateContainers(containers: ContainerDefinition[] | undefined, task: TaskContext): ContainerDefinition[] {
  if (!containers || containers.length === 0) throw new ClientException("Container list cannot be empty.");
  if (containers.length > MAX_CONTAINERS) throw new ClientException("Too many containers.");
  for (const container of containers) validateContainer(container, task);
  validateNamesAndEssential(containers);
  validateReferences(containers);
  validatePortMappings(containers, task.networkMode);
  validateTaskTotals(containers, task);
  return containers;
}

export function isEssential(container: ContainerDefinition): boolean {
  return container.essential !== false;
}

function validateContainer(container: ContainerDefinition, task: TaskContext): void {
  const name = container.name;
  if (name === undefined || name === "") throw new ClientException("Container.name should not be null or empty.");
  if (name.length > MAX_NAME_LENGTH) throw new ClientException("Container.name must be at most 255 characters.");
  if (!NAME_PATTERN.test(name)) throw new ClientException("Container.name contains invalid characters.");
  if (container.image === undefined || container.image.trim() === "") {
    throw new ClientException("Container.image should not be null or empty.");
  }
  validateResources(container, name, task);
  validateEnvironment(container, name);
  if (container.healthCheck) validateHealthCheck(container.healthCheck, name);
  validateLogConfiguration(container, name);
  for (const setting of ["startTimeout", "stopTimeout"] as const) {
    const seconds = container[setting];
    if (seconds !== undefined && seconds < 0) throw invalidSetting(setting, name);
  }
  for (const mount of container.mountPoints ?? []) {
    if (mount.sourceVolume === undefined || !task.volumeNames.has(mount.sourceVolume)) {
      throw new ClientException(`Container '${name}' mounts volume '${mount.sourceVolume ?? ""}', which is not defined in the task definition.`);
    }
  }
}

function validateResources(container: ContainerDefinition, name: string, task: TaskContext): void {
  const { cpu, memory, memoryReservation } = container;
  if (cpu !== undefined && cpu < 0) throw invalidSetting("cpu", name);
  for (const [setting, mib] of [["memory", memory], ["memoryReservation", memoryReservation]] as const) {
    if (mib !== undefined && mib < MIN_CONTAINER_MEMORY_MIB) {
      throw new ClientException(`Invalid '${setting}' setting for container '${name}'. The minimum is ${MIN_CONTAINER_MEMORY_MIB} MiB.`);
    }
    if (mib !== undefined && task.memory !== undefined && mib > task.memory) {
      throw new ClientException(`The '${setting}' setting for container '${name}' is greater than for the task.`);
    }
  }
  if (memory !== undefined && memoryReservation !== undefined && memoryReservation > memory) {
    throw new ClientException(`Invalid setting for container '${name}'. 'memory' must be greater than or equal to 'memoryReservation'.`);
  }
  if (task.memory === undefined && memory === undefined && memoryReservation === undefined) {
    throw new ClientException(`Invalid setting for container '${name}'. At least one of 'memory' or 'memoryReservation' must be specified.`);
  }
}

function validateEnvironment(container: ContainerDefinition, name: string): void {
  for (const variable of container.environment ?? []) {
    if (!variable.name) {
      throw new ClientException(`Invalid 'environment' setting for container '${name}'. Every variable needs a non-empty 'name'.`);
    }
  }
  for (const secret of container.secrets ?? []) {
    if (!secret.name || !secret.valueFrom) {
      throw new ClientException(`Invalid 'secrets' setting for container '${name}'. Every secret needs a 'name' and a 'valueFrom'.`);
    }
  }
}

/** Ranges are the ones the ECS model documents for HealthCheck. */
const HEALTH_CHECK_RANGES = {
  interval: [5, 300],
  timeout: [2, 60],
  retries: [1, 10],
  startPeriod: [0, 300],
} as const;

function validateHealthCheck(healthCheck: HealthCheck, name: string): void {
  const command = healthCheck.command ?? [];
  const invalid = (why: string) => new ClientException(`Invalid 'healthCheck' setting for container '${name}'. ${why}`);
  if (command.length === 0) throw invalid("'command' should not be null or empty.");
  const [kind, ...args] = command;
  if (kind !== "CMD" && kind !== "CMD-SHELL" && kind !== "NONE") {
    throw invalid("'command' must start with CMD, CMD-SHELL or NONE.");
  }
  if (kind !== "NONE" && args.every((arg) => arg.trim() === "")) throw invalid(`'command' needs a command to run after ${kind}.`);
  for (const [setting, [min, max]] of Object.entries(HEALTH_CHECK_RANGES)) {
    const value = healthCheck[setting as keyof typeof HEALTH_CHECK_RANGES];
    if (value !== undefined && (value < min || value > max)) {
      throw invalid(`'${setting}' must be between ${min} and ${max}.`);
    }
  }
}

function validateLogConfiguration(container: ContainerDefinition, name: string): void {
  const log = container.logConfiguration;
  if (!log) return;
  if (!log.logDriver) {
    throw new ClientException(`Invalid 'logConfiguration' setting for container '${name}'. 'logDriver' should not be null or empty.`);
  }
  if (!LOG_DRIVERS.includes(log.logDriver)) {
    throw new ClientException(
      `Invalid 'logConfiguration' setting for container '${name}'. Log driver '${log.logDriver}' is not supported; valid drivers are ${LOG_DRIVERS.join(", ")}.`,
    );
  }
}

function validateNamesAndEssential(containers: ContainerDefinition[]): void {
  const names = new Set(containers.map((container) => container.name));
  if (names.size !== containers.length) throw new ClientException("Container names must be unique within a Task Definition.");
  if (!containers.some(isEssential)) throw new ClientException("Task definition doesn't have any essential container.");
}

/** dependsOn and volumesFrom must name other containers of the same task definition. */
function validateReferences(containers: ContainerDefinition[]): void {
  const byName = new Map(containers.map((container) => [container.name!, container]));
  for (const container of containers) {
    const name = container.name!;
    for (const dependency of container.dependsOn ?? []) {
      const target = dependency.containerName === name ? undefined : byName.get(dependency.containerName ?? "");
      if (!target) {
        throw new ClientException(`Container '${name}' depends on '${dependency.containerName ?? ""}', which is not another container of this task definition.`);
      }
      validateDependencyCondition(dependency.condition, name, target);
    }
    for (const source of container.volumesFrom ?? []) {
      if (source.sourceContainer === name || !byName.has(source.sourceContainer ?? "")) {
        throw new ClientException(`Container '${name}' takes volumes from '${source.sourceContainer ?? ""}', which is not another container of this task definition.`);
      }
    }
  }
}

function validateDependencyCondition(condition: string | undefined, name: string, target: ContainerDefinition): void {
  if (condition === undefined || !CONDITIONS.includes(condition)) {
    throw new ClientException(`Invalid 'dependsOn' setting for container '${name}'. 'condition' must be one of ${CONDITIONS.join(", ")}.`);
  }
  if ((condition === "SUCCESS" || condition === "COMPLETE") && isEssential(target)) {
    throw new ClientException("A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
  }
  if (condition === "HEALTHY" && !target.healthCheck) {
    throw new ClientException(`Container '${name}' waits for '${target.name}' to be HEALTHY, but '${target.name}' has no healthCheck.`);
  }
}

/** Containers share the task's cpu and memory when the task sets them. */
function validateTaskTotals(containers: ContainerDefinition[], task: TaskContext): void {
  if (task.cpu !== undefined) {
    const cpu = containers.reduce((sum, container) => sum + (container.cpu ?? 0), 0);
    if (cpu > task.cpu) {
      throw new ClientException(`The total 'cpu' of all containers (${cpu}) is greater than for the task (${task.cpu}).`);
    }
  }
  if (task.memory !== undefined) {
    const reserved = containers.reduce((sum, c) => sum + (c.memoryReservation ?? c.memory ?? 0), 0);
    if (reserved > task.memory) {
      throw new ClientException(`The memory reserved by all containers (${reserved} MiB) is greater than for the task (${task.memory} MiB).`);
    }
  }
}

function invalidSetting(setting: string, container: string): ClientException {
  return new ClientException(`Invalid '${setting}' setting for container '${container}'.`);
}
