import type { TaskRecord, ServiceRecord } from "../store/records";
import { ecsArn } from "../store/arns";
import type { EcsWorld } from "../world";
import { DeploymentOutcomes } from "./deployment-outcomes";
import { NativeDeployments } from "./native/native-deployment";
import { circuitBreakerThreshold } from "./rolling-math";
import { isSteady, stepRollingUpdate } from "./rolling-update";
import { ServiceTasks } from "./service-tasks";

/**
 * Keeps every service at its desired count and runs its deployments: ROLLING by ECS's rules
 * (spec §2), BLUE_GREEN / LINEAR / CANARY through their lifecycle stages (spec §3).
 * Work is event-driven: a task, target or service change marks its service for one reconcile.
 */
export class ServiceScheduler {
  private readonly dirty = new Set<string>();
  private flushQueued = false;
  readonly tasks: ServiceTasks;
  readonly outcomes: DeploymentOutcomes;
  private readonly native: NativeDeployments;

  constructor(private readonly world: () => EcsWorld) {
    const wake = (arn: string) => this.serviceChanged(arn);
    this.tasks = new ServiceTasks(world);
    this.outcomes = new DeploymentOutcomes(world, wake);
    this.native = new NativeDeployments(world, this.tasks, this.outcomes, wake);
  }

  serviceChanged(serviceArn: string): void {
    this.dirty.add(serviceArn);
    if (this.flushQueued) return;
    this.flushQueued = true;
    this.world().clock.after(0, () => this.flush());
  }

  serviceOf(record: TaskRecord): ServiceRecord | undefined {
    return this.world().state.services.get(this.serviceArnOf(record));
  }

  taskChanged(record: TaskRecord): void {
    this.serviceChanged(this.serviceArnOf(record));
  }

  /** A target's health changed: every service that registers in its group looks again. */
  targetGroupChanged(targetGroupArn: string): void {
    for (const record of this.world().state.services.values()) {
      const groups = (record.service.loadBalancers ?? []).flatMap((lb) => [lb.targetGroupArn, lb.advancedConfiguration?.alternateTargetGroupArn]);
      if (groups.includes(targetGroupArn)) this.serviceChanged(record.service.serviceArn!);
    }
  }

  /** A service task failed (did not start, or was replaced for failing health checks). */
  taskFailed(record: TaskRecord): void {
    const service = this.world().state.services.get(this.serviceArnOf(record));
    const deployment = service?.service.deployments?.find((d) => d.id === record.deploymentId);
    if (!service || !deployment || deployment.status !== "PRIMARY" || deployment.rolloutState !== "IN_PROGRESS") return;
    deployment.failedTasks = (deployment.failedTasks ?? 0) + 1;
    const breaker = service.service.deploymentConfiguration?.deploymentCircuitBreaker;
    const current = this.outcomes.current(service);
    if (current?.serviceDeployment.deploymentCircuitBreaker) {
      current.serviceDeployment.deploymentCircuitBreaker.failureCount = deployment.failedTasks;
      this.world().state.serviceDeployments.put(current.serviceDeployment.serviceDeploymentArn!, current);
    }
    if (breaker?.enable && deployment.failedTasks >= circuitBreakerThreshold(breaker, deployment.desiredCount ?? 0)) {
      this.outcomes.tripCircuitBreaker(service, deployment);
    }
    this.save(service);
  }

  /** An alarm went into ALARM: every service whose deployment watches it looks again. */
  alarmRaised(alarmName: string): void {
    for (const record of this.world().state.services.values()) {
      if (this.outcomes.current(record)?.serviceDeployment.alarms?.alarmNames?.includes(alarmName)) this.serviceChanged(record.service.serviceArn!);
    }
  }

  /** After a restart, every service is looked at once and pending requests are acted on. */
  resume(): void {
    this.world().loadBalancing.onTargetHealthChange((targetGroupArn) => this.targetGroupChanged(targetGroupArn));
    this.world().alarms.onStateChange((alarm) => {
      if (alarm.StateValue === "ALARM") this.alarmRaised(alarm.AlarmName!);
    });
    this.outcomes.resume();
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
    this.tasks.replaceUnhealthy(record, now);
    this.watchAlarms(record);
    const current = this.outcomes.current(record);
    if (this.native.drives(current)) this.native.step(record, current, now);
    // Rolling updates, rollbacks and a traffic-shifting deployment's CLEAN_UP share one path.
    if (!this.native.drives(current)) {
      const primaryNow = record.service.deployments?.find((d) => d.status === "PRIMARY") ?? primary;
      stepRollingUpdate(this.tasks, record, primaryNow, now);
      if (primaryNow.rolloutState === "IN_PROGRESS" && isSteady(this.tasks, record, primaryNow, now)) this.outcomes.complete(record, primaryNow);
    }
    this.tasks.updateCounts(record);
    this.updateServiceDeploymentCounts(record);
    this.save(record);
  }

  /** A deployment still going fails on any of its alarms in ALARM (spec: deployment alarms). */
  private watchAlarms(record: ServiceRecord): void {
    const deployment = this.outcomes.current(record)?.serviceDeployment;
    if (deployment?.status !== "IN_PROGRESS" || deployment.alarms?.status !== "MONITORING") return;
    const triggered = (deployment.alarms.alarmNames ?? []).filter((name) => this.world().alarms.stateOf(name) === "ALARM");
    if (triggered.length > 0) this.outcomes.tripAlarms(record, triggered);
  }

  private updateServiceDeploymentCounts(record: ServiceRecord): void {
    const current = this.outcomes.current(record);
    if (!current || current.serviceDeployment.finishedAt) return;
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

  /** A deleted service stops all its tasks, then becomes INACTIVE. */
  private drain(record: ServiceRecord): void {
    this.tasks.stop(record, this.tasks.live(record), "Service is being deleted", false);
    const remaining = this.tasks.all(record).some((t) => t.task.lastStatus !== "STOPPED");
    this.tasks.updateCounts(record);
    if (!remaining) record.service.status = "INACTIVE";
    this.save(record);
  }

  private serviceArnOf(record: TaskRecord): string {
    return ecsArn.service(this.world().settings, record.task.clusterArn!.split("/").pop()!, record.serviceName!);
  }

  private save(record: ServiceRecord): void {
    this.world().state.services.put(record.service.serviceArn!, record);
  }
}
