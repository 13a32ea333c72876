import type { TargetDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { RegisteredTarget } from "../../store/elb-records";

/** Requests through a listener that reached one target group in one emulated second. */
export interface TrafficSample {
  /** Emulated epoch seconds (whole). */
  second: number;
  requests: number;
  errors5xx: number;
}

/**
 * The ELBv2 data plane: a real HTTP proxy per listener, target registration with draining,
 * health checks per target group and request counters. The ELBv2 API handlers and the ECS
 * engine drive it; it owns every timer and socket of load balancing.
 */
export interface LoadBalancingPlane {
  /** (Re)binds a listener's proxy after CreateListener, ModifyListener or any rule change; resolves once it answers. */
  listenerChanged(listenerArn: string): Promise<void>;
  /** Closes the proxy of a deleted listener. */
  listenerRemoved(listenerArn: string): Promise<void>;
  /** New targets start `initial` (Elb.RegistrationInProgress) and are health-checked from then on. */
  registerTargets(targetGroupArn: string, targets: TargetDescription[]): void;
  /** Targets drain for `deregistration_delay.timeout_seconds`, then disappear. */
  deregisterTargets(targetGroupArn: string, targets: TargetDescription[]): void;
  /** Re-reads a target group's health-check settings and attributes, or forgets a deleted one. */
  targetGroupChanged(targetGroupArn: string): void;
  /**
   * Subscribes to target health changes (the ECS engine counts healthy tasks with it). A target
   * removed after draining is reported once more as `unused` / Target.NotRegistered.
   */
  onTargetHealthChange(listener: (targetGroupArn: string, target: RegisteredTarget) => void): void;
  /**
   * Requests and 5xx per emulated second for a target group over the last hour, oldest first,
   * since `sinceSecond` if given; seconds without requests are left out.
   */
  trafficOf(targetGroupArn: string, sinceSecond?: number): TrafficSample[];
  /** After a restart: proxies rebound, health checks and draining timers re-armed. */
  resume(): Promise<void>;
  shutdown(): Promise<void>;
}
