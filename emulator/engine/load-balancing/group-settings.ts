import type { TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import { parseHttpCodeMatcher } from "../../dataplane/health-probe";
import type { LoadBalancerRecord, TargetGroupRecord } from "../../store/elb-records";

/** A target group's health check with ALB's defaults filled in; times in emulated ms. */
export interface HealthCheckSettings {
  enabled: boolean;
  intervalMs: number;
  timeoutMs: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  path: string;
  /** undefined = "traffic-port": the target's own port. */
  port: number | undefined;
  matcher: string;
}

/** ALB's defaults for an HTTP target group. */
const DEFAULTS = { interval: 30, timeout: 5, healthy: 5, unhealthy: 2, path: "/", matcher: "200" };
const DEFAULT_DEREGISTRATION_DELAY_SECONDS = 300;
const DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

const positive = (value: number | undefined, fallback: number) => (value !== undefined && value > 0 ? value : fallback);

export function healthCheckSettings(group: TargetGroup): HealthCheckSettings {
  const port = group.HealthCheckPort && group.HealthCheckPort !== "traffic-port" ? Number(group.HealthCheckPort) : undefined;
  const matcher = group.Matcher?.HttpCode;
  return {
    enabled: group.HealthCheckEnabled !== false,
    intervalMs: positive(group.HealthCheckIntervalSeconds, DEFAULTS.interval) * 1000,
    timeoutMs: positive(group.HealthCheckTimeoutSeconds, DEFAULTS.timeout) * 1000,
    healthyThreshold: positive(group.HealthyThresholdCount, DEFAULTS.healthy),
    unhealthyThreshold: positive(group.UnhealthyThresholdCount, DEFAULTS.unhealthy),
    path: group.HealthCheckPath || DEFAULTS.path,
    port: port !== undefined && Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined,
    // A matcher the probe cannot read (a gRPC code, say) falls back to ALB's default.
    matcher: matcher && parseHttpCodeMatcher(matcher) ? matcher : DEFAULTS.matcher,
  };
}

function secondsAttribute(attributes: Record<string, string> | undefined, key: string, fallback: number): number {
  const raw = attributes?.[key];
  const value = raw === undefined ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** deregistration_delay.timeout_seconds, in emulated ms. */
export function deregistrationDelayMs(record: TargetGroupRecord): number {
  return secondsAttribute(record.attributes, "deregistration_delay.timeout_seconds", DEFAULT_DEREGISTRATION_DELAY_SECONDS) * 1000;
}

/** idle_timeout.timeout_seconds, in emulated ms. */
export function idleTimeoutMs(record: LoadBalancerRecord | undefined): number {
  return secondsAttribute(record?.attributes, "idle_timeout.timeout_seconds", DEFAULT_IDLE_TIMEOUT_SECONDS) * 1000;
}

/** However fast emulated time runs, a real network exchange gets at least this long. */
export const MIN_REAL_TIMEOUT_MS = 250;

/** An emulated span as the real milliseconds a socket may wait. */
export function realTimeoutMs(emulatedMs: number, timeScale: number, floorMs = MIN_REAL_TIMEOUT_MS): number {
  return Math.max(floorMs, emulatedMs / timeScale);
}
