import type { TargetDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { RegisteredTarget, TargetGroupRecord } from "../../store/elb-records";
import type { ElbState } from "../../store/elb-state";
import type { Clock, TimerHandle } from "../clock";
import { deregistrationDelayMs } from "./group-settings";
import { applyServing, isDraining, setTargetHealth, startRegistration, TARGET_DESCRIPTIONS, type GroupServing } from "./target-health";

export type TargetHealthListener = (targetGroupArn: string, target: RegisteredTarget) => void;

/**
 * The targets of every group: registration, draining and removal, each change persisted and
 * told to subscribers. Draining uses one clock timer per group, due at the earliest removal.
 */
export class TargetRegistry {
  private readonly drainTimers = new Map<string, { handle: TimerHandle; dueAt: number }>();
  private readonly subscribers: TargetHealthListener[] = [];

  constructor(
    private readonly elb: ElbState,
    private readonly clock: Clock,
  ) {}

  subscribe(listener: TargetHealthListener): void {
    this.subscribers.push(listener);
  }

  register(targetGroupArn: string, descriptions: TargetDescription[], serving: GroupServing): void {
    const record = this.elb.targetGroups.get(targetGroupArn);
    if (!record) return;
    const changed: RegisteredTarget[] = [];
    for (const description of descriptions) {
      if (!description.Id) continue;
      const port = description.Port ?? record.targetGroup.Port ?? 80;
      const existing = findTarget(record, description.Id, port);
      // Registering a registered target again changes nothing, unless it was draining.
      if (existing && !isDraining(existing)) continue;
      const target = existing ?? this.newTarget(record, description, port);
      startRegistration(target, serving);
      changed.push(target);
    }
    this.save(targetGroupArn, record, changed);
    this.armDraining(targetGroupArn);
  }

  deregister(targetGroupArn: string, descriptions: TargetDescription[]): void {
    const record = this.elb.targetGroups.get(targetGroupArn);
    if (!record) return;
    const until = this.clock.nowMs() + deregistrationDelayMs(record);
    const changed: RegisteredTarget[] = [];
    for (const description of descriptions) {
      const target = description.Id ? findTarget(record, description.Id, description.Port ?? record.targetGroup.Port ?? 80) : undefined;
      if (!target || isDraining(target)) continue;
      setTargetHealth(target, "draining", "Target.DeregistrationInProgress", TARGET_DESCRIPTIONS.draining);
      target.drainingUntil = until;
      changed.push(target);
    }
    this.save(targetGroupArn, record, changed);
    this.removeDrained(targetGroupArn);
  }

  /** Brings every target that is not draining in line with how its group is now served. */
  applyServing(targetGroupArn: string, serving: GroupServing): void {
    const record = this.elb.targetGroups.get(targetGroupArn);
    if (!record) return;
    this.save(targetGroupArn, record, record.targets.filter((target) => applyServing(target, serving)));
  }

  /** Persists the group and tells subscribers about each changed target. */
  save(targetGroupArn: string, record: TargetGroupRecord, changed: RegisteredTarget[]): void {
    if (changed.length === 0) return;
    this.elb.targetGroups.put(targetGroupArn, record);
    for (const target of changed) this.notify(targetGroupArn, target);
  }

  /** Re-arms the group's draining timer for its earliest removal (after a restart too). */
  armDraining(targetGroupArn: string): void {
    const record = this.elb.targetGroups.get(targetGroupArn);
    const due = (record?.targets ?? []).filter(isDraining).map((target) => target.drainingUntil ?? 0);
    const dueAt = due.length > 0 ? Math.min(...due) : undefined;
    const armed = this.drainTimers.get(targetGroupArn);
    if (armed && armed.dueAt === dueAt) return;
    this.clock.cancel(armed?.handle);
    this.drainTimers.delete(targetGroupArn);
    if (dueAt === undefined) return;
    const handle = this.clock.at(dueAt, () => {
      this.drainTimers.delete(targetGroupArn);
      this.removeDrained(targetGroupArn);
    });
    this.drainTimers.set(targetGroupArn, { handle, dueAt });
  }

  forget(targetGroupArn: string): void {
    this.clock.cancel(this.drainTimers.get(targetGroupArn)?.handle);
    this.drainTimers.delete(targetGroupArn);
  }

  shutdown(): void {
    for (const targetGroupArn of [...this.drainTimers.keys()]) this.forget(targetGroupArn);
  }

  /** Removes the targets whose draining is over and reports them as no longer registered. */
  private removeDrained(targetGroupArn: string): void {
    const record = this.elb.targetGroups.get(targetGroupArn);
    if (!record) return;
    const now = this.clock.nowMs();
    const gone = record.targets.filter((target) => isDraining(target) && (target.drainingUntil ?? 0) <= now);
    if (gone.length > 0) {
      record.targets = record.targets.filter((target) => !gone.includes(target));
      this.elb.targetGroups.put(targetGroupArn, record);
      for (const target of gone) {
        this.notify(targetGroupArn, { ...target, state: "unused", reason: "Target.NotRegistered", description: TARGET_DESCRIPTIONS.notRegistered });
      }
    }
    this.armDraining(targetGroupArn);
  }

  private newTarget(record: TargetGroupRecord, description: TargetDescription, port: number): RegisteredTarget {
    const target: RegisteredTarget = {
      id: description.Id!,
      port,
      availabilityZone: description.AvailabilityZone,
      state: "initial",
      registeredAt: this.clock.nowMs(),
      consecutiveSuccesses: 0,
      consecutiveFailures: 0,
    };
    record.targets.push(target);
    return target;
  }

  private notify(targetGroupArn: string, target: RegisteredTarget): void {
    for (const subscriber of this.subscribers) {
      try {
        subscriber(targetGroupArn, target);
      } catch (error) {
        console.error("[local-ecs] target health subscriber failed", error);
      }
    }
  }
}

export function findTarget(record: TargetGroupRecord, id: string, port: number): RegisteredTarget | undefined {
  return record.targets.find((target) => target.id === id && target.port === port);
}
