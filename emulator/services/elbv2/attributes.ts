import type { TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import { ValidationError } from "./errors";
import { readList, readObject, requiredString, optionalString } from "./input";

/**
 * Load balancer and target group attributes: each key with its default and what values it
 * takes, per load balancer type or target group kind, as the ELBv2 guides list them. Local
 * ECS stores them all; the data plane acts on deregistration delay, stickiness, idle timeout
 * and deletion protection.
 */
type Check = (value: string) => boolean;

interface AttributeSpec {
  defaultValue: string;
  valid: Check;
  /** Shown in the error when the value is not valid. */
  expected: string;
}

const bool: Pick<AttributeSpec, "valid" | "expected"> = { valid: (v) => v === "true" || v === "false", expected: "true or false" };
const anyText: Pick<AttributeSpec, "valid" | "expected"> = { valid: (v) => v.length <= 1024, expected: "at most 1024 characters" };
const int = (min: number, max: number, also?: Check): Pick<AttributeSpec, "valid" | "expected"> => ({
  valid: (v) => /^\d+$/.test(v) && ((+v >= min && +v <= max) || (also?.(v) ?? false)),
  expected: `an integer from ${min} to ${max}`,
});
const oneOf = (...values: string[]): Pick<AttributeSpec, "valid" | "expected"> => ({
  valid: (v) => values.includes(v),
  expected: `one of ${values.join(", ")}`,
});
const spec = (defaultValue: string, check: Pick<AttributeSpec, "valid" | "expected">): AttributeSpec => ({ defaultValue, ...check });

type Specs = Record<string, AttributeSpec>;

const ACCESS_LOGS: Specs = {
  "access_logs.s3.enabled": spec("false", bool),
  "access_logs.s3.bucket": spec("", anyText),
  "access_logs.s3.prefix": spec("", anyText),
  "deletion_protection.enabled": spec("false", bool),
  "zonal_shift.config.enabled": spec("false", bool),
};

const APPLICATION_LOAD_BALANCER: Specs = {
  ...ACCESS_LOGS,
  "connection_logs.s3.enabled": spec("false", bool),
  "connection_logs.s3.bucket": spec("", anyText),
  "connection_logs.s3.prefix": spec("", anyText),
  "idle_timeout.timeout_seconds": spec("60", int(1, 4000)),
  "client_keep_alive.seconds": spec("3600", int(60, 604800)),
  "routing.http.desync_mitigation_mode": spec("defensive", oneOf("monitor", "defensive", "strictest")),
  "routing.http.drop_invalid_header_fields.enabled": spec("false", bool),
  "routing.http.preserve_host_header.enabled": spec("false", bool),
  "routing.http.x_amzn_tls_version_and_cipher_suite.enabled": spec("false", bool),
  "routing.http.xff_client_port.enabled": spec("false", bool),
  "routing.http.xff_header_processing.mode": spec("append", oneOf("append", "preserve", "remove")),
  "routing.http2.enabled": spec("true", bool),
  "waf.fail_open.enabled": spec("false", bool),
};

const NETWORK_LOAD_BALANCER: Specs = {
  ...ACCESS_LOGS,
  "load_balancing.cross_zone.enabled": spec("false", bool),
  "dns_record.client_routing_policy": spec(
    "any_availability_zone",
    oneOf("availability_zone_affinity", "partial_availability_zone_affinity", "any_availability_zone"),
  ),
};

const TARGET_GROUP_COMMON: Specs = {
  "deregistration_delay.timeout_seconds": spec("300", int(0, 3600)),
  "stickiness.enabled": spec("false", bool),
  "load_balancing.cross_zone.enabled": spec("use_load_balancer_configuration", oneOf("true", "false", "use_load_balancer_configuration")),
  "target_group_health.dns_failover.minimum_healthy_targets.count": spec("1", { valid: (v) => v === "off" || /^[1-9]\d*$/.test(v), expected: "off or a positive integer" }),
  "target_group_health.dns_failover.minimum_healthy_targets.percentage": spec("off", { valid: (v) => v === "off" || (/^\d+$/.test(v) && +v >= 1 && +v <= 100), expected: "off or 1 to 100" }),
  "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count": spec("1", int(1, 1000)),
  "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage": spec("off", { valid: (v) => v === "off" || (/^\d+$/.test(v) && +v >= 1 && +v <= 100), expected: "off or 1 to 100" }),
};

const HTTP_TARGET_GROUP: Specs = {
  ...TARGET_GROUP_COMMON,
  "stickiness.type": spec("lb_cookie", oneOf("lb_cookie", "app_cookie")),
  "stickiness.lb_cookie.duration_seconds": spec("86400", int(1, 604800)),
  "stickiness.app_cookie.cookie_name": spec("", anyText),
  "stickiness.app_cookie.duration_seconds": spec("86400", int(1, 604800)),
  "load_balancing.algorithm.type": spec("round_robin", oneOf("round_robin", "least_outstanding_requests", "weighted_random")),
  "load_balancing.algorithm.anomaly_mitigation": spec("off", oneOf("on", "off")),
  // 0 turns slow start off; otherwise 30–900 seconds.
  "slow_start.duration_seconds": spec("0", int(30, 900, (v) => v === "0")),
};

const TCP_TARGET_GROUP: Specs = {
  ...TARGET_GROUP_COMMON,
  "stickiness.type": spec("source_ip", oneOf("source_ip")),
  "deregistration_delay.connection_termination.enabled": spec("false", bool),
  "preserve_client_ip.enabled": spec("false", bool),
  "proxy_protocol_v2.enabled": spec("false", bool),
  "target_health_state.unhealthy.connection_termination.enabled": spec("true", bool),
  "target_health_state.unhealthy.draining_interval_seconds": spec("0", int(0, 360000)),
};

const LAMBDA_TARGET_GROUP: Specs = { "lambda.multi_value_headers.enabled": spec("false", bool) };

export function loadBalancerAttributeSpecs(type: string | undefined): Specs {
  return type === "network" ? NETWORK_LOAD_BALANCER : APPLICATION_LOAD_BALANCER;
}

export function targetGroupAttributeSpecs(group: TargetGroup): Specs {
  if (group.TargetType === "lambda") return LAMBDA_TARGET_GROUP;
  if (group.Protocol === "HTTP" || group.Protocol === "HTTPS") return HTTP_TARGET_GROUP;
  // Instance targets keep the client's address by default; IP targets do not.
  return { ...TCP_TARGET_GROUP, "preserve_client_ip.enabled": spec(group.TargetType === "instance" ? "true" : "false", bool) };
}

export function defaultAttributes(specs: Specs): Record<string, string> {
  return Object.fromEntries(Object.entries(specs).map(([key, attribute]) => [key, attribute.defaultValue]));
}

/** Reads `Attributes [{Key, Value}]`; every key must be one the resource has, every value valid. */
export function readAttributeChanges(value: unknown, specs: Specs, kind: string): Record<string, string> {
  const list = readList(value, "Attributes");
  if (list.length === 0) throw new ValidationError("Attributes must contain at least one attribute.");
  const changes: Record<string, string> = {};
  for (const raw of list) {
    const attribute = readObject(raw, "Attribute");
    const key = requiredString(attribute.Key, "Attribute Key");
    const attributeValue = optionalString(attribute.Value, "Attribute Value") ?? "";
    const known = Object.hasOwn(specs, key) ? specs[key] : undefined;
    if (!known) throw new ValidationError(`${kind} attribute key '${key}' is not recognized`);
    if (!known.valid(attributeValue)) {
      throw new ValidationError(`${kind} attribute '${key}' cannot be '${attributeValue}': it must be ${known.expected}.`);
    }
    changes[key] = attributeValue;
  }
  return changes;
}

/** Attributes as the API lists them, in the specs' order; keys a record lacks get their default. */
export function attributeList(stored: Record<string, string>, specs: Specs): Array<{ Key: string; Value: string }> {
  return Object.entries(specs).map(([key, attribute]) => ({ Key: key, Value: stored[key] ?? attribute.defaultValue }));
}
