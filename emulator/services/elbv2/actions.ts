import type {
  Action,
  FixedResponseActionConfig,
  ForwardActionConfig,
  RedirectActionConfig,
  TargetGroupStickinessConfig,
  TargetGroupTuple,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { LoadBalancerRecord, TargetGroupRecord } from "../../store/elb-records";
import type { EcsWorld } from "../../world";
import {
  IncompatibleProtocols,
  InvalidLoadBalancerAction,
  TargetGroupAssociationLimit,
  TargetGroupNotFound,
  TooManyTargetGroups,
  ValidationError,
} from "./errors";
import {
  absent,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  readList,
  readObject,
  requiredString,
  type QueryObject,
} from "./input";
import { isNetwork } from "./lookups";

/**
 * Listener default actions and rule actions, validated and stored the way AWS returns them.
 *
 * Local ECS supports the three terminal actions (forward, fixed-response, redirect). The
 * authenticate-* and jwt-validation actions need an identity provider that local ECS does not
 * have, so they are refused rather than stored and silently ignored.
 */
const ACTION_TYPES = ["forward", "fixed-response", "redirect", "authenticate-oidc", "authenticate-cognito", "jwt-validation"] as const;
const MAX_TARGET_GROUPS_PER_ACTION = 5;
const MAX_STICKINESS_SECONDS = 604800;
const CONTENT_TYPES = ["text/plain", "text/css", "text/html", "application/javascript", "application/json"] as const;

export interface ActionContext {
  world: EcsWorld;
  loadBalancer: LoadBalancerRecord;
  /** The listener's protocol, which forwarded target groups must suit. */
  listenerProtocol: string;
  field: "DefaultActions" | "Actions";
}

export function readActions(value: unknown, ctx: ActionContext): Action[] {
  const raw = readList(value, ctx.field);
  if (raw.length === 0) throw new ValidationError(`${ctx.field} must contain at least one action.`);
  const actions = raw.map((item) => readAction(readObject(item, "Action"), ctx));
  // forward, fixed-response and redirect each end a rule; a rule can end only once.
  if (actions.length > 1) {
    throw new InvalidLoadBalancerAction(
      "A rule can have only one forward, fixed-response or redirect action; forward cannot be mixed with other actions.",
    );
  }
  return actions;
}

function readAction(raw: QueryObject, ctx: ActionContext): Action {
  const type = optionalEnum(raw.Type, "Type", ACTION_TYPES);
  if (type === undefined) throw new ValidationError("An action type must be specified.");
  const order = optionalInteger(raw.Order, "Order", 1, 50000);
  const base: Action = { Type: type, ...(order === undefined ? {} : { Order: order }) };
  if (type === "forward") return { ...base, ...readForward(raw, ctx) };
  if (isNetwork(ctx.loadBalancer)) {
    throw new InvalidLoadBalancerAction(`Network Load Balancers support only forward actions, not '${type}'.`);
  }
  if (type === "fixed-response") return { ...base, FixedResponseConfig: readFixedResponse(raw.FixedResponseConfig) };
  if (type === "redirect") return { ...base, RedirectConfig: readRedirect(raw.RedirectConfig, ctx.listenerProtocol) };
  throw new InvalidLoadBalancerAction(`Local ECS has no identity provider, so it does not support '${type}' actions.`);
}

/**
 * AWS returns a forward action in one shape whatever form it was given in: a ForwardConfig
 * (weight 1 when unset, stickiness disabled when unset), plus TargetGroupArn when it names
 * exactly one target group.
 */
function readForward(raw: QueryObject, ctx: ActionContext): Pick<Action, "TargetGroupArn" | "ForwardConfig"> {
  const single = optionalString(raw.TargetGroupArn, "TargetGroupArn") || undefined;
  const config = optionalObject(raw.ForwardConfig, "ForwardConfig");
  const tuples = absent(config?.TargetGroups) ? [] : readTuples(config!.TargetGroups);
  if (!single && tuples.length === 0) throw new ValidationError("A forward action must specify a target group ARN or a forward configuration.");
  if (single && tuples.length > 0 && (tuples.length !== 1 || tuples[0].TargetGroupArn !== single)) {
    throw new ValidationError(
      "When TargetGroupArn and ForwardConfig are both specified, ForwardConfig must name only the target group in TargetGroupArn.",
    );
  }
  const groups = tuples.length > 0 ? tuples : [{ TargetGroupArn: single!, Weight: 1 }];
  if (groups.length > MAX_TARGET_GROUPS_PER_ACTION) {
    throw new TooManyTargetGroups(`A forward action can name at most ${MAX_TARGET_GROUPS_PER_ACTION} target groups.`);
  }
  if (new Set(groups.map((group) => group.TargetGroupArn)).size !== groups.length) {
    throw new ValidationError("A forward action cannot name the same target group twice.");
  }
  if (isNetwork(ctx.loadBalancer) && groups.length > 1) {
    throw new ValidationError("A forward action of a Network Load Balancer listener must name exactly one target group.");
  }
  for (const group of groups) checkTargetGroup(ctx, group.TargetGroupArn!);
  const forwardConfig: ForwardActionConfig = {
    TargetGroups: groups,
    TargetGroupStickinessConfig: readStickiness(config?.TargetGroupStickinessConfig),
  };
  return groups.length === 1 ? { TargetGroupArn: groups[0].TargetGroupArn, ForwardConfig: forwardConfig } : { ForwardConfig: forwardConfig };
}

function readTuples(value: unknown): TargetGroupTuple[] {
  return readList(value, "ForwardConfig.TargetGroups").map((item) => {
    const tuple = readObject(item, "TargetGroupTuple");
    return {
      TargetGroupArn: requiredString(tuple.TargetGroupArn, "TargetGroupTuple.TargetGroupArn"),
      Weight: optionalInteger(tuple.Weight, "Weight", 0, 999) ?? 1,
    };
  });
}

function readStickiness(value: unknown): TargetGroupStickinessConfig {
  const raw = optionalObject(value, "TargetGroupStickinessConfig");
  const enabled = optionalBoolean(raw?.Enabled, "TargetGroupStickinessConfig.Enabled") ?? false;
  const duration = optionalInteger(raw?.DurationSeconds, "DurationSeconds", 1, MAX_STICKINESS_SECONDS);
  if (enabled && duration === undefined) {
    throw new ValidationError("DurationSeconds must be specified when target group stickiness is enabled.");
  }
  return duration === undefined ? { Enabled: enabled } : { Enabled: enabled, DurationSeconds: duration };
}

/** The target group exists, suits the listener's protocol, and belongs to no other load balancer. */
function checkTargetGroup(ctx: ActionContext, arn: string): void {
  const record = ctx.world.elb.targetGroups.get(arn);
  if (!record) throw new TargetGroupNotFound(`Target group '${arn}' not found`);
  checkProtocols(ctx, record);
  const others = (record.targetGroup.LoadBalancerArns ?? []).filter((lb) => lb !== ctx.loadBalancer.loadBalancer.LoadBalancerArn);
  if (others.length > 0) {
    throw new TargetGroupAssociationLimit(`The following target groups cannot be associated with more than one load balancer: ${arn}`);
  }
}

/** Which target group protocols each listener protocol can forward to. */
const COMPATIBLE: Record<string, readonly string[]> = {
  HTTP: ["HTTP", "HTTPS"],
  HTTPS: ["HTTP", "HTTPS"],
  TCP: ["TCP"],
  TLS: ["TCP", "TLS"],
};

function checkProtocols(ctx: ActionContext, record: TargetGroupRecord): void {
  const group = record.targetGroup;
  const network = isNetwork(ctx.loadBalancer);
  if (group.TargetType === "lambda") {
    if (!network) return;
    throw new IncompatibleProtocols(`Network Load Balancers cannot forward to target group '${group.TargetGroupArn}' of target type 'lambda'.`);
  }
  if (group.TargetType === "alb" && !network) {
    throw new IncompatibleProtocols(`Only Network Load Balancers can forward to target group '${group.TargetGroupArn}' of target type 'alb'.`);
  }
  if (!(COMPATIBLE[ctx.listenerProtocol] ?? []).includes(group.Protocol ?? "")) {
    throw new IncompatibleProtocols(
      `Listener protocol '${ctx.listenerProtocol}' is not supported with a target group with the protocol '${group.Protocol}'.`,
    );
  }
}

function readFixedResponse(value: unknown): FixedResponseActionConfig {
  const raw = optionalObject(value, "FixedResponseConfig");
  if (!raw) throw new ValidationError("A fixed-response action must have a FixedResponseConfig.");
  const statusCode = requiredString(raw.StatusCode, "FixedResponseConfig.StatusCode");
  if (!/^[245]\d\d$/.test(statusCode)) {
    throw new ValidationError(`Fixed response status code '${statusCode}' is not valid: it must be 2XX, 4XX or 5XX.`);
  }
  const contentType = optionalEnum(raw.ContentType, "ContentType", CONTENT_TYPES);
  const messageBody = optionalString(raw.MessageBody, "MessageBody");
  if (messageBody !== undefined && messageBody.length > 1024) {
    throw new ValidationError("A fixed response message body can have at most 1024 characters.");
  }
  return { StatusCode: statusCode, ContentType: contentType, MessageBody: messageBody };
}

/** Unset redirect parts keep the request's own, which AWS writes as #{…} placeholders. */
function readRedirect(value: unknown, listenerProtocol: string): RedirectActionConfig {
  const raw = optionalObject(value, "RedirectConfig");
  if (!raw) throw new ValidationError("A redirect action must have a RedirectConfig.");
  const statusCode = optionalEnum(raw.StatusCode, "RedirectConfig.StatusCode", ["HTTP_301", "HTTP_302"] as const);
  if (!statusCode) throw new ValidationError("A redirect action must have a status code: HTTP_301 or HTTP_302.");
  const config: RedirectActionConfig = {
    Protocol: redirectPart(raw.Protocol, "Protocol", "#{protocol}", (v) => ["HTTP", "HTTPS", "#{protocol}"].includes(v)),
    Port: redirectPart(raw.Port, "Port", "#{port}", (v) => v === "#{port}" || (/^\d{1,5}$/.test(v) && +v >= 1 && +v <= 65535)),
    Host: redirectPart(raw.Host, "Host", "#{host}", (v) => v.length >= 1 && v.length <= 128),
    Path: redirectPart(raw.Path, "Path", "/#{path}", (v) => v.startsWith("/") && v.length <= 128),
    Query: redirectPart(raw.Query, "Query", "#{query}", (v) => v.length <= 128 && !v.startsWith("?")),
    StatusCode: statusCode,
  };
  if (listenerProtocol === "HTTPS" && config.Protocol === "HTTP") {
    throw new InvalidLoadBalancerAction("A redirect cannot go from HTTPS to HTTP.");
  }
  const unchanged = config.Protocol === "#{protocol}" && config.Port === "#{port}" && config.Host === "#{host}" && config.Path === "/#{path}";
  if (unchanged && config.Query === "#{query}") {
    throw new InvalidLoadBalancerAction("The redirect configuration is not valid because it creates a loop.");
  }
  return config;
}

function redirectPart(value: unknown, field: string, fallback: string, valid: (value: string) => boolean): string {
  const text = optionalString(value, `RedirectConfig.${field}`);
  if (text === undefined || text === "") return fallback;
  if (!valid(text)) throw new ValidationError(`Redirect ${field.toLowerCase()} '${text}' is not valid.`);
  return text;
}
