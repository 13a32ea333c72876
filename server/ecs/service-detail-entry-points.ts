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
 * as a link, with the rule's conditions and weights; for a service without rules, every
 * listener of the load balancers its target groups are behind. For B load balancers and
 * L listeners shown:
 *
 *   elbv2:DescribeTargetGroups   0 (the same read as the target health's, shared)
 *   elbv2:DescribeLoadBalancers  1 when B > 0
 *   elbv2:DescribeListeners      B (one load balancer a call)
 *   elbv2:DescribeRules          1 when the service names listener rules
 *   elbv2:DescribeTags           ⌈L/20⌉ when L > 0: local ECS tags each listener with where it
 *                                really answers on this machine; on AWS there is no such tag
 */
const TAGS_PER_CALL = 20;

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

export async function readServiceEntryPoints(connection: Connection, service: Service): Promise<ServiceEntryPoint[]> {
  const loadBalancerArns = await loadBalancerArnsOf(connection, service);
  if (loadBalancerArns.length === 0) return [];
  const named = namedRules(service);
  const [loadBalancers, listeners, rules] = await Promise.all([
    describeAllLoadBalancers(connection, { LoadBalancerArns: loadBalancerArns }),
    Promise.all(loadBalancerArns.map((arn) => describeAllListeners(connection, { LoadBalancerArn: arn }))).then((lists) => lists.flat()),
    named.length ? describeAllRules(connection, { RuleArns: named.map((rule) => rule.arn) }) : Promise.resolve<Rule[]>([]),
  ]);
  const rulesByArn = new Map(rules.map((rule) => [rule.RuleArn, rule]));
  const shown = named.length ? listeners.filter((listener) => rules.some((rule) => listenerOwns(listener, rule))) : listeners;
  const addresses = await localAddresses(connection, shown.map((listener) => listener.ListenerArn!));
  const balancers = new Map(loadBalancers.map((lb) => [lb.LoadBalancerArn, lb]));
  const entry = (listener: Listener, role: ServiceEntryPoint["role"], rule?: Rule): ServiceEntryPoint => {
    const lb: LoadBalancer | undefined = balancers.get(listener.LoadBalancerArn);
    return {
      loadBalancerName: lb?.LoadBalancerName ?? loadBalancerNameOf(listener.LoadBalancerArn ?? ""),
      dnsName: lb?.DNSName,
      listener: listenerWords(listener),
      url: listenerUrl(listener, lb?.DNSName, addresses.get(listener.ListenerArn ?? "")),
      role,
      conditions: (rule?.Conditions ?? []).map(conditionWords),
      forwards: forwardsOf(rule?.Actions),
    };
  };
  if (named.length === 0) return shown.sort((a, b) => (a.Port ?? 0) - (b.Port ?? 0)).map((listener) => entry(listener, "listener"));
  return named.flatMap(({ arn, role }) => {
    const rule = rulesByArn.get(arn);
    const listener = rule && shown.find((candidate) => listenerOwns(candidate, rule));
    return listener ? [entry(listener, role, rule)] : [];
  });
}

/** A rule's ARN starts with its listener's id path: listener-rule/app/lb/id/listener/rule. */
function listenerOwns(listener: Listener, rule: Rule): boolean {
  const listenerPath = listener.ListenerArn?.split(":listener/")[1];
  const rulePath = rule.RuleArn?.split(":listener-rule/")[1];
  return Boolean(listenerPath && rulePath?.startsWith(`${listenerPath}/`));
}
