import type { HealthStatus, Task, TaskStopCode } from "@aws-sdk/client-ecs";
import { taskId } from "@/lib/arn";
import { isoDate, taskDefinitionRef, type TaskDefinitionRef } from "./common";

/** A task as a row of a table: what tells tasks apart at a glance, and why one stopped. */
export interface TaskRow {
  id: string;
  arn: string;
  /** The service that started it, if a service did. */
  service?: string;
  taskDefinition?: TaskDefinitionRef;
  lastStatus?: string;
  desiredStatus?: string;
  health?: HealthStatus;
  /** Capacity provider, or launch type when there is none. */
  capacity?: string;
  availabilityZone?: string;
  createdAt?: string;
  startedAt?: string;
  stoppedAt?: string;
  stopCode?: TaskStopCode;
  stoppedReason?: string;
}

/** ECS puts a service's tasks in group "service:<name>". */
export function serviceOfGroup(group: string | undefined): string | undefined {
  return group?.startsWith("service:") ? group.slice("service:".length) : undefined;
}

export function toTaskRow(task: Task): TaskRow {
  const arn = task.taskArn ?? "";
  return {
    id: taskId(arn),
    arn,
    service: serviceOfGroup(task.group),
    taskDefinition: taskDefinitionRef(task.taskDefinitionArn),
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    health: task.healthStatus,
    capacity: task.capacityProviderName ?? task.launchType,
    availabilityZone: task.availabilityZone,
    createdAt: isoDate(task.createdAt),
    startedAt: isoDate(task.startedAt),
    stoppedAt: isoDate(task.stoppedAt),
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
  };
}

/** Newest first: creation time, then ARN so that equal times keep one order between polls. */
export function byNewest(a: TaskRow, b: TaskRow): number {
  return (b.createdAt ?? "").localeCompare(a.createdAt ?? "") || a.arn.localeCompare(b.arn);
}

/** The tasks of one task definition revision, for a service's "tasks by revision". */
export interface TaskGroup {
  /** Undefined for tasks whose task definition ECS did not name. */
  taskDefinition?: TaskDefinitionRef;
  tasks: TaskRow[];
  running: number;
  /** Not yet RUNNING: provisioning, pending or activating. */
  starting: number;
  unhealthy: number;
}

const isStopping = (task: Task) => task.desiredStatus === "STOPPED";

/** Tasks meant to run, grouped by revision, newest revision first. */
export function groupTasksByRevision(tasks: readonly Task[]): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  for (const task of tasks) {
    if (isStopping(task)) continue;
    const key = task.taskDefinitionArn ?? "";
    let group = groups.get(key);
    if (!group) {
      group = { taskDefinition: taskDefinitionRef(task.taskDefinitionArn), tasks: [], running: 0, starting: 0, unhealthy: 0 };
      groups.set(key, group);
    }
    group.tasks.push(toTaskRow(task));
    if (task.lastStatus === "RUNNING") group.running++;
    else group.starting++;
    if (task.healthStatus === "UNHEALTHY") group.unhealthy++;
  }
  const sorted = [...groups.values()].sort(
    (a, b) => (a.taskDefinition?.family ?? "").localeCompare(b.taskDefinition?.family ?? "") || (b.taskDefinition?.revision ?? 0) - (a.taskDefinition?.revision ?? 0),
  );
  for (const group of sorted) group.tasks.sort(byNewest);
  return sorted;
}

export interface ContainerExit {
  name: string;
  exitCode?: number;
  reason?: string;
}

/** A stopped (or stopping) task, with what each container exited with. */
export interface StoppedTaskRow extends TaskRow {
  containers: ContainerExit[];
}

/** Tasks ECS is stopping or has stopped, the most recent first (still stopping ones on top). */
export function stoppedTasks(tasks: readonly Task[]): StoppedTaskRow[] {
  return tasks
    .filter(isStopping)
    .map((task) => ({
      ...toTaskRow(task),
      containers: (task.containers ?? []).map((container) => ({ name: container.name ?? "", exitCode: container.exitCode, reason: container.reason })),
    }))
    .sort((a, b) => (b.stoppedAt ?? "9999").localeCompare(a.stoppedAt ?? "9999") || byNewest(a, b));
}
