import type { HttpHealthProbeResult } from "../../dataplane/health-probe";
import type { RegisteredTarget } from "../../store/elb-records";
import type { ElbState } from "../../store/elb-state";
import type { Clock, TimerHandle } from "../clock";
import { healthCheckSettings, type HealthCheckSettings } from "./group-settings";
import { applyProbeResult, isHealthChecked, startInitialChecks } from "./target-health";
import { findTarget, type TargetRegistry } from "./target-registry";

/** One real probe of one target with its group's settings. */
export type TargetProbe = (target: RegisteredTarget, settings: HealthCheckSettings) => Promise<HttpHealthProbeResult>;

/**
 * Health checks per target group: one clock timer per group fires a round every
 * HealthCheckIntervalSeconds (emulated) that probes all its checked targets at once. The next
 * round is armed when a round ends, so rounds never overlap however slow the targets are.
 */
export class TargetGroupHealthChecks {
  private readonly timers = new Map<string, TimerHandle>();
  private readonly running = new Set<string>();
  private stopped = false;

  constructor(
    private readonly elb: ElbState,
    private readonly clock: Clock,
    private readonly registry: TargetRegistry,
    private readonly probe: TargetProbe,
  ) {}

  /** Arms the group's checks if it has targets to check and nothing is armed yet. */
  ensure(targetGroupArn: string): void {
    if (this.stopped || this.timers.has(targetGroupArn) || this.running.has(targetGroupArn)) return;
    const record = this.elb.targetGroups.get(targetGroupArn);
    if (!record || !record.targets.some(isHealthChecked)) return;
    const settings = healthCheckSettings(record.targetGroup);
    if (settings.enabled) this.schedule(targetGroupArn, this.clock.nowMs() + settings.intervalMs);
  }

  /** Settings changed: the next round follows them. */
  restart(targetGroupArn: string): void {
    this.stop(targetGroupArn);
    this.ensure(targetGroupArn);
  }

  stop(targetGroupArn: string): void {
    this.clock.cancel(this.timers.get(targetGroupArn));
    this.timers.delete(targetGroupArn);
  }

  shutdown(): void {
    this.stopped = true;
    for (const targetGroupArn of [...this.timers.keys()]) this.stop(targetGroupArn);
  }

  private schedule(targetGroupArn: string, dueAt: number): void {
    this.timers.set(targetGroupArn, this.clock.at(dueAt, () => void this.round(targetGroupArn)));
  }

  private async round(targetGroupArn: string): Promise<void> {
    this.timers.delete(targetGroupArn);
    const record = this.elb.targetGroups.get(targetGroupArn);
    if (!record || this.stopped) return;
    const settings = healthCheckSettings(record.targetGroup);
    const targets = record.targets.filter(isHealthChecked);
    if (!settings.enabled || targets.length === 0) return;
    const startedAt = this.clock.nowMs();
    this.registry.save(targetGroupArn, record, targets.filter(startInitialChecks));
    this.running.add(targetGroupArn);
    const results = await Promise.all(targets.map((target) => this.safeProbe(target, settings)));
    this.running.delete(targetGroupArn);
    this.applyResults(targetGroupArn, targets, results);
    if (this.stopped || this.timers.has(targetGroupArn)) return;
    const current = this.elb.targetGroups.get(targetGroupArn);
    if (current?.targets.some(isHealthChecked)) {
      this.schedule(targetGroupArn, Math.max(this.clock.nowMs(), startedAt + healthCheckSettings(current.targetGroup).intervalMs));
    }
  }

  /** A probe that cannot even be attempted counts as a failed check, never as a stalled round. */
  private safeProbe(target: RegisteredTarget, settings: HealthCheckSettings): Promise<HttpHealthProbeResult> {
    return this.probe(target, settings).catch((): HttpHealthProbeResult => ({ healthy: false, reason: "ConnectionRefused" }));
  }

  /** Results land on the targets as they are now: one may have been deregistered meanwhile. */
  private applyResults(targetGroupArn: string, probed: RegisteredTarget[], results: HttpHealthProbeResult[]): void {
    const record = this.elb.targetGroups.get(targetGroupArn);
    if (!record || this.stopped) return;
    const settings = healthCheckSettings(record.targetGroup);
    const changed: RegisteredTarget[] = [];
    probed.forEach((target, i) => {
      const live = findTarget(record, target.id, target.port);
      if (live && applyProbeResult(live, results[i], settings)) changed.push(live);
    });
    this.registry.save(targetGroupArn, record, changed);
  }
}
