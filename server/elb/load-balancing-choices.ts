import "server-only";
import type { Service } from "@aws-sdk/client-ecs";
import type { Listener } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Connection } from "@/server/aws/connection";
import { describeAllListeners, describeAllLoadBalancers, describeAllRules, describeAllTargetGroups } from "@/server/aws/elb-lists";
import { settle, toAwsFailure } from "@/server/aws/errors";
import {
  toListenerRuleChoice,
  toLoadBalancerView,
  toTargetGroupChoice,
  type ListenerRuleChoice,
  type LoadBalancingChoices,
} from "@/lib/view-models/load-balancing";

/**
 * What a person picks from when a service goes behind a load balancer: the account's
 * Application and Network Load Balancers, its target groups (which load balancers use each,
 * and which of the given services register in it) and every listener rule with its
 * conditions and weighted forwards. For B load balancers, G target groups and L listeners:
 *
 *   elbv2:DescribeLoadBalancers  max(1, ⌈B/400⌉)
 *   elbv2:DescribeTargetGroups   max(1, ⌈G/400⌉)
 *   elbv2:DescribeListeners      B (one load balancer a call; one page each but for more than 400 listeners)
 *   elbv2:DescribeRules          L (one listener a call)
 *
 * Gateway Load Balancers are left out: ECS services cannot use them. When the listeners or
 * rules cannot be read, the rules are missing and `error` says why; the other lists stay.
 */
export async function readLoadBalancingChoices(connection: Connection, services: readonly Service[] = []): Promise<LoadBalancingChoices> {
  const [balancersRead, groupsRead] = await settle([describeAllLoadBalancers(connection), describeAllTargetGroups(connection)]);
  const usedBy = targetGroupUsers(services);
  const targetGroups = groupsRead.ok ? groupsRead.value.map((group) => toTargetGroupChoice(group, usedBy)).sort((a, b) => a.name.localeCompare(b.name)) : [];
  if (!balancersRead.ok) return { loadBalancers: [], targetGroups, rules: [], error: balancersRead.error };
  const usable = balancersRead.value.filter((lb) => lb.Type !== "gateway");
  const loadBalancers = usable.map(toLoadBalancerView).sort((a, b) => a.name.localeCompare(b.name));
  try {
    const rules = await listenerRules(connection, loadBalancers.map((lb) => lb.arn));
    return { loadBalancers, targetGroups, rules, ...(groupsRead.ok ? {} : { error: groupsRead.error }) };
  } catch (error) {
    return { loadBalancers, targetGroups, rules: [], error: toAwsFailure(error) };
  }
}

async function listenerRules(connection: Connection, loadBalancerArns: readonly string[]): Promise<ListenerRuleChoice[]> {
  const listeners = (await Promise.all(loadBalancerArns.map((arn) => describeAllListeners(connection, { LoadBalancerArn: arn })))).flat();
  const ruleLists = await Promise.all(listeners.map((listener) => rulesOf(connection, listener)));
  return ruleLists.flat();
}

async function rulesOf(connection: Connection, listener: Listener): Promise<ListenerRuleChoice[]> {
  const rules = await describeAllRules(connection, { ListenerArn: listener.ListenerArn });
  return rules.map((rule) => toListenerRuleChoice(rule, listener)).sort(byListenerThenPriority);
}

function byListenerThenPriority(a: ListenerRuleChoice, b: ListenerRuleChoice): number {
  if (a.isDefault !== b.isDefault) return a.isDefault ? 1 : -1;
  return Number(a.priority) - Number(b.priority);
}

/** Target group ARN → names of the services registering in it, as primary or alternate. */
export function targetGroupUsers(services: readonly Service[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const service of services) {
    for (const lb of service.loadBalancers ?? []) {
      for (const arn of [lb.targetGroupArn, lb.advancedConfiguration?.alternateTargetGroupArn]) {
        if (!arn) continue;
        const names = users.get(arn) ?? [];
        if (!names.includes(service.serviceName ?? "")) names.push(service.serviceName ?? "");
        users.set(arn, names);
      }
    }
  }
  return users;
}
