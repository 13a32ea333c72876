import type { Container, ContainerDefinition, TaskDefinition, TaskStopCode } from "@aws-sdk/client-ecs";
import { interpretContainerHealthCommand, probeHttpHealth } from "../dataplane/health-probe";
import { readTaskKnobs, type TaskKnobs } from "../dataplane/knobs";
import { startTaskServer, type RunningTaskServer } from "../dataplane/task-server";
import type { TaskRecord } from "../store/records";
import type { EcsWorld } from "../world";
import type { TimerHandle } from "./clock";
import { ContainerHealthChecker } from "./container-health";
import { deregisterTaskTargets, registerTaskTargets } from "./load-balancing/service-targets";
import { TASK_TIMING } from "./lifecycle-timing";

/** A container's real HTTP server, one per port mapping. */
interface ContainerServer {
  containerName: string;
  server: RunningTaskServer;
}

/** Probes should not wait less than this in real time, however fast emulated time runs. */
const MIN_REAL_PROBE_TIMEOUT_MS = 250;

export interface TaskStopRequest {
  stopCode: TaskStopCode;
  reason: string;
  /** Counts toward the deployment circuit breaker. */
  failure?: boolean;
}

/**
 * Moves tasks through PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING →
 * STOPPING → DEPROVISIONING → STOPPED over emulated time. Each container with port mappings
 * runs a real HTTP server from ACTIVATING until STOPPING; its address is in networkBindings,
 * and a service task behind a load balancer is registered as a target from ACTIVATING and
 * deregistered (then drained) at DEACTIVATING.
 */
export class TaskLifecycle {
  private readonly transitions = new Map<string, TimerHandle>();
  private readonly crashTimers = new Map<string, TimerHandle>();
  private readonly servers = new Map<string, ContainerServer[]>();
  readonly health: ContainerHealthChecker;

  constructor(private readonly world: () => EcsWorld) {
    this.health = new ContainerHealthChecker(
      world,
      (arn, container, timeoutMs) => this.probeContainer(arn, container, timeoutMs),
      (record) => this.changed(record),
    );
  }

  /** Stores a freshly built task and starts its life. */
  launch(record: TaskRecord): void {
    this.world().state.addTask(record);
    this.schedule(record, TASK_TIMING.provisioning);
  }

  stop(taskArn: string, request: TaskStopRequest): void {
    const record = this.world().state.tasks.get(taskArn);
    if (!record || record.task.desiredStatus === "STOPPED") return;
    const task = record.task;
    const now = this.world().clock.now();
    task.desiredStatus = "STOPPED";
    task.stoppingAt = now;
    task.stopCode = request.stopCode;
    task.stoppedReason = request.reason;
    record.pendingStop = { stopCode: request.stopCode, reason: request.reason, failure: request.failure ?? false };
    this.cancelTimers(taskArn);
    if (request.failure && record.serviceName) this.world().scheduler.taskFailed(record);
    if (task.lastStatus === "RUNNING" || task.lastStatus === "ACTIVATING") {
      // A task behind a load balancer stays DEACTIVATING while its targets drain.
      const drainMs = deregisterTaskTargets(this.world(), record);
      this.setStatus(record, "DEACTIVATING");
      this.schedule(record, Math.max(TASK_TIMING.deactivating, drainMs));
    } else if (task.lastStatus === "PROVISIONING" || task.lastStatus === "PENDING") {
      this.setStatus(record, "DEPROVISIONING");
      this.schedule(record, TASK_TIMING.deprovisioning);
    } else {
      this.save(record);
    }
  }

  /** After a restart: servers come back on their old ports and every timer is re-armed. */
  async resume(): Promise<void> {
    const now = this.world().clock.nowMs();
    for (const record of [...this.world().state.tasks.values()]) {
      const status = record.task.lastStatus;
      if (status === "STOPPED") {
        this.scheduleRemoval(record);
        continue;
      }
      if (status === "ACTIVATING" || status === "RUNNING" || status === "DEACTIVATING") await this.startServers(record);
      if (status === "RUNNING") this.armRunning(record);
      if (record.nextTransitionAt !== undefined) this.scheduleAt(record, Math.max(now, record.nextTransitionAt));
    }
  }

  /** Closes every task server without changing any task (the emulator is shutting down). */
  async shutdown(): Promise<void> {
    const all = [...this.servers.values()].flat();
    this.servers.clear();
    await Promise.all(all.map(({ server }) => server.close()));
  }

  /**
   * A container health check, run for real: against the container's own server when it has
   * one; a container without ports passes unless its knob says it fails.
   */
  private async probeContainer(taskArn: string, container: ContainerDefinition, timeoutMs: number): Promise<boolean> {
    const target = interpretContainerHealthCommand(container.healthCheck?.command);
    if (!target) return false;
    const entry = this.servers.get(taskArn)?.find((s) => s.containerName === container.name);
    if (!entry) {
      const record = this.world().state.tasks.get(taskArn);
      const knobs = record && this.containerKnobs(record).find((k) => k.container.name === container.name)?.knobs;
      return knobs ? !knobs.failHealthCheck : false;
    }
    const realTimeoutMs = Math.max(MIN_REAL_PROBE_TIMEOUT_MS, timeoutMs / this.world().clock.timeScale);
    const result = await probeHttpHealth({ host: entry.server.host, port: entry.server.port, path: target.path, timeoutMs: realTimeoutMs });
    return result.healthy;
  }

  private advance(taskArn: string): void {
    this.transitions.delete(taskArn);
    const record = this.world().state.tasks.get(taskArn);
    if (!record) return;
    const task = record.task;
    const stopping = task.desiredStatus === "STOPPED";
    switch (task.lastStatus) {
      case "PROVISIONING":
        if (stopping) return this.toDeprovisioning(record);
        task.pullStartedAt = this.world().clock.now();
        this.setStatus(record, "PENDING");
        return this.schedule(record, TASK_TIMING.pulling + this.startupDelayMs(record));
      case "PENDING":
        if (stopping) return this.toDeprovisioning(record);
        return void this.activate(record);
      case "ACTIVATING":
        if (stopping) return;
        return this.run(record);
      case "DEACTIVATING":
        void this.closeServers(taskArn);
        this.setStatus(record, "STOPPING");
        return this.schedule(record, TASK_TIMING.stopping);
      case "STOPPING":
        task.executionStoppedAt = this.world().clock.now();
        return this.toDeprovisioning(record);
      case "DEPROVISIONING":
        return this.finishStop(record);
    }
  }

  private async activate(record: TaskRecord): Promise<void> {
    const task = record.task;
    const definition = this.definitionOf(record);
    const isEssential = (name: string | undefined) => definition?.containerDefinitions?.find((c) => c.name === name)?.essential !== false;
    const failing = this.containerKnobs(record).find(({ container, knobs }) => knobs.failToStart && isEssential(container.name));
    if (failing) {
      for (const container of task.containers ?? []) {
        container.lastStatus = "STOPPED";
        if (container.name === failing.container.name) {
          container.exitCode = 1;
          container.reason = "CannotStartContainerError: the container exited during start-up (SLIPWAY_FAIL_TO_START)";
        }
      }
      task.pullStoppedAt = this.world().clock.now();
      return this.stop(task.taskArn!, {
        stopCode: "TaskFailedToStart",
        reason: `CannotStartContainerError: essential container ${failing.container.name} exited during start-up`,
        failure: true,
      });
    }
    await this.startServers(record);
    if (task.desiredStatus === "STOPPED") return void this.closeServers(task.taskArn!);
    task.pullStoppedAt = this.world().clock.now();
    const service = record.serviceName ? this.world().scheduler.serviceOf(record) : undefined;
    if (service?.service.loadBalancers?.length) registerTaskTargets(this.world(), record, service);
    this.setStatus(record, "ACTIVATING");
    this.schedule(record, TASK_TIMING.activating);
  }

  private run(record: TaskRecord): void {
    const task = record.task;
    task.startedAt = this.world().clock.now();
    for (const container of task.containers ?? []) container.lastStatus = "RUNNING";
    this.setStatus(record, "RUNNING");
    this.armRunning(record);
  }

  /** Health checks and the crash knob, for a RUNNING task. */
  private armRunning(record: TaskRecord): void {
    const definition = this.definitionOf(record);
    const startedAt = record.task.startedAt?.getTime() ?? this.world().clock.nowMs();
    if (definition && this.health.hasChecks(definition)) this.health.start(record, definition);
    else {
      // Without health checks a task becomes healthy by time alone; tell the scheduler then.
      const arn = record.task.taskArn!;
      this.world().clock.at(startedAt + TASK_TIMING.healthyWithoutChecksAfter, () => {
        const current = this.world().state.tasks.get(arn);
        if (current) this.changed(current, false);
      });
    }
    for (const { container, knobs } of this.containerKnobs(record)) {
      if (knobs.crashAfterSeconds === undefined) continue;
      const handle = this.world().clock.at(startedAt + knobs.crashAfterSeconds * 1000, () => this.crash(record.task.taskArn!, container.name!));
      this.crashTimers.set(`${record.task.taskArn}#${container.name}`, handle);
    }
  }

  private crash(taskArn: string, containerName: string): void {
    this.crashTimers.delete(`${taskArn}#${containerName}`);
    const record = this.world().state.tasks.get(taskArn);
    if (!record || record.task.desiredStatus === "STOPPED") return;
    const container = record.task.containers?.find((c) => c.name === containerName);
    if (!container) return;
    container.lastStatus = "STOPPED";
    container.exitCode = 1;
    container.reason = "Container exited with code 1 (SLIPWAY_CRASH_AFTER_SECONDS)";
    const essential = this.definitionOf(record)?.containerDefinitions?.find((c) => c.name === containerName)?.essential !== false;
    if (!essential) return this.save(record);
    // A task that dies before it was ever healthy has failed to start, for the circuit breaker.
    const definition = this.definitionOf(record);
    const wasHealthy = record.task.healthStatus === "HEALTHY" || (definition && !this.health.hasChecks(definition) &&
      this.world().clock.nowMs() >= (record.task.startedAt?.getTime() ?? 0) + TASK_TIMING.healthyWithoutChecksAfter);
    this.stop(taskArn, {
      stopCode: "EssentialContainerExited",
      reason: "Essential container in task exited",
      failure: !wasHealthy,
    });
  }

  private toDeprovisioning(record: TaskRecord): void {
    this.setStatus(record, "DEPROVISIONING");
    this.schedule(record, TASK_TIMING.deprovisioning);
  }

  private finishStop(record: TaskRecord): void {
    const task = record.task;
    const now = this.world().clock.now();
    task.stoppedAt = now;
    task.executionStoppedAt ??= now;
    for (const container of task.containers ?? []) {
      if (container.lastStatus !== "STOPPED") {
        container.lastStatus = "STOPPED";
        container.exitCode ??= task.stopCode === "TaskFailedToStart" ? undefined : 0;
      }
    }
    record.nextTransitionAt = undefined;
    this.setStatus(record, "STOPPED");
    this.scheduleRemoval(record);
  }

  private scheduleRemoval(record: TaskRecord): void {
    const stoppedAt = record.task.stoppedAt?.getTime() ?? this.world().clock.nowMs();
    this.world().clock.at(stoppedAt + TASK_TIMING.stoppedRetention, () => this.world().state.removeTask(record.task.taskArn!));
  }

  private async startServers(record: TaskRecord): Promise<void> {
    const task = record.task;
    const definition = this.definitionOf(record);
    const started: ContainerServer[] = [];
    for (const { container, knobs } of this.containerKnobs(record)) {
      const mappings = definition?.containerDefinitions?.find((c) => c.name === container.name)?.portMappings ?? [];
      const bindings = [];
      for (const mapping of mappings) {
        const previous = container.networkBindings?.find((b) => b.containerPort === mapping.containerPort)?.hostPort;
        const server = await startTaskServer({
          taskArn: task.taskArn!,
          taskDefinitionArn: task.taskDefinitionArn!,
          clusterName: task.clusterArn!.split("/").pop()!,
          serviceName: record.serviceName,
          containerName: container.name!,
          image: container.image!,
          knobs,
          preferredPort: previous,
          now: () => this.world().clock.now(),
        });
        started.push({ containerName: container.name!, server });
        bindings.push({ bindIP: server.host, containerPort: mapping.containerPort, hostPort: server.port, protocol: mapping.protocol ?? "tcp" });
      }
      container.networkBindings = bindings;
    }
    this.servers.set(task.taskArn!, started);
  }

  private async closeServers(taskArn: string): Promise<void> {
    const servers = this.servers.get(taskArn) ?? [];
    this.servers.delete(taskArn);
    await Promise.all(servers.map(({ server }) => server.close()));
  }

  private containerKnobs(record: TaskRecord): Array<{ container: Container; knobs: TaskKnobs }> {
    const definition = this.definitionOf(record);
    return (record.task.containers ?? []).map((container) => {
      const base = definition?.containerDefinitions?.find((c) => c.name === container.name)?.environment ?? [];
      const override = record.task.overrides?.containerOverrides?.find((o) => o.name === container.name)?.environment ?? [];
      return { container, knobs: readTaskKnobs([...base, ...override]) };
    });
  }

  private startupDelayMs(record: TaskRecord): number {
    return Math.max(0, ...this.containerKnobs(record).map(({ knobs }) => knobs.startupSeconds * 1000));
  }

  definitionOf(record: TaskRecord): TaskDefinition | undefined {
    return this.world().state.taskDefinitions.get(record.task.taskDefinitionArn!)?.taskDefinition;
  }

  private setStatus(record: TaskRecord, status: string): void {
    record.task.lastStatus = status;
    record.task.version = (record.task.version ?? 0) + 1;
    this.changed(record);
  }

  /** Persists the record and tells the service scheduler. */
  private changed(record: TaskRecord, persist = true): void {
    if (persist) this.save(record);
    if (record.serviceName) this.world().scheduler.taskChanged(record);
  }

  private save(record: TaskRecord): void {
    if (this.world().state.tasks.has(record.task.taskArn!)) this.world().state.tasks.put(record.task.taskArn!, record);
  }

  private schedule(record: TaskRecord, delayMs: number): void {
    this.scheduleAt(record, this.world().clock.nowMs() + delayMs);
  }

  private scheduleAt(record: TaskRecord, dueAt: number): void {
    const arn = record.task.taskArn!;
    this.world().clock.cancel(this.transitions.get(arn));
    record.nextTransitionAt = dueAt;
    this.save(record);
    this.transitions.set(arn, this.world().clock.at(dueAt, () => this.advance(arn)));
  }

  private cancelTimers(taskArn: string): void {
    this.world().clock.cancel(this.transitions.get(taskArn));
    this.transitions.delete(taskArn);
    for (const [key, handle] of this.crashTimers) {
      if (key.startsWith(`${taskArn}#`)) {
        this.world().clock.cancel(handle);
        this.crashTimers.delete(key);
      }
    }
    this.health.stop(taskArn);
  }
}
