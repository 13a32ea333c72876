import type { Action, Listener, LoadBalancer, Rule, RuleCondition, TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import { parseElbArn } from "@/lib/arn";
import type { AwsFailure } from "@/lib/aws-errors";

/**
 * Load balancers, target groups and listener rules as a person picks them when a service is
 * created (never by typing an ARN), and where a service answers once it is behind one.
 */

/** The tag local ECS puts on a listener to say where it really answers on this machine. */
export const LOCAL_ADDRESS_TAG = "local-ecs:address";

export interface LoadBalancerView {
  arn: string;
  name: string;
  dnsName?: string;
  type?: string;
  scheme?: string;
}

export interface TargetGroupChoice {
  arn: string;
  name: string;
  protocol?: string;
  port?: number;
  targetType?: string;
  /** Names of the load balancers that send it traffic; empty when no listener rule forwards to it. */
  loadBalancerNames: string[];
  /** Services of the cluster that register in it (as primary or alternate). */
  usedBy: string[];
}

export interface ForwardTarget {
  targetGroupArn: string;
  targetGroupName: string;
  weight?: number;
}

export interface ListenerRuleChoice {
  arn: string;
  listenerArn: string;
  loadBalancerName: string;
  /** "HTTP:80". */
  listener: string;
  /** "10", or "default" for the listener's last-resort rule. */
  priority: string;
  isDefault: boolean;
  /** "Host is api.*", "Path is /api/*"; empty for the default rule. */
  conditions: string[];
  /** The target groups the rule forwards to, with their weights; empty for a fixed response or a redirect. */
  forwards: ForwardTarget[];
}

export interface LoadBalancingChoices {
  loadBalancers: LoadBalancerView[];
  targetGroups: TargetGroupChoice[];
  rules: ListenerRuleChoice[];
  /** Why the lists are missing or short; they are empty or partial then. */
  error?: AwsFailure;
}

export function toLoadBalancerView(lb: LoadBalancer): LoadBalancerView {
  return { arn: lb.LoadBalancerArn ?? "", name: lb.LoadBalancerName ?? "", dnsName: lb.DNSName, type: lb.Type, scheme: lb.Scheme };
}

export function targetGroupName(arn: string): string {
  const parsed = parseElbArn(arn);
  return parsed?.type === "targetgroup" ? parsed.name : arn;
}

export function loadBalancerNameOf(arn: string): string {
  const parsed = parseElbArn(arn);
  return parsed && parsed.type !== "targetgroup" ? parsed.loadBalancerName : arn;
}

/** The listener's ARN from one of its rules' ARNs: listener-rule/app/lb/id/listener/rule → listener/app/lb/id/listener. */
export function listenerArnOfRule(ruleArn: string): string | undefined {
  const parsed = parseElbArn(ruleArn);
  if (parsed?.type !== "listener-rule") return undefined;
  const prefix = ruleArn.slice(0, ruleArn.indexOf(":listener-rule/"));
  return `${prefix}:listener/${parsed.kind}/${parsed.loadBalancerName}/${parsed.loadBalancerId}/${parsed.listenerId}`;
}

export function toTargetGroupChoice(group: TargetGroup, usedBy: ReadonlyMap<string, string[]>): TargetGroupChoice {
  const arn = group.TargetGroupArn ?? "";
  return {
    arn,
    name: group.TargetGroupName ?? targetGroupName(arn),
    protocol: group.Protocol,
    port: group.Port,
    targetType: group.TargetType,
    loadBalancerNames: (group.LoadBalancerArns ?? []).map(loadBalancerNameOf),
    usedBy: usedBy.get(arn) ?? [],
  };
}

const FIELD_WORDS: Record<string, string> = {
  "host-header": "Host",
  "path-pattern": "Path",
  "http-request-method": "Method",
  "source-ip": "Source IP",
  "http-header": "Header",
  "query-string": "Query",
};

function valuesOf(condition: RuleCondition): string[] {
  const { Field: field } = condition;
  if (field === "host-header") return condition.HostHeaderConfig?.Values ?? condition.Values ?? [];
  if (field === "path-pattern") return condition.PathPatternConfig?.Values ?? condition.Values ?? [];
  if (field === "http-request-method") return condition.HttpRequestMethodConfig?.Values ?? condition.Values ?? [];
  if (field === "source-ip") return condition.SourceIpConfig?.Values ?? condition.Values ?? [];
  if (field === "query-string") return (condition.QueryStringConfig?.Values ?? []).map((pair) => (pair.Key ? `${pair.Key}=${pair.Value ?? ""}` : (pair.Value ?? "")));
  return condition.Values ?? [];
}

/** "Host is api.*", "Path is /api/* or /v2/*", "Header X-Canary is on". */
export function conditionWords(condition: RuleCondition): string {
  const field = condition.Field ?? "condition";
  const values = valuesOf(condition);
  const named = field === "http-header" ? `Header ${condition.HttpHeaderConfig?.HttpHeaderName ?? ""}`.trim() : (FIELD_WORDS[field] ?? field);
  const headerValues = field === "http-header" ? (condition.HttpHeaderConfig?.Values ?? values) : values;
  return `${named} is ${alternatives(headerValues) || "anything"}`;
}

/** "a", "a or b", "a, b or c". */
function alternatives(values: readonly string[]): string {
  return values.length <= 2 ? values.join(" or ") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}

export function forwardsOf(actions: readonly Action[] | undefined): ForwardTarget[] {
  const forward = (actions ?? []).find((action) => action.Type === "forward");
  if (!forward) return [];
  const groups = forward.ForwardConfig?.TargetGroups?.length
    ? forward.ForwardConfig.TargetGroups
    : forward.TargetGroupArn
      ? [{ TargetGroupArn: forward.TargetGroupArn, Weight: undefined }]
      : [];
  return groups.map((group) => ({ targetGroupArn: group.TargetGroupArn ?? "", targetGroupName: targetGroupName(group.TargetGroupArn ?? ""), weight: group.Weight }));
}

export function listenerWords(listener: Pick<Listener, "Protocol" | "Port"> | undefined): string {
  return listener ? `${listener.Protocol ?? "?"}:${listener.Port ?? "?"}` : "an unknown listener";
}

export function toListenerRuleChoice(rule: Rule, listener: Listener): ListenerRuleChoice {
  const isDefault = rule.IsDefault === true || rule.Priority === "default";
  return {
    arn: rule.RuleArn ?? "",
    listenerArn: listener.ListenerArn ?? "",
    loadBalancerName: loadBalancerNameOf(listener.LoadBalancerArn ?? listener.ListenerArn ?? ""),
    listener: listenerWords(listener),
    priority: isDefault ? "default" : (rule.Priority ?? "?"),
    isDefault,
    conditions: (rule.Conditions ?? []).map(conditionWords),
    forwards: forwardsOf(rule.Actions),
  };
}

/** "demo HTTP:80 · priority 10 · Host is api.* → demo-api-blue 1, demo-api-green 0": a rule in one line, for a picker's option. */
export function ruleLabel(rule: ListenerRuleChoice): string {
  const when = rule.isDefault ? "default rule" : `priority ${rule.priority} · ${rule.conditions.join(", ") || "any request"}`;
  const to = rule.forwards.length
    ? rule.forwards.map((target) => (target.weight === undefined ? target.targetGroupName : `${target.targetGroupName} ${target.weight}`)).join(", ")
    : "no target group";
  return `${rule.loadBalancerName} ${rule.listener} · ${when} → ${to}`;
}

/** "demo-api-blue · HTTP:8080 · ip · demo · used by api". */
export function targetGroupLabel(group: TargetGroupChoice): string {
  const parts = [group.name, `${group.protocol ?? "?"}:${group.port ?? "?"}`, group.targetType ?? ""];
  parts.push(group.loadBalancerNames.length ? group.loadBalancerNames.join(", ") : "no load balancer");
  if (group.usedBy.length) parts.push(`used by ${group.usedBy.join(", ")}`);
  return parts.filter(Boolean).join(" · ");
}

/** Rules that can carry a service's production or test traffic: those forwarding to the target group, or any forwarding rule when none is picked. */
export function rulesForTargetGroup(rules: readonly ListenerRuleChoice[], targetGroupArn: string | undefined): ListenerRuleChoice[] {
  const forwarding = rules.filter((rule) => rule.forwards.length > 0);
  if (!targetGroupArn) return forwarding;
  return forwarding.filter((rule) => rule.forwards.some((target) => target.targetGroupArn === targetGroupArn));
}

/** Where a service answers: a listener of its load balancer, with the rule that sends it traffic when ECS knows which. */
export interface ServiceEntryPoint {
  loadBalancerName: string;
  dnsName?: string;
  /** "HTTP:80". */
  listener: string;
  /** A link to open: `http://<DNS name>:<port>`, or where local ECS really answers. */
  url?: string;
  /** production and test: the service's named listener rules; listener: a rule (or default action) of a listener that forwards to its target groups. */
  role: "production" | "test" | "listener";
  ruleArn: string;
  /** The rule's conditions in words; none for a listener's default action. */
  conditions: string[];
  forwards: ForwardTarget[];
}

const DEFAULT_PORTS: Record<string, number> = { HTTP: 80, HTTPS: 443 };

/** `http://dns:8080`; the port left out when it is the protocol's own. Only HTTP and HTTPS listeners get a link. */
export function listenerUrl(listener: Pick<Listener, "Protocol" | "Port">, dnsName: string | undefined, localAddress?: string): string | undefined {
  if (localAddress) return localAddress;
  const protocol = listener.Protocol;
  if (!dnsName || (protocol !== "HTTP" && protocol !== "HTTPS")) return undefined;
  const port = listener.Port === undefined || listener.Port === DEFAULT_PORTS[protocol] ? "" : `:${listener.Port}`;
  return `${protocol.toLowerCase()}://${dnsName}${port}`;
}
