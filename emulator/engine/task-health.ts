import type { ContainerDefinition, HealthStatus, Task, TaskDefinition } from "@aws-sdk/client-ecs";
import { TASK_TIMING } from "./lifecycle-timing";

/** Container health checks that are switched on (a NONE command switches one off). */
export function hasHealthCheck(container: ContainerDefinition | undefined): boolean {
  const command = container?.healthCheck?.command;
  return Array.isArray(command) && command.length > 0 && command[0] !== "NONE";
}

export function essentialContainers(definition: TaskDefinition): ContainerDefinition[] {
  return (definition.containerDefinitions ?? []).filter((c) => c.essential !== false);
}

/** Task health from its essential containers: UNHEALTHY over UNKNOWN over HEALTHY (spec §6). */
export function taskHealthStatus(task: Task, definition: TaskDefinition): HealthStatus {
  const checked = essentialContainers(definition).filter(hasHealthCheck).map((c) => c.name);
  if (checked.length === 0) return "UNKNOWN";
  const statuses = (task.containers ?? []).filter((c) => checked.includes(c.name)).map((c) => c.healthStatus ?? "UNKNOWN");
  if (statuses.includes("UNHEALTHY")) return "UNHEALTHY";
  if (statuses.includes("UNKNOWN")) return "UNKNOWN";
  return "HEALTHY";
}

/**
 * Healthy as a deployment counts it (spec §2): RUNNING, and every checked essential container
 * passes. With no checks, a task behind a load balancer is judged by its targets alone (the
 * caller checks those); any other task counts as healthy 40 s after it started.
 */
export function isTaskHealthy(task: Task, definition: TaskDefinition, nowMs: number, behindLoadBalancer = false): boolean {
  if (task.lastStatus !== "RUNNING" || task.desiredStatus !== "RUNNING") return false;
  if (essentialContainers(definition).some(hasHealthCheck)) return task.healthStatus === "HEALTHY";
  if (behindLoadBalancer) return true;
  const startedAt = task.startedAt?.getTime() ?? Infinity;
  return nowMs >= startedAt + TASK_TIMING.healthyWithoutChecksAfter;
}
