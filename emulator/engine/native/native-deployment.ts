import type { Deployment, DeploymentLifecycleHookStage, ServiceDeploymentLifecycleStage } from "@aws-sdk/client-ecs";
import type { ServiceDeploymentRecord, ServiceRecord } from "../../store/records";
import type { EcsWorld } from "../../world";
import type { TimerHandle } from "../clock";
import type { DeploymentOutcomes } from "../deployment-outcomes";
import { blueRevisionArn, setRequestedWeights } from "../deployment-outcomes";
import { addServiceEvent, serviceEventText } from "../service-events";
import type { ServiceTasks } from "../service-tasks";
import { hookOutcome, startStageHooks } from "./lifecycle-hooks";
import { routeTraffic } from "./traffic-routing";

/**
 * Runs BLUE_GREEN, LINEAR and CANARY deployments through ECS's lifecycle stages (spec §3):
 * green scales up beside blue, test traffic moves, production traffic moves step by step
 * with bakes and hooks between, then blue is cleaned up (by the rolling path, which ends the
 * deployment once blue is gone). Everything it waits for is in the stored record, so a
 * restart carries on where it was.
 */
/** The SDK's stage enum lacks PRE_PRODUCTION_TRAFFIC_SHIFT, which the hook stages (and ECS) have. */
type Stage = ServiceDeploymentLifecycleStage | DeploymentLifecycleHookStage;

const STAGE_ORDER: Stage[] = [
  "RECONCILE_SERVICE",
  "PRE_SCALE_UP",
  "SCALE_UP",
  "POST_SCALE_UP",
  "TEST_TRAFFIC_SHIFT",
  "POST_TEST_TRAFFIC_SHIFT",
  "PRE_PRODUCTION_TRAFFIC_SHIFT",
  "PRODUCTION_TRAFFIC_SHIFT",
  "POST_PRODUCTION_TRAFFIC_SHIFT",
  "BAKE_TIME",
  "CLEAN_UP",
];
const MINUTE = 60_000;
/** A stage that waits on tasks (not on a person) fails after a day, and the deployment rolls back. */
const STAGE_LIMIT_MS = 24 * 60 * MINUTE;

export class NativeDeployments {
  private readonly wakeups = new Map<string, { at: number; handle: TimerHandle }>();

  constructor(
    private readonly world: () => EcsWorld,
    private readonly tasks: ServiceTasks,
    private readonly outcomes: DeploymentOutcomes,
    private readonly wake: (serviceArn: string) => void,
  ) {}

  /** True while this deployment is in the stages this class runs (everything before CLEAN_UP). */
  drives(deployment: ServiceDeploymentRecord | undefined): deployment is ServiceDeploymentRecord {
    const sd = deployment?.serviceDeployment;
    return Boolean(deployment?.native) && sd?.status === "IN_PROGRESS" && sd.lifecycleStage !== "CLEAN_UP";
  }

  step(record: ServiceRecord, deployment: ServiceDeploymentRecord, now: number): void {
    const sd = deployment.serviceDeployment;
    const native = deployment.native!;
    const green = this.deployment(record, native.greenDeploymentId);
    const blue = this.deployment(record, native.blueDeploymentId);
    if (!green) return;
    if (!sd.lifecycleStage) this.enter(record, deployment, this.firstStage(record, native.blueDeploymentId, native.greenDeploymentId), now);
    const desired = record.service.desiredCount ?? 0;
    if (blue) this.tasks.scale(record, blue, desired, now);
    const greenScaled = STAGE_ORDER.indexOf(sd.lifecycleStage!) >= STAGE_ORDER.indexOf("SCALE_UP");
    this.tasks.scale(record, green, greenScaled ? desired : 0, now);

    for (let guard = 0; guard < STAGE_ORDER.length * 2 + native.steps.length * 3; guard++) {
      const hooks = hookOutcome(sd, now);
      if (hooks.kind === "rollback") {
        this.save(deployment);
        this.outcomes.rollBack(record, hooks.reason, "ROLLBACK_IN_PROGRESS");
        return;
      }
      if (hooks.kind === "waiting") return this.wakeAt(record, hooks.until);
      const waitUntil = this.stageWait(record, deployment, green, now);
      if (waitUntil !== undefined) {
        // Waiting on tasks rather than on a clock: the stage may take at most a day.
        const deadline = waitUntil === Infinity ? (native.stageStartedAt ?? now) + STAGE_LIMIT_MS : waitUntil;
        this.save(deployment);
        if (waitUntil === Infinity && now >= deadline) {
          this.outcomes.rollBack(record, `${sd.lifecycleStage} did not finish within 24 hours`, "ROLLBACK_IN_PROGRESS");
          return;
        }
        return this.wakeAt(record, deadline);
      }
      this.enter(record, deployment, this.nextStage(deployment), now);
      if (sd.lifecycleStage === "CLEAN_UP") return this.save(deployment);
    }
  }

  /** undefined when the current stage is finished; otherwise when it will be (Infinity: when its tasks are ready). */
  private stageWait(record: ServiceRecord, deployment: ServiceDeploymentRecord, green: Deployment, now: number): number | undefined {
    const native = deployment.native!;
    switch (deployment.serviceDeployment.lifecycleStage) {
      case "RECONCILE_SERVICE": {
        const others = this.tasks.live(record).filter((t) => t.deploymentId !== native.blueDeploymentId && t.deploymentId !== native.greenDeploymentId);
        this.tasks.stop(record, others, "Reconciling the service before its deployment", false);
        return others.length > 0 ? Infinity : undefined;
      }
      case "SCALE_UP": {
        const healthy = this.tasks.live(record, green.id).filter((t) => this.tasks.healthy(t, now)).length;
        return healthy >= (record.service.desiredCount ?? 0) ? undefined : Infinity;
      }
      case "PRODUCTION_TRAFFIC_SHIFT":
      case "BAKE_TIME":
        return native.waitUntil !== undefined && now < native.waitUntil ? native.waitUntil : undefined;
      default:
        return undefined;
    }
  }

  private nextStage(deployment: ServiceDeploymentRecord): Stage {
    const native = deployment.native!;
    const stage = deployment.serviceDeployment.lifecycleStage!;
    if (stage === "PRODUCTION_TRAFFIC_SHIFT" && native.stepIndex < native.steps.length - 1) {
      native.stepIndex++;
      return "PRE_PRODUCTION_TRAFFIC_SHIFT";
    }
    return STAGE_ORDER[STAGE_ORDER.indexOf(stage) + 1];
  }

  /** RECONCILE_SERVICE only when more than blue is running at the start (spec §3). */
  private firstStage(record: ServiceRecord, blueId: string, greenId: string): Stage {
    const others = this.tasks.live(record).some((t) => t.deploymentId !== blueId && t.deploymentId !== greenId);
    return others ? "RECONCILE_SERVICE" : "PRE_SCALE_UP";
  }

  /** Entering a stage: its hooks start, and the work it does at once is done. */
  private enter(record: ServiceRecord, deployment: ServiceDeploymentRecord, stage: Stage, now: number): void {
    const sd = deployment.serviceDeployment;
    const native = deployment.native!;
    const config = sd.deploymentConfiguration;
    sd.lifecycleStage = stage as ServiceDeploymentLifecycleStage;
    sd.updatedAt = new Date(now);
    native.waitUntil = undefined;
    native.stageStartedAt = now;
    startStageHooks(sd, stage, config, now);
    const green = this.deployment(record, native.greenDeploymentId);
    if (stage === "SCALE_UP" && green) this.tasks.scale(record, green, record.service.desiredCount ?? 0, now);
    if (stage === "TEST_TRAFFIC_SHIFT") {
      void routeTraffic(this.world(), native, 100, "test");
      setRequestedWeights(sd, this.productionPercent(deployment), 100, blueRevisionArn(record, native));
    }
    if (stage === "PRODUCTION_TRAFFIC_SHIFT") {
      const step = native.steps[native.stepIndex];
      void routeTraffic(this.world(), native, step.greenPercent, "production");
      setRequestedWeights(sd, step.greenPercent, 100, blueRevisionArn(record, native));
      native.waitUntil = now + step.bakeMs;
    }
    if (stage === "BAKE_TIME") native.waitUntil = now + (config?.bakeTimeInMinutes ?? 0) * MINUTE;
    addServiceEvent(record.service, serviceEventText.stageReached(native.greenDeploymentId, stage), new Date(now));
    if (sd.lifecycleHookDetails?.some((h) => h.status === "AWAITING_ACTION")) {
      addServiceEvent(record.service, serviceEventText.awaitingAction(native.greenDeploymentId, stage), new Date(now));
    }
    this.save(deployment);
  }

  /** Production traffic on green now: the last step taken, 0 before the first. */
  private productionPercent(deployment: ServiceDeploymentRecord): number {
    return deployment.serviceDeployment.targetServiceRevision?.requestedProductionTrafficWeight ?? 0;
  }

  private wakeAt(record: ServiceRecord, at: number): void {
    const arn = record.service.serviceArn!;
    const existing = this.wakeups.get(arn);
    if (existing && existing.at <= at && existing.at > this.world().clock.nowMs()) return;
    if (existing) this.world().clock.cancel(existing.handle);
    const handle = this.world().clock.at(at, () => {
      this.wakeups.delete(arn);
      this.wake(arn);
    });
    this.wakeups.set(arn, { at, handle });
  }

  private deployment(record: ServiceRecord, id: string): Deployment | undefined {
    return record.service.deployments?.find((d) => d.id === id);
  }

  private save(deployment: ServiceDeploymentRecord): void {
    this.world().state.serviceDeployments.put(deployment.serviceDeployment.serviceDeploymentArn!, deployment);
  }
}
