import type { Deployment, DeploymentLifecycleHookDetail, TaskDefinition } from "@aws-sdk/client-ecs";
import { ecsArn } from "../store/arns";
import type { ServiceDeploymentRecord, ServiceRecord, TaskRecord } from "../store/records";
import type { EcsWorld } from "../world";
import { FINISHED_SERVICE_DEPLOYMENT_STATUSES } from "./deployment-factory";
import { addServiceEvent, serviceEventText } from "./service-events";
import { circuitBreakerThreshold, rollingBounds } from "./rolling-math";
import { launchServiceTasks } from "./service-task-launcher";
import { isTaskHealthy } from "./task-health";

const PENDING_STATUSES = new Set(["PROVISIONING", "PENDING", "ACTIVATING"]);

/**
 * Keeps every service at its desired count and runs ROLLING deployments by ECS's rules
 * (spec §2): between `ceil(desired × min%)` healthy and `floor(desired × max%)` running or
 * pending tasks, replacing failed tasks, with the circuit breaker and its rollback.
 * Work is event-driven: a task or service change marks its service for one reconcile.
 */
export class ServiceScheduler {
  private readonly dirty = new Set<string>();
  private flushQueued = false;

  constructor(private readonly world: () => EcsWorld) {}

  serviceChanged(serviceArn: string): void {
    this.dirty.add(serviceArn);
    if (this.flushQueued) return;
    this.flushQueued = true;
    this.world().clock.after(0, () => this.flush());
  }

  taskChanged(record: TaskRecord): void {
    this.serviceChanged(this.serviceArnOf(record));
  }

  /** A service task failed (did not start, or was replaced for failing health checks). */
  taskFailed(record: TaskRecord): void {
    const service = this.world().state.services.get(this.serviceArnOf(record));
    const deployment = service?.service.deployments?.find((d) => d.id === record.deploymentId);
    if (!service || !deployment || deployment.status !== "PRIMARY" || deployment.rolloutState !== "IN_PROGRESS") return;
    deployment.failedTasks = (deployment.failedTasks ?? 0) + 1;
    const breaker = service.service.deploymentConfiguration?.deploymentCircuitBreaker;
    const serviceDeployment = this.currentServiceDeployment(service);
    if (serviceDeployment?.serviceDeployment.deploymentCircuitBreaker) {
      serviceDeployment.serviceDeployment.deploymentCircuitBreaker.failureCount = deployment.failedTasks;
      this.world().state.serviceDeployments.put(serviceDeployment.serviceDeployment.serviceDeploymentArn!, serviceDeployment);
    }
    if (breaker?.enable && deployment.failedTasks >= circuitBreakerThreshold(breaker, deployment.desiredCount ?? 0)) {
      this.tripCircuitBreaker(service, deployment);
    }
    this.save(service);
  }

  /** After a restart, every service is looked at once. */
  resume(): void {
    for (const record of this.world().state.services.values()) {
      if (record.service.status !== "INACTIVE") this.serviceChanged(record.service.serviceArn!);
    }
  }

  private flush(): void {
    this.flushQueued = false;
    const arns = [...this.dirty];
    this.dirty.clear();
    for (const arn of arns) {
      const record = this.world().state.services.get(arn);
      if (record) this.reconcile(record);
    }
  }

  private reconcile(record: ServiceRecord): void {
    const service = record.service;
    if (service.status === "INACTIVE") return;
    if (service.status === "DRAINING") return this.drain(record);
    const primary = service.deployments?.find((d) => d.status === "PRIMARY");
    if (!primary) return;
    const now = this.world().clock.nowMs();
    this.replaceUnhealthyTasks(record, now);
    this.stopSupersededTasks(record, primary, now);
    this.stopExcessTasks(record, primary, now);
    this.launchTasks(record, primary);
    this.updateCounts(record);
    this.completeIfSteady(record, primary, now);
    this.save(record);
  }

  private liveTasks(record: ServiceRecord): TaskRecord[] {
    const { state } = this.world();
    return [...state.tasksOfService(record.service.clusterArn!, record.service.serviceName!)].filter(
      (t) => t.task.desiredStatus === "RUNNING" && t.task.lastStatus !== "STOPPED",
    );
  }

  private healthy(record: TaskRecord, now: number): boolean {
    const definition = this.definitionOf(record);
    return definition ? isTaskHealthy(record.task, definition, now) : false;
  }

  /** An UNHEALTHY task is replaced once the health check grace period is over. */
  private replaceUnhealthyTasks(record: ServiceRecord, now: number): void {
    const graceMs = (record.service.healthCheckGracePeriodSeconds ?? 0) * 1000;
    for (const task of this.liveTasks(record)) {
      if (task.task.healthStatus !== "UNHEALTHY") continue;
      if (now < (task.task.startedAt?.getTime() ?? now) + graceMs) continue;
      addServiceEvent(record.service, serviceEventText.failedHealthChecks(task.task.taskArn!), new Date(now));
      this.stopTasks(record, [task], "Task failed container health checks", true);
    }
  }

  /** Old deployments' tasks go, never taking healthy tasks below the lower bound. */
  private stopSupersededTasks(record: ServiceRecord, primary: Deployment, now: number): void {
    if (primary.rolloutState === "FAILED") return;
    const { lower } = rollingBounds(record.service.desiredCount ?? 0, record.service.deploymentConfiguration);
    const live = this.liveTasks(record);
    let healthyCount = live.filter((t) => this.healthy(t, now)).length;
    const old = live.filter((t) => t.deploymentId !== primary.id);
    const unhealthyOld = old.filter((t) => !this.healthy(t, now));
    const toStop = [...unhealthyOld];
    for (const task of old.filter((t) => this.healthy(t, now))) {
      if (healthyCount - 1 < lower) break;
      healthyCount--;
      toStop.push(task);
    }
    this.stopTasks(record, toStop, `Scaling activity initiated by (deployment ${primary.id})`, false);
  }

  /** A scale-in: the primary deployment has more tasks than desired. */
  private stopExcessTasks(record: ServiceRecord, primary: Deployment, now: number): void {
    const mine = this.liveTasks(record).filter((t) => t.deploymentId === primary.id);
    const excess = mine.length - (record.service.desiredCount ?? 0);
    if (excess <= 0) return;
    // Unhealthy and pending tasks go first, then the newest.
    const ordered = mine.sort((a, b) => {
      const health = Number(this.healthy(a, now)) - Number(this.healthy(b, now));
      return health !== 0 ? health : (b.task.createdAt?.getTime() ?? 0) - (a.task.createdAt?.getTime() ?? 0);
    });
    this.stopTasks(record, ordered.slice(0, excess), `Scaling activity initiated by (deployment ${primary.id})`, false);
  }

  private launchTasks(record: ServiceRecord, primary: Deployment): void {
    if (primary.rolloutState === "FAILED") return;
    const service = record.service;
    const desired = service.desiredCount ?? 0;
    const { upper } = rollingBounds(desired, service.deploymentConfiguration);
    const live = this.liveTasks(record);
    const primaryCount = live.filter((t) => t.deploymentId === primary.id).length;
    const count = Math.min(upper - live.length, desired - primaryCount);
    if (count <= 0) return;
    const started = launchServiceTasks(this.world(), record, primary, count);
    const now = this.world().clock.now();
    if (started.length > 0) addServiceEvent(service, serviceEventText.startedTasks(started.map((t) => t.task.taskArn!)), now);
    else if (!service.events?.[0]?.message?.includes("was unable to place a task")) {
      addServiceEvent(service, serviceEventText.unableToPlace(), now);
    }
  }

  private stopTasks(record: ServiceRecord, tasks: TaskRecord[], reason: string, failure: boolean): void {
    if (tasks.length === 0) return;
    for (const task of tasks) {
      this.world().tasks.stop(task.task.taskArn!, { stopCode: "ServiceSchedulerInitiated", reason, failure });
    }
    addServiceEvent(record.service, serviceEventText.stoppedTasks(tasks.map((t) => t.task.taskArn!)), this.world().clock.now());
  }

  /** Running / pending counts of the service, each deployment and the service deployment. */
  private updateCounts(record: ServiceRecord): void {
    const service = record.service;
    const all = [...this.world().state.tasksOfService(service.clusterArn!, service.serviceName!)].filter((t) => t.task.desiredStatus === "RUNNING");
    const count = (tasks: TaskRecord[], pending: boolean) =>
      tasks.filter((t) => (pending ? PENDING_STATUSES.has(t.task.lastStatus!) : t.task.lastStatus === "RUNNING")).length;
    service.runningCount = count(all, false);
    service.pendingCount = count(all, true);
    for (const deployment of service.deployments ?? []) {
      const mine = all.filter((t) => t.deploymentId === deployment.id);
      deployment.runningCount = count(mine, false);
      deployment.pendingCount = count(mine, true);
      if (deployment.status === "PRIMARY") deployment.desiredCount = service.desiredCount;
      else deployment.desiredCount = mine.length;
    }
    service.currentServiceRevisions = (service.deployments ?? []).filter((d) => d.status === "PRIMARY" || (d.runningCount ?? 0) + (d.pendingCount ?? 0) > 0).map((d) => ({
      arn: record.links[d.id!]?.serviceRevisionArn,
      requestedTaskCount: d.desiredCount,
      runningTaskCount: d.runningCount,
      pendingTaskCount: d.pendingCount,
    }));
    this.updateServiceDeploymentCounts(record);
  }

  private updateServiceDeploymentCounts(record: ServiceRecord): void {
    const current = this.currentServiceDeployment(record);
    if (!current || FINISHED_SERVICE_DEPLOYMENT_STATUSES.has(current.serviceDeployment.status!)) return;
    const sd = current.serviceDeployment;
    const byRevision = new Map((record.service.deployments ?? []).map((d) => [record.links[d.id!]?.serviceRevisionArn, d]));
    for (const summary of [sd.targetServiceRevision, ...(sd.sourceServiceRevisions ?? [])]) {
      if (!summary?.arn) continue;
      const deployment = byRevision.get(summary.arn);
      summary.runningTaskCount = deployment?.runningCount ?? 0;
      summary.pendingTaskCount = deployment?.pendingCount ?? 0;
      if (deployment) summary.requestedTaskCount = deployment.desiredCount;
    }
    sd.updatedAt = this.world().clock.now();
    this.world().state.serviceDeployments.put(sd.serviceDeploymentArn!, current);
  }

  /** Steady: the primary has all its tasks healthy and no older deployment has a task left. */
  private completeIfSteady(record: ServiceRecord, primary: Deployment, now: number): void {
    const service = record.service;
    const tasks = [...this.world().state.tasksOfService(service.clusterArn!, service.serviceName!)];
    const others = tasks.some((t) => t.deploymentId !== primary.id && t.task.lastStatus !== "STOPPED");
    const healthyPrimary = tasks.filter((t) => t.deploymentId === primary.id && this.healthy(t, now)).length;
    const steady = !others && healthyPrimary === (service.desiredCount ?? 0) && this.liveTasks(record).length === healthyPrimary;
    if (!steady || primary.rolloutState !== "IN_PROGRESS") return;
    const at = new Date(now);
    primary.rolloutState = "COMPLETED";
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
    primary.updatedAt = at;
    service.deployments = [primary];
    addServiceEvent(service, serviceEventText.deploymentCompleted(primary.id!), at);
    addServiceEvent(service, serviceEventText.steadyState(), at);
    this.finishServiceDeployment(record, at);
  }

  private finishServiceDeployment(record: ServiceRecord, at: Date): void {
    const current = this.currentServiceDeployment(record);
    if (!current) return;
    const sd = current.serviceDeployment;
    if (sd.status === "IN_PROGRESS") sd.status = "SUCCESSFUL";
    else if (sd.status === "ROLLBACK_IN_PROGRESS" || sd.status === "ROLLBACK_REQUESTED") sd.status = "ROLLBACK_SUCCESSFUL";
    else return;
    sd.finishedAt = at;
    sd.updatedAt = at;
    if (sd.deploymentCircuitBreaker?.status === "MONITORING") sd.deploymentCircuitBreaker.status = "MONITORING_COMPLETE";
    this.world().state.serviceDeployments.put(sd.serviceDeploymentArn!, current);
  }

  private tripCircuitBreaker(record: ServiceRecord, failed: Deployment): void {
    const service = record.service;
    const at = this.world().clock.now();
    const reason = "tasks failed to start.";
    failed.rolloutState = "FAILED";
    failed.rolloutStateReason = `ECS deployment circuit breaker: ${reason}`;
    failed.updatedAt = at;
    addServiceEvent(service, serviceEventText.deploymentFailed(failed.id!, reason), at);
    const current = this.currentServiceDeployment(record);
    if (current?.serviceDeployment.deploymentCircuitBreaker) current.serviceDeployment.deploymentCircuitBreaker.status = "TRIGGERED";
    if (service.deploymentConfiguration?.deploymentCircuitBreaker?.rollback) {
      this.rollBack(record, "Circuit breaker was triggered", "ROLLBACK_IN_PROGRESS");
    } else if (current) {
      // ServiceDeploymentStatus has no FAILED; a tripped breaker without rollback ends the deployment as STOPPED.
      Object.assign(current.serviceDeployment, { status: "STOPPED", statusReason: failed.rolloutStateReason, stoppedAt: at, finishedAt: at, updatedAt: at });
      this.world().state.serviceDeployments.put(current.serviceDeployment.serviceDeploymentArn!, current);
    }
  }

  /**
   * Returns the service to its most recent COMPLETED deployment, which becomes PRIMARY and
   * IN_PROGRESS again. Without one the rollback fails and the service stays where it is.
   * Returns whether a rollback started.
   */
  rollBack(record: ServiceRecord, reason: string, status: "ROLLBACK_IN_PROGRESS" | "ROLLBACK_REQUESTED"): boolean {
    const service = record.service;
    const at = this.world().clock.now();
    const primary = service.deployments?.find((d) => d.status === "PRIMARY");
    const target = service.deployments?.find((d) => d.status === "ACTIVE" && d.rolloutState === "COMPLETED");
    const current = this.currentServiceDeployment(record);
    if (!target || !primary) {
      if (current) {
        Object.assign(current.serviceDeployment, { status: "ROLLBACK_FAILED", statusReason: "No completed deployment to roll back to.", finishedAt: at, updatedAt: at });
        this.world().state.serviceDeployments.put(current.serviceDeployment.serviceDeploymentArn!, current);
      }
      return false;
    }
    if (primary.rolloutState === "IN_PROGRESS") {
      primary.rolloutState = "FAILED";
      primary.rolloutStateReason = `ECS deployment ${primary.id} rolled back: ${reason}.`;
    }
    primary.status = "ACTIVE";
    target.status = "PRIMARY";
    target.rolloutState = "IN_PROGRESS";
    target.rolloutStateReason = `ECS deployment detected failure. Rolling back to deployment ${target.id}.`;
    target.updatedAt = at;
    service.deployments = [target, ...(service.deployments ?? []).filter((d) => d !== target)];
    service.taskDefinition = target.taskDefinition;
    addServiceEvent(service, serviceEventText.rollingBack(target.id!), at);
    if (current) {
      Object.assign(current.serviceDeployment, {
        status,
        statusReason: reason,
        updatedAt: at,
        rollback: { reason, startedAt: at, serviceRevisionArn: record.links[target.id!]?.serviceRevisionArn },
      });
      this.world().state.serviceDeployments.put(current.serviceDeployment.serviceDeploymentArn!, current);
    }
    this.serviceChanged(service.serviceArn!);
    return true;
  }

  /** ABORT: the deployment stops where it is; no task is started or stopped for it any more. */
  abort(record: ServiceRecord, deployment: ServiceDeploymentRecord): void {
    const sd = deployment.serviceDeployment;
    if (sd.status !== "STOP_REQUESTED") return;
    const at = this.world().clock.now();
    const primary = record.service.deployments?.find((d) => d.status === "PRIMARY");
    if (primary?.rolloutState === "IN_PROGRESS") {
      primary.rolloutState = "FAILED";
      primary.rolloutStateReason = `ECS deployment ${primary.id} was stopped.`;
      primary.updatedAt = at;
    }
    Object.assign(sd, { status: "STOPPED", statusReason: "The service deployment was stopped (ABORT).", stoppedAt: at, finishedAt: at, updatedAt: at });
    this.world().state.serviceDeployments.put(sd.serviceDeploymentArn!, deployment);
    this.save(record);
  }

  /** A person's decision on a paused lifecycle hook: go on, or roll the deployment back. */
  decideHook(record: ServiceRecord, deployment: ServiceDeploymentRecord, hook: DeploymentLifecycleHookDetail, action: "CONTINUE" | "ROLLBACK"): void {
    hook.status = action === "CONTINUE" ? "SUCCEEDED" : "FAILED";
    this.world().state.serviceDeployments.put(deployment.serviceDeployment.serviceDeploymentArn!, deployment);
    if (action === "ROLLBACK") this.rollBack(record, "A lifecycle hook asked for a rollback", "ROLLBACK_REQUESTED");
    this.serviceChanged(record.service.serviceArn!);
  }

  /** A deleted service stops all its tasks, then becomes INACTIVE. */
  private drain(record: ServiceRecord): void {
    const live = this.liveTasks(record);
    this.stopTasks(record, live, "Service is being deleted", false);
    const remaining = [...this.world().state.tasksOfService(record.service.clusterArn!, record.service.serviceName!)].some(
      (t) => t.task.lastStatus !== "STOPPED",
    );
    this.updateCounts(record);
    if (!remaining) record.service.status = "INACTIVE";
    this.save(record);
  }

  currentServiceDeployment(record: ServiceRecord) {
    const arn = record.service.currentServiceDeployment;
    return arn ? this.world().state.serviceDeployments.get(arn) : undefined;
  }

  private definitionOf(record: TaskRecord): TaskDefinition | undefined {
    return this.world().state.taskDefinitions.get(record.task.taskDefinitionArn!)?.taskDefinition;
  }

  private serviceArnOf(record: TaskRecord): string {
    return ecsArn.service(this.world().settings, record.task.clusterArn!.split("/").pop()!, record.serviceName!);
  }

  private save(record: ServiceRecord): void {
    this.world().state.services.put(record.service.serviceArn!, record);
  }
}

