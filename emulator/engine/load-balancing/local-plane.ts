import type { TargetDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import { probeHttpHealth } from "../../dataplane/health-probe";
import { startListenerProxy } from "../../dataplane/listener-proxy";
import { startSyntheticTraffic, type RunningSyntheticTraffic, type SyntheticTrafficTarget } from "../../dataplane/synthetic-traffic";
import type { RegisteredTarget } from "../../store/elb-records";
import type { ElbState } from "../../store/elb-state";
import type { Clock } from "../clock";
import { targetHost } from "./forwarding";
import { healthCheckSettings, idleTimeoutMs, realTimeoutMs, type HealthCheckSettings } from "./group-settings";
import { targetGroupsInUse } from "./group-usage";
import { TargetGroupHealthChecks } from "./health-checks";
import { ListenerBindings } from "./listener-bindings";
import { ListenerRouter } from "./listener-router";
import type { LoadBalancingPlane, TrafficSample } from "./plane";
import type { GroupServing } from "./target-health";
import { TargetRegistry, type TargetHealthListener } from "./target-registry";
import { TrafficCounters } from "./traffic-counters";

export interface LocalLoadBalancingOptions {
  elb: ElbState;
  clock: Clock;
  /** Real GET / requests per second through each load balancer; 0 (default) sends none. */
  syntheticTrafficPerSecond?: number;
}

/** A proxied request may idle at least this long in real time, however fast emulated time runs. */
const MIN_REAL_IDLE_TIMEOUT_MS = 1000;

/**
 * Local ECS's ELBv2 data plane: real proxies on loopback per listener, targets with health
 * checks and draining, request counters, and optional synthetic clients. Every delay runs on
 * the emulator's clock; every change to a target is written to the store.
 */
export class LocalLoadBalancingPlane implements LoadBalancingPlane {
  private readonly elb: ElbState;
  private readonly clock: Clock;
  private readonly counters = new TrafficCounters();
  private readonly registry: TargetRegistry;
  private readonly health: TargetGroupHealthChecks;
  private readonly router: ListenerRouter;
  private readonly bindings: ListenerBindings;
  private synthetic: RunningSyntheticTraffic | undefined;

  constructor(private readonly options: LocalLoadBalancingOptions) {
    this.elb = options.elb;
    this.clock = options.clock;
    this.registry = new TargetRegistry(this.elb, this.clock);
    this.health = new TargetGroupHealthChecks(this.elb, this.clock, this.registry, (target, settings) => this.probe(target, settings));
    this.router = new ListenerRouter({
      elb: this.elb,
      clock: this.clock,
      counters: this.counters,
      localPortOf: (arn) => this.bindings.localPortOf(arn),
    });
    this.bindings = new ListenerBindings(this.elb, (listenerArn, ports) =>
      startListenerProxy({
        candidatePorts: ports,
        route: (req, localPort) => this.router.route(listenerArn, req, localPort),
        idleTimeoutMs: () => this.idleTimeoutFor(listenerArn),
      }),
    );
  }

  async listenerChanged(listenerArn: string): Promise<void> {
    await this.bindings.bind(listenerArn);
    this.refreshServing();
  }

  async listenerRemoved(listenerArn: string): Promise<void> {
    await this.bindings.unbind(listenerArn);
    this.refreshServing();
  }

  registerTargets(targetGroupArn: string, targets: TargetDescription[]): void {
    this.registry.register(targetGroupArn, targets, this.servingOf(targetGroupArn));
    this.health.ensure(targetGroupArn);
  }

  deregisterTargets(targetGroupArn: string, targets: TargetDescription[]): void {
    this.registry.deregister(targetGroupArn, targets);
  }

  targetGroupChanged(targetGroupArn: string): void {
    if (!this.elb.targetGroups.has(targetGroupArn)) {
      this.health.stop(targetGroupArn);
      this.registry.forget(targetGroupArn);
      this.router.forget(targetGroupArn);
      this.counters.forget(targetGroupArn);
      return;
    }
    this.registry.applyServing(targetGroupArn, this.servingOf(targetGroupArn));
    this.registry.armDraining(targetGroupArn);
    this.health.restart(targetGroupArn);
  }

  onTargetHealthChange(listener: TargetHealthListener): void {
    this.registry.subscribe(listener);
  }

  trafficOf(targetGroupArn: string, sinceSecond?: number): TrafficSample[] {
    return this.counters.samples(targetGroupArn, Math.floor(this.clock.nowMs() / 1000), sinceSecond);
  }

  async resume(): Promise<void> {
    await Promise.all([...this.elb.listeners.values()].map((record) => this.bindings.bind(record.listener.ListenerArn!)));
    this.refreshServing();
    for (const arn of this.targetGroupArns()) this.registry.armDraining(arn);
    const rate = this.options.syntheticTrafficPerSecond ?? 0;
    if (rate > 0 && !this.synthetic) {
      this.synthetic = startSyntheticTraffic({ requestsPerSecond: rate, targets: () => this.syntheticTargets() });
    }
  }

  async shutdown(): Promise<void> {
    this.synthetic?.stop();
    this.synthetic = undefined;
    this.health.shutdown();
    this.registry.shutdown();
    await this.bindings.closeAll();
  }

  /** Where each listener really answers, for tests and tools. */
  localPortOf(listenerArn: string): number | undefined {
    return this.bindings.localPortOf(listenerArn);
  }

  private servingOf(targetGroupArn: string, used = targetGroupsInUse(this.elb)): GroupServing {
    if (!used.has(targetGroupArn)) return "unused";
    const group = this.elb.targetGroups.get(targetGroupArn)?.targetGroup;
    return group && !healthCheckSettings(group).enabled ? "unchecked" : "checked";
  }

  /** After any listener or rule change: groups that gained or lost a listener move their targets. */
  private refreshServing(): void {
    const used = targetGroupsInUse(this.elb);
    for (const arn of this.targetGroupArns()) {
      const serving = this.servingOf(arn, used);
      this.registry.applyServing(arn, serving);
      if (serving === "checked") this.health.ensure(arn);
      else this.health.stop(arn);
    }
  }

  private targetGroupArns(): string[] {
    return [...this.elb.targetGroups.values()].map((record) => record.targetGroup.TargetGroupArn!);
  }

  private probe(target: RegisteredTarget, settings: HealthCheckSettings) {
    return probeHttpHealth({
      host: targetHost(target.id),
      port: settings.port ?? target.port,
      path: settings.path,
      timeoutMs: realTimeoutMs(settings.timeoutMs, this.clock.timeScale),
      matcher: settings.matcher,
    });
  }

  private idleTimeoutFor(listenerArn: string): number {
    const loadBalancerArn = this.elb.listeners.get(listenerArn)?.listener.LoadBalancerArn ?? "";
    return realTimeoutMs(idleTimeoutMs(this.elb.loadBalancers.get(loadBalancerArn)), this.clock.timeScale, MIN_REAL_IDLE_TIMEOUT_MS);
  }

  private syntheticTargets(): SyntheticTrafficTarget[] {
    const byBalancer = new Map<string, SyntheticTrafficTarget>();
    for (const { listenerArn, port } of this.bindings.entries()) {
      const loadBalancerArn = this.elb.listeners.get(listenerArn)?.listener.LoadBalancerArn ?? listenerArn;
      const dnsName = this.elb.loadBalancers.get(loadBalancerArn)?.loadBalancer.DNSName ?? "127.0.0.1";
      const entry = byBalancer.get(loadBalancerArn) ?? { key: loadBalancerArn, hostNames: [dnsName], ports: [] };
      entry.ports.push(port);
      for (const name of ruleHostNames(this.elb, listenerArn, dnsName)) if (!entry.hostNames.includes(name)) entry.hostNames.push(name);
      byBalancer.set(loadBalancerArn, entry);
    }
    return [...byBalancer.values()];
  }
}

/**
 * Host names a listener's host-header rules match, so synthetic clients reach every service
 * behind it: `api.*` becomes `api.<DNS name>`.
 */
function ruleHostNames(elb: ElbState, listenerArn: string, dnsName: string): string[] {
  const names: string[] = [];
  for (const { rule } of elb.rulesOf(listenerArn)) {
    for (const condition of rule.Conditions ?? []) {
      if (condition.Field !== "host-header") continue;
      for (const value of condition.HostHeaderConfig?.Values ?? condition.Values ?? []) {
        names.push(value.replace(/\*/g, dnsName).replace(/\?/g, "a"));
      }
    }
  }
  return names;
}
