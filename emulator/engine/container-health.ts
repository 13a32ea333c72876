import type { ContainerDefinition, TaskDefinition } from "@aws-sdk/client-ecs";
import type { TaskRecord } from "../store/records";
import type { EcsWorld } from "../world";
import type { TimerHandle } from "./clock";
import { essentialContainers, hasHealthCheck, taskHealthStatus } from "./task-health";

/** ECS's container health check defaults, in seconds. */
const DEFAULTS = { interval: 30, timeout: 5, retries: 3, startPeriod: 0 };

/**
 * Runs each container's health check against its real server: every `interval`, a probe with
 * `timeout`; `retries` consecutive failures make it UNHEALTHY, failures inside `startPeriod`
 * do not count, one pass makes it HEALTHY.
 */
export class ContainerHealthChecker {
  private readonly timers = new Map<string, TimerHandle>();
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly world: () => EcsWorld,
    /** One real probe of a container's health check, with its timeout in emulated ms. */
    private readonly probe: (taskArn: string, container: ContainerDefinition, timeoutMs: number) => Promise<boolean>,
    private readonly onChange: (record: TaskRecord) => void,
  ) {}

  hasChecks(definition: TaskDefinition): boolean {
    return (definition.containerDefinitions ?? []).some(hasHealthCheck);
  }

  start(record: TaskRecord, definition: TaskDefinition): void {
    for (const container of definition.containerDefinitions ?? []) {
      if (hasHealthCheck(container)) this.scheduleNext(record.task.taskArn!, container, definition);
    }
  }

  stop(taskArn: string): void {
    for (const [key, handle] of this.timers) {
      if (!key.startsWith(`${taskArn}#`)) continue;
      this.world().clock.cancel(handle);
      this.timers.delete(key);
      this.failures.delete(key);
    }
  }

  private scheduleNext(taskArn: string, container: ContainerDefinition, definition: TaskDefinition): void {
    const key = `${taskArn}#${container.name}`;
    const interval = (container.healthCheck?.interval ?? DEFAULTS.interval) * 1000;
    this.timers.set(key, this.world().clock.after(interval, () => void this.check(taskArn, container, definition)));
  }

  private async check(taskArn: string, container: ContainerDefinition, definition: TaskDefinition): Promise<void> {
    const key = `${taskArn}#${container.name}`;
    if (!this.timers.has(key)) return;
    const check = { ...DEFAULTS, ...container.healthCheck };
    const healthy = await this.probe(taskArn, container, check.timeout * 1000);
    const record = this.world().state.tasks.get(taskArn);
    if (!record || record.task.lastStatus !== "RUNNING" || !this.timers.has(key)) return;
    const status = record.task.containers?.find((c) => c.name === container.name);
    if (!status) return;
    const inStartPeriod = this.world().clock.nowMs() < (record.task.startedAt?.getTime() ?? 0) + check.startPeriod * 1000;
    let next = status.healthStatus;
    if (healthy) {
      this.failures.set(key, 0);
      next = "HEALTHY";
    } else if (!inStartPeriod) {
      const failures = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, failures);
      if (failures >= check.retries) next = "UNHEALTHY";
    }
    if (next !== status.healthStatus) {
      status.healthStatus = next;
      const essentials = essentialContainers(definition);
      if (essentials.some((c) => c.name === container.name)) record.task.healthStatus = taskHealthStatus(record.task, definition);
      this.onChange(record);
    }
    this.scheduleNext(taskArn, container, definition);
  }
}
