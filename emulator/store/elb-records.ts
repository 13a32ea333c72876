import type {
  Listener,
  LoadBalancer,
  Rule,
  Tag,
  TargetGroup,
  TargetHealthReasonEnum,
  TargetHealthStateEnum,
} from "@aws-sdk/client-elastic-load-balancing-v2";

/**
 * What local ECS keeps for ELBv2. As for ECS, the public part of each record is the SDK's own
 * type; the rest is the data plane's bookkeeping.
 */
export interface LoadBalancerRecord {
  loadBalancer: LoadBalancer;
  /** LoadBalancerAttributes as key → value (e.g. "idle_timeout.timeout_seconds" → "60"). */
  attributes: Record<string, string>;
}

/** A target registered with a target group, and its health as DescribeTargetHealth reports it. */
export interface RegisteredTarget {
  /** Instance id or IP address (local ECS registers task IPs, 127.0.0.1). */
  id: string;
  port: number;
  availabilityZone?: string;
  state: TargetHealthStateEnum;
  reason?: TargetHealthReasonEnum;
  description?: string;
  /** Emulated epoch ms of registration. */
  registeredAt: number;
  /** Emulated epoch ms at which a draining target is removed. */
  drainingUntil?: number;
  consecutiveSuccesses: number;
  consecutiveFailures: number;
}

export interface TargetGroupRecord {
  targetGroup: TargetGroup;
  /** TargetGroupAttributes as key → value (e.g. "deregistration_delay.timeout_seconds" → "300"). */
  attributes: Record<string, string>;
  targets: RegisteredTarget[];
}

export interface ListenerRecord {
  listener: Listener;
  /**
   * The port on 127.0.0.1 where this listener really answers: Listener.Port when it is free
   * and unprivileged, otherwise a remapped one (see the README).
   */
  localPort?: number;
}

export interface RuleRecord {
  rule: Rule;
  listenerArn: string;
}

export interface ElbTagsRecord {
  resourceArn: string;
  tags: Tag[];
}
