import "server-only";
import type { Service } from "@aws-sdk/client-ecs";
import { DescribeTagsCommand, type Listener, type LoadBalancer, type Rule } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Connection } from "@/server/aws/connection";
import { describeAllListeners, describeAllLoadBalancers, describeAllRules, describeAllTargetGroups } from "@/server/aws/elb-lists";
import { readElb } from "@/server/aws/reads";
import {
  conditionWords,
  forwardsOf,
  listenerUrl,
  listenerWords,
  LOCAL_ADDRESS_TAG,
  loadBalancerNameOf,
  type ServiceEntryPoint,
} from "@/lib/view-models/load-balancing";
import { targetGroupsOf } from "@/lib/view-models/target-health";

/**
 * Where a service answers: for each listener rule the service names (blue/green, linear and
 * canary's production and test rules), its load balancer's DNS name and the listener's port
 * as a link, with the rule's conditions and weights; for a service without named rules, each
 * rule (or default action) of its load balancers' listeners that forwards to one of its target
 * groups — not a listener that only reaches other services. For B load balancers and L
 * listeners:
 *
 *   elbv2:DescribeTargetGroups   0 (the same read as the target health's, shared)
 *   elbv2:DescribeLoadBalancers  1 when B > 0
 *   elbv2:DescribeListeners      B (one load balancer a call)
 *   elbv2:DescribeRules          1 when the service names listener rules; otherwise L (one listener a call)
 *   elbv2:DescribeTags           ⌈L/20⌉ for the L listeners shown: local ECS tags each listener
 *                                with where it really answers on this machine; on AWS there is no such tag
 */
const TAGS_PER_CALL = 20;
/** A listener's default action applies when none of its rules does. */
const DEFAULT_RULE_WORDS = "no other rule matches";

interface NamedRule {
  arn: string;
  role: "production" | "test";
}

function namedRules(service: Service): NamedRule[] {
  const seen = new Set<string>();
  return (service.loadBalancers ?? []).flatMap((lb) => {
    const advanced = lb.advancedConfiguration;
    const candidates: NamedRule[] = [
      ...(advanced?.productionListenerRule ? [{ arn: advanced.productionListenerRule, role: "production" as const }] : []),
      ...(advanced?.testListenerRule ? [{ arn: advanced.testListenerRule, role: "test" as const }] : []),
    ];
    return candidates.filter((rule) => !seen.has(rule.arn) && seen.add(rule.arn));
  });
}

async function loadBalancerArnsOf(connection: Connection, service: Service): Promise<string[]> {
  const groups = targetGroupsOf(service).map((group) => group.targetGroupArn);
  if (groups.length === 0) return [];
  const described = await describeAllTargetGroups(connection, { TargetGroupArns: groups });
  return [...new Set(described.flatMap((group) => group.LoadBalancerArns ?? []))];
}

async function localAddresses(connection: Connection, listenerArns: readonly string[]): Promise<Map<string, string>> {
  const addresses = new Map<string, string>();
  for (let start = 0; start < listenerArns.length; start += TAGS_PER_CALL) {
    const { TagDescriptions } = await readElb(connection, new DescribeTagsCommand({ ResourceArns: listenerArns.slice(start, start + TAGS_PER_CALL) }));
    for (const description of TagDescriptions ?? []) {
      const address = description.Tags?.find((tag) => tag.Key === LOCAL_ADDRESS_TAG)?.Value;
      if (address && description.ResourceArn) addresses.set(description.ResourceArn, address);
    }
  }
  return addresses;
}

interface RuleOnListener {
  listener: Listener;
  rule: Rule;
  role: ServiceEntryPoint["role"];
}

/** The rules the service names, each on the listener that owns it. */
async function namedRulesOnListeners(connection: Connection, named: readonly NamedRule[], listeners: readonly Listener[]): Promise<RuleOnListener[]> {
  const rules = await describeAllRules(connection, { RuleArns: named.map((rule) => rule.arn) });
  const rulesByArn = new Map(rules.map((rule) => [rule.RuleArn, rule]));
  return named.flatMap(({ arn, role }) => {
    const rule = rulesByArn.get(arn);
    const listener = rule && listeners.find((candidate) => listenerOwns(candidate, rule));
    return rule && listener ? [{ listener, rule, role }] : [];
  });
}

/** Every rule of the listeners, the default included, that forwards to one of the service's target groups. */
async function rulesReaching(connection: Connection, service: Service, listeners: readonly Listener[]): Promise<RuleOnListener[]> {
  const groups = new Set(targetGroupsOf(service).map((group) => group.targetGroupArn));
  const sorted = [...listeners].sort((a, b) => (a.Port ?? 0) - (b.Port ?? 0));
  const rulesPerListener = await Promise.all(sorted.map((listener) => describeAllRules(connection, { ListenerArn: listener.ListenerArn })));
  return sorted.flatMap((listener, index) =>
    rulesPerListener[index]!.filter((rule) => forwardsOf(rule.Actions).some((target) => groups.has(target.targetGroupArn))).map((rule) => ({
      listener,
      rule,
      role: "listener" as const,
    })),
  );
}

export async function readServiceEntryPoints(connection: Connection, service: Service): Promise<ServiceEntryPoint[]> {
  const loadBalancerArns = await loadBalancerArnsOf(connection, service);
  if (loadBalancerArns.length === 0) return [];
  const named = namedRules(service);
  const [loadBalancers, listeners] = await Promise.all([
    describeAllLoadBalancers(connection, { LoadBalancerArns: loadBalancerArns }),
    Promise.all(loadBalancerArns.map((arn) => describeAllListeners(connection, { LoadBalancerArn: arn }))).then((lists) => lists.flat()),
  ]);
  const reached = named.length ? await namedRulesOnListeners(connection, named, listeners) : await rulesReaching(connection, service, listeners);
  const shownListeners = [...new Set(reached.map(({ listener }) => listener.ListenerArn!))];
  const addresses = await localAddresses(connection, shownListeners);
  const balancers = new Map(loadBalancers.map((lb) => [lb.LoadBalancerArn, lb]));
  return reached.map(({ listener, rule, role }): ServiceEntryPoint => {
    const lb: LoadBalancer | undefined = balancers.get(listener.LoadBalancerArn);
    return {
      loadBalancerName: lb?.LoadBalancerName ?? loadBalancerNameOf(listener.LoadBalancerArn ?? ""),
      dnsName: lb?.DNSName,
      listener: listenerWords(listener),
      url: listenerUrl(listener, lb?.DNSName, addresses.get(listener.ListenerArn ?? "")),
      role,
      ruleArn: rule.RuleArn ?? "",
      conditions: rule.IsDefault ? [DEFAULT_RULE_WORDS] : (rule.Conditions ?? []).map(conditionWords),
      forwards: forwardsOf(rule.Actions),
    };
  });
}

/** A rule's ARN starts with its listener's id path: listener-rule/app/lb/id/listener/rule. */
function listenerOwns(listener: Listener, rule: Rule): boolean {
  const listenerPath = listener.ListenerArn?.split(":listener/")[1];
  const rulePath = rule.RuleArn?.split(":listener-rule/")[1];
  return Boolean(listenerPath && rulePath?.startsWith(`${listenerPath}/`));
}
