import type { Matcher, TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import { ValidationError } from "./errors";
import { optionalBoolean, optionalEnum, optionalInteger, optionalObject, optionalString } from "./input";

/**
 * A target group's health check: defaults per protocol and target type, ranges, and the rule
 * that the timeout is shorter than the interval.
 *
 * Defaults follow AWS's responses. For HTTP/HTTPS target groups (ALB) the timeout is 5 s; the
 * API reference's "6 s for HTTP" is the Network Load Balancer's HTTP health check, and TCP
 * and HTTPS health checks of NLB target groups default to 10 s. Lambda targets: interval 35 s,
 * timeout 30 s, thresholds 5 and 5, health checks off.
 */
type HealthCheck = Pick<
  TargetGroup,
  | "HealthCheckEnabled"
  | "HealthCheckProtocol"
  | "HealthCheckPort"
  | "HealthCheckPath"
  | "HealthCheckIntervalSeconds"
  | "HealthCheckTimeoutSeconds"
  | "HealthyThresholdCount"
  | "UnhealthyThresholdCount"
  | "Matcher"
>;

export interface HealthCheckInput {
  HealthCheckProtocol?: unknown;
  HealthCheckPort?: unknown;
  HealthCheckPath?: unknown;
  HealthCheckEnabled?: unknown;
  HealthCheckIntervalSeconds?: unknown;
  HealthCheckTimeoutSeconds?: unknown;
  HealthyThresholdCount?: unknown;
  UnhealthyThresholdCount?: unknown;
  Matcher?: unknown;
}

const HEALTH_CHECK_PROTOCOLS = ["HTTP", "HTTPS", "TCP"] as const;
const GRPC_DEFAULT_PATH = "/AWS.ALB/healthcheck";

function isHttpFamily(protocol: string | undefined): boolean {
  return protocol === "HTTP" || protocol === "HTTPS";
}

/** The health check a new target group gets when the client sets nothing. */
export function defaultHealthCheck(group: TargetGroup): HealthCheck {
  if (group.TargetType === "lambda") {
    return {
      HealthCheckEnabled: false,
      HealthCheckPath: "/",
      HealthCheckIntervalSeconds: 35,
      HealthCheckTimeoutSeconds: 30,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 5,
      Matcher: { HttpCode: "200" },
    };
  }
  const http = isHttpFamily(group.Protocol);
  const grpc = group.ProtocolVersion === "GRPC";
  return {
    HealthCheckEnabled: true,
    HealthCheckProtocol: http ? group.Protocol : "TCP",
    HealthCheckPort: "traffic-port",
    HealthCheckPath: http ? (grpc ? GRPC_DEFAULT_PATH : "/") : undefined,
    HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: http ? 5 : 10,
    HealthyThresholdCount: 5,
    UnhealthyThresholdCount: 2,
    Matcher: http ? (grpc ? { GrpcCode: "12" } : { HttpCode: "200" }) : undefined,
  };
}

/** Applies the client's health-check settings over `current`, then checks the whole. */
export function applyHealthCheck(group: TargetGroup, current: HealthCheck, input: HealthCheckInput): HealthCheck {
  const protocol = optionalEnum(input.HealthCheckProtocol, "HealthCheckProtocol", HEALTH_CHECK_PROTOCOLS) ?? current.HealthCheckProtocol;
  const protocolChanged = protocol !== current.HealthCheckProtocol;
  const lambda = group.TargetType === "lambda";
  const httpCheck = lambda || isHttpFamily(protocol);
  // Switching an NLB group's check between TCP and HTTP(S) brings that protocol's defaults.
  const nlbSwitch = protocolChanged && !lambda && !isHttpFamily(group.Protocol);
  const timeoutDefault = nlbSwitch ? (protocol === "HTTP" ? 6 : 10) : current.HealthCheckTimeoutSeconds;
  const matcherDefault: Matcher = { HttpCode: isHttpFamily(group.Protocol) || lambda ? "200" : "200-399" };
  const next: HealthCheck = {
    HealthCheckEnabled: optionalBoolean(input.HealthCheckEnabled, "HealthCheckEnabled") ?? current.HealthCheckEnabled,
    HealthCheckProtocol: protocol,
    HealthCheckPort: readHealthCheckPort(input.HealthCheckPort) ?? current.HealthCheckPort,
    HealthCheckPath: httpCheck ? (readPath(input.HealthCheckPath) ?? current.HealthCheckPath ?? "/") : undefined,
    HealthCheckIntervalSeconds: optionalInteger(input.HealthCheckIntervalSeconds, "HealthCheckIntervalSeconds", 5, 300) ?? current.HealthCheckIntervalSeconds,
    HealthCheckTimeoutSeconds: optionalInteger(input.HealthCheckTimeoutSeconds, "HealthCheckTimeoutSeconds", 2, 120) ?? timeoutDefault,
    HealthyThresholdCount: optionalInteger(input.HealthyThresholdCount, "HealthyThresholdCount", 2, 10) ?? current.HealthyThresholdCount,
    UnhealthyThresholdCount: optionalInteger(input.UnhealthyThresholdCount, "UnhealthyThresholdCount", 2, 10) ?? current.UnhealthyThresholdCount,
    Matcher: httpCheck ? (readMatcher(input.Matcher, group) ?? current.Matcher ?? matcherDefault) : undefined,
  };
  checkHealthCheck(group, next);
  return next;
}

function checkHealthCheck(group: TargetGroup, check: HealthCheck): void {
  if (check.HealthCheckEnabled === false && group.TargetType !== "lambda") {
    throw new ValidationError(`Health checks cannot be disabled for target groups with target type '${group.TargetType}'`);
  }
  if (isHttpFamily(group.Protocol) && check.HealthCheckProtocol === "TCP") {
    throw new ValidationError(`Health check protocol 'TCP' is not supported for target groups with the protocol '${group.Protocol}'`);
  }
  if ((check.HealthCheckTimeoutSeconds ?? 0) >= (check.HealthCheckIntervalSeconds ?? 0)) {
    throw new ValidationError("Health check interval must be greater than the timeout.");
  }
}

function readHealthCheckPort(value: unknown): string | undefined {
  const port = optionalString(value, "HealthCheckPort");
  if (port === undefined || port === "") return undefined;
  if (port === "traffic-port") return port;
  if (!/^\d{1,5}$/.test(port) || +port < 1 || +port > 65535) {
    throw new ValidationError(`Health check port '${port}' must be 'traffic-port' or a port from 1 to 65535`);
  }
  return String(+port);
}

function readPath(value: unknown): string | undefined {
  const path = optionalString(value, "HealthCheckPath");
  if (path === undefined || path === "") return undefined;
  if (!path.startsWith("/") || path.length > 1024) {
    throw new ValidationError(`Health check path '${path}' must begin with '/' and have at most 1024 characters`);
  }
  return path;
}

/** `200`, `200,202`, `200-299`: HTTP codes within 200–499 for ALB groups, 200–599 for NLB groups. */
function readMatcher(value: unknown, group: TargetGroup): Matcher | undefined {
  const raw = optionalObject(value, "Matcher");
  if (!raw) return undefined;
  const grpc = optionalString(raw.GrpcCode, "GrpcCode");
  if (grpc) {
    if (!/^\d{1,2}(?:-\d{1,2})?(?:,\d{1,2}(?:-\d{1,2})?)*$/.test(grpc)) throw new ValidationError(`gRPC code '${grpc}' is not valid`);
    return { GrpcCode: grpc };
  }
  const code = optionalString(raw.HttpCode, "HttpCode");
  if (!code) throw new ValidationError("A matcher must have an HTTP code or a gRPC code");
  const max = isHttpFamily(group.Protocol) || group.TargetType === "lambda" ? 499 : 599;
  for (const part of code.split(",")) {
    const bounds = part.split("-");
    const valid = bounds.length <= 2 && bounds.every((b) => /^\d{3}$/.test(b) && +b >= 200 && +b <= max) && (bounds.length === 1 || +bounds[0] <= +bounds[1]);
    if (!valid) throw new ValidationError(`Matcher HTTP code '${code}' must be codes or ranges from 200 to ${max}`);
  }
  return { HttpCode: code };
}
