import type {
  DeregisterTargetsCommandInput,
  DeregisterTargetsCommandOutput,
  DescribeTargetHealthCommandInput,
  DescribeTargetHealthCommandOutput,
  RegisterTargetsCommandInput,
  RegisterTargetsCommandOutput,
  TargetDescription,
  TargetGroup,
  TargetHealthDescription,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { isIP } from "node:net";
import type { Output, RequestContext } from "../../protocols/operation";
import type { RegisteredTarget, TargetGroupRecord } from "../../store/elb-records";
import type { EcsWorld } from "../../world";
import { TARGET_DESCRIPTIONS } from "../../engine/load-balancing/target-health";
import { InvalidTarget, TooManyTargets, ValidationError } from "./errors";
import { optionalInteger, optionalList, optionalString, readList, readObject, requiredString } from "./input";
import { requireTargetGroup } from "./lookups";

/**
 * Target registration and health. The data plane owns registered targets and their health
 * (it health-checks them and drains them); these handlers validate, hand targets over, and
 * report what the plane has recorded. A target is an Id and a port: the same address can be
 * registered on several ports.
 */
const MAX_TARGETS_PER_GROUP = 1000;
const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?$/;
const DRAINING = new Set(["draining", "unhealthy.draining"]);

const keyOf = (id: string, port: number | undefined) => `${id}|${port ?? ""}`;

function checkTargetId(group: TargetGroup, id: string, world: EcsWorld): void {
  switch (group.TargetType) {
    case "ip": {
      const family = isIP(id);
      const wanted = group.IpAddressType === "ipv6" ? 6 : 4;
      if (family !== wanted) throw new InvalidTarget(`The IP address '${id}' is not a valid IPv${wanted} address`);
      return;
    }
    case "lambda":
      if (!LAMBDA_ARN.test(id)) throw new InvalidTarget(`'${id}' is not a valid Lambda function ARN`);
      return;
    case "alb": {
      const target = world.elb.loadBalancers.get(id);
      if (target?.loadBalancer.Type !== "application") throw new InvalidTarget(`'${id}' is not an Application Load Balancer`);
      return;
    }
    default:
      if (!INSTANCE_ID.test(id)) throw new InvalidTarget(`The following targets are not valid instance IDs: '${id}'`);
  }
}

function checkZone(zone: string | undefined, region: string): void {
  if (zone === undefined || zone === "all" || new RegExp(`^${region}[a-z]$`).test(zone)) return;
  throw new ValidationError(`Availability Zone '${zone}' is not valid: it must be 'all' or a zone of ${region}`);
}

interface RequestedTarget {
  target: TargetDescription;
  /** Whether the request named a port (DescribeTargetHealth then matches that port only). */
  portGiven: boolean;
}

/** Targets of a request; the port defaults to the group's, and lambda targets have none. */
function readTargets(value: unknown, record: TargetGroupRecord, world: EcsWorld): RequestedTarget[] {
  const group = record.targetGroup;
  const list = readList(value, "Targets");
  if (list.length === 0) throw new ValidationError("Targets must contain at least one target.");
  return list.map((raw) => {
    const target = readObject(raw, "TargetDescription");
    const id = requiredString(target.Id, "Target Id");
    checkTargetId(group, id, world);
    const zone = optionalString(target.AvailabilityZone, "AvailabilityZone") || undefined;
    checkZone(zone, world.settings.region);
    const port = optionalInteger(target.Port, "Port", 1, 65535);
    if (group.TargetType === "lambda") {
      if (port !== undefined) throw new ValidationError("A port cannot be specified for Lambda targets");
      return { target: { Id: id, AvailabilityZone: zone }, portGiven: false };
    }
    return { target: { Id: id, Port: port ?? group.Port, AvailabilityZone: zone }, portGiven: port !== undefined };
  });
}

function healthCheckPort(group: TargetGroup, target: RegisteredTarget): string | undefined {
  if (group.TargetType === "lambda") return undefined;
  return group.HealthCheckPort === "traffic-port" || !group.HealthCheckPort ? String(target.port) : group.HealthCheckPort;
}

/** Health as the data plane recorded it (it also parks targets of a group no listener uses as `unused`). */
function describe(group: TargetGroup, target: RegisteredTarget): TargetHealthDescription {
  return {
    Target: { Id: target.id, Port: group.TargetType === "lambda" ? undefined : target.port, AvailabilityZone: target.availabilityZone },
    HealthCheckPort: healthCheckPort(group, target),
    TargetHealth: { State: target.state, Reason: target.reason, Description: target.description },
  };
}

function notRegistered(target: TargetDescription): TargetHealthDescription {
  return {
    Target: target,
    TargetHealth: { State: "unused", Reason: "Target.NotRegistered", Description: TARGET_DESCRIPTIONS.notRegistered },
  };
}

export function createTargetOperations(world: EcsWorld) {
  return {
    RegisterTargets(_ctx: RequestContext, input: RegisterTargetsCommandInput): Output<RegisterTargetsCommandOutput> {
      const record = requireTargetGroup(world, input.TargetGroupArn);
      const requested = readTargets(input.Targets, record, world).map((entry) => entry.target);
      const registered = new Map(record.targets.map((target) => [keyOf(target.id, target.port), target]));
      const fresh = new Map<string, TargetDescription>();
      for (const target of requested) {
        const existing = registered.get(keyOf(target.Id!, target.Port));
        // Registering a registered target again changes nothing; a draining one comes back.
        if (!existing || DRAINING.has(existing.state)) fresh.set(keyOf(target.Id!, target.Port), target);
      }
      const limit = ["lambda", "alb"].includes(record.targetGroup.TargetType ?? "") ? 1 : MAX_TARGETS_PER_GROUP;
      const total = new Set([...registered.keys(), ...fresh.keys()]).size;
      if (total > limit) throw new TooManyTargets(`A target group of type '${record.targetGroup.TargetType}' can have at most ${limit} targets.`);
      if (fresh.size > 0) world.loadBalancing.registerTargets(record.targetGroup.TargetGroupArn!, [...fresh.values()]);
      return {};
    },

    DeregisterTargets(_ctx: RequestContext, input: DeregisterTargetsCommandInput): Output<DeregisterTargetsCommandOutput> {
      const record = requireTargetGroup(world, input.TargetGroupArn);
      const requested = readTargets(input.Targets, record, world).map((entry) => entry.target);
      const live = new Set(record.targets.filter((target) => !DRAINING.has(target.state)).map((target) => keyOf(target.id, target.port)));
      // As in AWS, a target that is not registered (on that port) is ignored.
      const matches = requested.filter((target) => live.has(keyOf(target.Id!, target.Port)));
      if (matches.length > 0) world.loadBalancing.deregisterTargets(record.targetGroup.TargetGroupArn!, matches);
      return {};
    },

    DescribeTargetHealth(_ctx: RequestContext, input: DescribeTargetHealthCommandInput): Output<DescribeTargetHealthCommandOutput> {
      const record = requireTargetGroup(world, input.TargetGroupArn);
      const group = record.targetGroup;
      if (!optionalList(input.Targets, "Targets")?.length) return { TargetHealthDescriptions: record.targets.map((target) => describe(group, target)) };
      const descriptions = readTargets(input.Targets, record, world).flatMap(({ target: wanted, portGiven }) => {
        const matches = record.targets.filter((target) => target.id === wanted.Id && (!portGiven || target.port === wanted.Port));
        return matches.length > 0 ? matches.map((target) => describe(group, target)) : [notRegistered(wanted)];
      });
      return { TargetHealthDescriptions: descriptions };
    },
  };
}
