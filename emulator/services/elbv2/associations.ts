import type { Action } from "@aws-sdk/client-elastic-load-balancing-v2";
import { forwardedTargetGroups } from "../../engine/load-balancing/group-usage";
import type { EcsWorld } from "../../world";

/**
 * Which load balancers forward to which target groups. `TargetGroup.LoadBalancerArns` is
 * stored, not computed on read, so the data plane and the ECS engine see it too; every
 * listener or rule change refreshes the groups it touched.
 */

/** Target group ARN → ARNs of the load balancers whose listeners or rules forward to it. */
function usage(world: EcsWorld): Map<string, Set<string>> {
  const byGroup = new Map<string, Set<string>>();
  const note = (actions: Action[] | undefined, loadBalancerArn: string | undefined) => {
    if (!loadBalancerArn) return;
    for (const arn of forwardedTargetGroups(actions)) {
      let set = byGroup.get(arn);
      if (!set) byGroup.set(arn, (set = new Set()));
      set.add(loadBalancerArn);
    }
  };
  for (const { listener } of world.elb.listeners.values()) note(listener.DefaultActions, listener.LoadBalancerArn);
  for (const { rule, listenerArn } of world.elb.rules.values()) {
    note(rule.Actions, world.elb.listeners.get(listenerArn)?.listener.LoadBalancerArn);
  }
  return byGroup;
}

/** Re-stores `LoadBalancerArns` of the given target groups from the listeners and rules as they are now. */
export function refreshTargetGroupLinks(world: EcsWorld, targetGroupArns: Iterable<string>): void {
  const byGroup = usage(world);
  for (const arn of new Set(targetGroupArns)) {
    const record = world.elb.targetGroups.get(arn);
    if (!record) continue;
    const loadBalancerArns = [...(byGroup.get(arn) ?? [])].sort();
    const current = record.targetGroup.LoadBalancerArns ?? [];
    if (current.length === loadBalancerArns.length && current.every((value, i) => value === loadBalancerArns[i])) continue;
    world.elb.targetGroups.put(arn, { ...record, targetGroup: { ...record.targetGroup, LoadBalancerArns: loadBalancerArns } });
  }
}
