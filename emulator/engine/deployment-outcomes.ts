import type { Deployment, DeploymentLifecycleHookDetail, ServiceDeployment } from "@aws-sdk/client-ecs";
import type { NativeDeploymentState, ServiceDeploymentRecord, ServiceRecord } from "../store/records";
import type { EcsWorld } from "../world";
import { routeTraffic } from "./native/traffic-routing";
import { addServiceEvent, serviceEventText } from "./service-events";

/** How long a requested stop or rollback stays "requested" before ECS acts on it. */
const REQUEST_ACKNOWLEDGE_MS = 1_000;

/**
 * How deployments end: success, the circuit breaker, rollback (to the last COMPLETED
 * deployment, with traffic returned to blue), ABORT, and people's decisions on paused hooks.
 */
export class DeploymentOutcomes {
  constructor(
    private readonly world: () => EcsWorld,
    private readonly wake: (serviceArn: string) => void,
  ) {}

  current(record: ServiceRecord): ServiceDeploymentRecord | undefined {
    const arn = record.service.currentServiceDeployment;
    return arn ? this.world().state.serviceDeployments.get(arn) : undefined;
  }

  /** The primary reached a steady state: its rollout (or the rollback to it) succeeded. */
  complete(record: ServiceRecord, primary: Deployment): void {
    const service = record.service;
    const at = this.world().clock.now();
    primary.rolloutState = "COMPLETED";
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
    primary.updatedAt = at;
    service.deployments = [primary];
    addServiceEvent(service, serviceEventText.deploymentCompleted(primary.id!), at);
    addServiceEvent(service, serviceEventText.steadyState(), at);
    const current = this.current(record);
    if (!current) return;
    const sd = current.serviceDeployment;
    if (sd.status === "IN_PROGRESS") sd.status = "SUCCESSFUL";
    else if (sd.status === "ROLLBACK_IN_PROGRESS" || sd.status === "ROLLBACK_REQUESTED") sd.status = "ROLLBACK_SUCCESSFUL";
    else return;
    sd.finishedAt = at;
    sd.updatedAt = at;
    if (sd.deploymentCircuitBreaker?.status === "MONITORING") sd.deploymentCircuitBreaker.status = "MONITORING_COMPLETE";
    if (sd.alarms?.status === "MONITORING") sd.alarms.status = "MONITORING_COMPLETE";
    this.save(current);
  }

  /**
   * An alarm the deployment watches went into ALARM: the deployment fails, and rolls back to the
   * last completed deployment when its alarms say so; without rollback it ends as STOPPED.
   */
  tripAlarms(record: ServiceRecord, triggered: readonly string[]): void {
    const current = this.current(record);
    const primary = record.service.deployments?.find((d) => d.status === "PRIMARY");
    if (!current || !primary) return;
    const at = this.world().clock.now();
    const names = triggered.join(", ");
    const reason = `CloudWatch alarm${triggered.length === 1 ? "" : "s"} ${names} went into ALARM`;
    primary.rolloutState = "FAILED";
    primary.rolloutStateReason = `ECS deployment ${primary.id} failed: ${reason}.`;
    primary.updatedAt = at;
    addServiceEvent(record.service, serviceEventText.deploymentFailed(primary.id!, `${reason}.`), at);
    Object.assign(current.serviceDeployment.alarms ?? {}, { status: "TRIGGERED", triggeredAlarmNames: [...triggered] });
    this.save(current);
    if (record.service.deploymentConfiguration?.alarms?.rollback) this.rollBack(record, reason, "ROLLBACK_IN_PROGRESS");
    else this.finish(current, "STOPPED", primary.rolloutStateReason, true);
  }

  tripCircuitBreaker(record: ServiceRecord, failed: Deployment): void {
    const service = record.service;
    const at = this.world().clock.now();
    const reason = "tasks failed to start.";
    failed.rolloutState = "FAILED";
    failed.rolloutStateReason = `ECS deployment circuit breaker: ${reason}`;
    failed.updatedAt = at;
    addServiceEvent(service, serviceEventText.deploymentFailed(failed.id!, reason), at);
    const current = this.current(record);
    if (current?.serviceDeployment.deploymentCircuitBreaker) current.serviceDeployment.deploymentCircuitBreaker.status = "TRIGGERED";
    if (service.deploymentConfiguration?.deploymentCircuitBreaker?.rollback) {
      this.rollBack(record, "Circuit breaker was triggered", "ROLLBACK_IN_PROGRESS");
    } else if (current) {
      // ServiceDeploymentStatus has no FAILED; a tripped breaker without rollback ends the deployment as STOPPED.
      this.finish(current, "STOPPED", failed.rolloutStateReason, true);
    }
  }

  /**
   * Returns the service to its most recent COMPLETED deployment, which becomes PRIMARY and
   * IN_PROGRESS again; traffic goes back to blue. Without one the rollback fails and the
   * service stays where it is. Returns whether a rollback started.
   */
  rollBack(record: ServiceRecord, reason: string, status: "ROLLBACK_IN_PROGRESS" | "ROLLBACK_REQUESTED"): boolean {
    const service = record.service;
    const at = this.world().clock.now();
    const primary = service.deployments?.find((d) => d.status === "PRIMARY");
    const target = service.deployments?.find((d) => d.status === "ACTIVE" && d.rolloutState === "COMPLETED");
    const current = this.current(record);
    if (!target || !primary) {
      if (current) this.finish(current, "ROLLBACK_FAILED", "No completed deployment to roll back to.", false);
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
      if (current.native) this.returnTrafficToBlue(record, current);
      stopWaitingHooks(current.serviceDeployment);
      this.save(current);
    }
    this.wake(service.serviceArn!);
    return true;
  }

  /** StopServiceDeployment: ROLLBACK now (acknowledged a moment later), or ABORT a moment later. */
  requestStop(record: ServiceRecord, deployment: ServiceDeploymentRecord, stopType: "ROLLBACK" | "ABORT"): void {
    const sd = deployment.serviceDeployment;
    if (stopType === "ABORT") {
      Object.assign(sd, { status: "STOP_REQUESTED", updatedAt: this.world().clock.now() });
      this.save(deployment);
    } else {
      this.rollBack(record, "Service deployment rollback requested", "ROLLBACK_REQUESTED");
    }
    this.world().clock.after(REQUEST_ACKNOWLEDGE_MS, () => this.acknowledge(sd.serviceDeploymentArn!));
  }

  /** After a restart, requests that were not yet acted on are acted on. */
  resume(): void {
    for (const deployment of this.world().state.serviceDeployments.values()) {
      const status = deployment.serviceDeployment.status;
      if (status === "STOP_REQUESTED" || status === "ROLLBACK_REQUESTED") this.acknowledge(deployment.serviceDeployment.serviceDeploymentArn!);
    }
  }

  private acknowledge(serviceDeploymentArn: string): void {
    const deployment = this.world().state.serviceDeployments.get(serviceDeploymentArn);
    const record = deployment && this.world().state.services.get(deployment.serviceDeployment.serviceArn!);
    if (!deployment || !record) return;
    const sd = deployment.serviceDeployment;
    if (sd.status === "ROLLBACK_REQUESTED") {
      Object.assign(sd, { status: "ROLLBACK_IN_PROGRESS", updatedAt: this.world().clock.now() });
      this.save(deployment);
    } else if (sd.status === "STOP_REQUESTED") {
      this.abort(record, deployment);
    }
  }

  /** ABORT: the deployment stops where it is; no task is started or stopped for it any more. */
  private abort(record: ServiceRecord, deployment: ServiceDeploymentRecord): void {
    const at = this.world().clock.now();
    const primary = record.service.deployments?.find((d) => d.status === "PRIMARY");
    if (primary?.rolloutState === "IN_PROGRESS") {
      primary.rolloutState = "FAILED";
      primary.rolloutStateReason = `ECS deployment ${primary.id} was stopped.`;
      primary.updatedAt = at;
    }
    stopWaitingHooks(deployment.serviceDeployment);
    this.finish(deployment, "STOPPED", "The service deployment was stopped (ABORT).", true);
    this.world().state.services.put(record.service.serviceArn!, record);
    this.wake(record.service.serviceArn!);
  }

  /** A person's decision on a paused lifecycle hook: go on, or roll the deployment back. */
  decideHook(record: ServiceRecord, deployment: ServiceDeploymentRecord, hook: DeploymentLifecycleHookDetail, action: "CONTINUE" | "ROLLBACK"): void {
    hook.status = action === "CONTINUE" ? "SUCCEEDED" : "FAILED";
    this.save(deployment);
    if (action === "ROLLBACK") this.rollBack(record, "A lifecycle hook asked for a rollback", "ROLLBACK_IN_PROGRESS");
    this.wake(record.service.serviceArn!);
  }

  private returnTrafficToBlue(record: ServiceRecord, deployment: ServiceDeploymentRecord): void {
    const sd = deployment.serviceDeployment;
    routeTraffic(this.world(), deployment.native!, 0, "production");
    routeTraffic(this.world(), deployment.native!, 0, "test");
    setRequestedWeights(sd, 0, 0, blueRevisionArn(record, deployment.native!));
  }

  private finish(deployment: ServiceDeploymentRecord, status: ServiceDeployment["status"], reason: string | undefined, stopped: boolean): void {
    const at = this.world().clock.now();
    const sd = deployment.serviceDeployment;
    Object.assign(sd, { status, statusReason: reason, finishedAt: at, updatedAt: at, ...(stopped ? { stoppedAt: at } : {}) });
    if (sd.deploymentCircuitBreaker?.status === "MONITORING") sd.deploymentCircuitBreaker.status = "MONITORING_COMPLETE";
    this.save(deployment);
  }

  private save(deployment: ServiceDeploymentRecord): void {
    this.world().state.serviceDeployments.put(deployment.serviceDeployment.serviceDeploymentArn!, deployment);
  }
}

/** A deployment that rolls back or stops no longer waits for anyone: its open pauses fail. */
function stopWaitingHooks(sd: ServiceDeployment): void {
  for (const hook of sd.lifecycleHookDetails ?? []) {
    if (hook.status === "AWAITING_ACTION" || hook.status === "IN_PROGRESS") hook.status = "FAILED";
  }
}

/**
 * The requested weights on the revision summaries: green on the target, the rest on blue, the
 * source whose target group serves production. A deployment that took over from one still in
 * progress has another source too (the revision that deployment was rolling out, in green's
 * group): it is being drained, and is asked for no traffic.
 */
export function setRequestedWeights(sd: ServiceDeployment, productionGreen: number, testGreen: number, blueRevisionArn: string | undefined): void {
  if (sd.targetServiceRevision) {
    sd.targetServiceRevision.requestedProductionTrafficWeight = productionGreen;
    sd.targetServiceRevision.requestedTestTrafficWeight = testGreen;
  }
  const sources = sd.sourceServiceRevisions ?? [];
  for (const source of sources) {
    const blue = source.arn === blueRevisionArn || (blueRevisionArn === undefined && sources.length === 1);
    source.requestedProductionTrafficWeight = blue ? 100 - productionGreen : 0;
    source.requestedTestTrafficWeight = blue ? 100 - testGreen : 0;
  }
}

/** The service revision of blue, the deployment whose target group serves production. */
export function blueRevisionArn(record: ServiceRecord, native: NativeDeploymentState): string | undefined {
  return record.links[native.blueDeploymentId]?.serviceRevisionArn;
}

