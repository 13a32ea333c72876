import type { ListenerRecord, LoadBalancerRecord, RuleRecord, TargetGroupRecord } from "../../store/elb-records";
import type { EcsWorld } from "../../world";
import { ListenerNotFound, LoadBalancerNotFound, RuleNotFound, TargetGroupNotFound, ValidationError } from "./errors";
import { requiredString } from "./input";

/**
 * Finding ELBv2 records by ARN. A string that cannot be an ARN of the expected kind is a
 * ValidationError; a well-formed ARN of something that does not exist is the kind's NotFound.
 */
export type ElbResourceType = "loadbalancer" | "targetgroup" | "listener" | "listener-rule";

const ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:(loadbalancer|targetgroup|listener|listener-rule)\/(.+)$/;

/** The resource type an ELBv2 ARN names, or undefined when it is not one. */
export function elbResourceType(arn: string): ElbResourceType | undefined {
  return ARN.exec(arn)?.[1] as ElbResourceType | undefined;
}

const TYPE_NAMES: Record<ElbResourceType, string> = {
  loadbalancer: "load balancer",
  targetgroup: "target group",
  listener: "listener",
  "listener-rule": "listener rule",
};

export function requireArn(value: unknown, field: string, type: ElbResourceType): string {
  const arn = requiredString(value, field);
  if (elbResourceType(arn) !== type) throw new ValidationError(`'${arn}' is not a valid ${TYPE_NAMES[type]} ARN`);
  return arn;
}

export function requireLoadBalancer(world: EcsWorld, value: unknown, field = "LoadBalancerArn"): LoadBalancerRecord {
  const record = world.elb.loadBalancers.get(requireArn(value, field, "loadbalancer"));
  if (!record) throw new LoadBalancerNotFound();
  return record;
}

export function requireTargetGroup(world: EcsWorld, value: unknown, field = "TargetGroupArn"): TargetGroupRecord {
  const record = world.elb.targetGroups.get(requireArn(value, field, "targetgroup"));
  if (!record) throw new TargetGroupNotFound();
  return record;
}

export function requireListener(world: EcsWorld, value: unknown, field = "ListenerArn"): ListenerRecord {
  const record = world.elb.listeners.get(requireArn(value, field, "listener"));
  if (!record) throw new ListenerNotFound();
  return record;
}

export function requireRule(world: EcsWorld, value: unknown, field = "RuleArn"): RuleRecord {
  const record = world.elb.rules.get(requireArn(value, field, "listener-rule"));
  if (!record) throw new RuleNotFound();
  return record;
}

/** The load balancer a listener belongs to; it always exists while the listener does. */
export function loadBalancerOfListener(world: EcsWorld, listener: ListenerRecord): LoadBalancerRecord {
  const record = world.elb.loadBalancers.get(listener.listener.LoadBalancerArn!);
  if (!record) throw new ListenerNotFound();
  return record;
}

export function isNetwork(loadBalancer: LoadBalancerRecord): boolean {
  return loadBalancer.loadBalancer.Type === "network";
}
