import type { Action, Listener, Rule } from "@aws-sdk/client-elastic-load-balancing-v2";
import { elbArn, newElbId } from "../../store/elb-arns";
import type { ListenerRecord, RuleRecord } from "../../store/elb-records";
import type { EcsWorld } from "../../world";
import { forwardedTargetGroups } from "../../engine/load-balancing/group-usage";
import { refreshTargetGroupLinks } from "./associations";
import { dropTags } from "./tags";

/**
 * A listener and its rules are stored together: the listener's default actions are also its
 * default rule's actions (the rule AWS lists with Priority "default"), and the two are always
 * written together so that either view is current.
 */
export function defaultRuleOf(world: EcsWorld, listenerArn: string): RuleRecord | undefined {
  for (const record of world.elb.rulesOf(listenerArn)) {
    if (record.rule.IsDefault) return record;
  }
  return undefined;
}

/** Stores a new listener with its default rule, which gets its own stable ARN. */
export function storeNewListener(world: EcsWorld, listener: Listener): ListenerRecord {
  const listenerArn = listener.ListenerArn!;
  const rule: Rule = {
    RuleArn: elbArn.rule(listenerArn, newElbId()),
    Priority: "default",
    Conditions: [],
    Actions: listener.DefaultActions,
    IsDefault: true,
  };
  const record = world.elb.listeners.put(listenerArn, { listener });
  world.elb.rules.put(rule.RuleArn!, { rule, listenerArn });
  refreshTargetGroupLinks(world, forwardedTargetGroups(listener.DefaultActions));
  return record;
}

/** Replaces a listener's settings; its default rule follows its default actions. */
export function storeListener(world: EcsWorld, current: ListenerRecord, listener: Listener): ListenerRecord {
  const before = forwardedTargetGroups(current.listener.DefaultActions);
  const record = world.elb.listeners.put(listener.ListenerArn!, { ...current, listener });
  const defaultRule = defaultRuleOf(world, listener.ListenerArn!);
  if (defaultRule) {
    world.elb.rules.put(defaultRule.rule.RuleArn!, { ...defaultRule, rule: { ...defaultRule.rule, Actions: listener.DefaultActions } });
  }
  refreshTargetGroupLinks(world, [...before, ...forwardedTargetGroups(listener.DefaultActions)]);
  return record;
}

export function setDefaultActions(world: EcsWorld, current: ListenerRecord, actions: Action[]): ListenerRecord {
  return storeListener(world, current, { ...current.listener, DefaultActions: actions });
}

/** Stores a rule and refreshes the target groups it stopped or started forwarding to. */
export function storeRule(world: EcsWorld, record: RuleRecord): RuleRecord {
  const before = forwardedTargetGroups(world.elb.rules.get(record.rule.RuleArn!)?.rule.Actions);
  world.elb.rules.put(record.rule.RuleArn!, record);
  refreshTargetGroupLinks(world, [...before, ...forwardedTargetGroups(record.rule.Actions)]);
  return record;
}

export function removeRule(world: EcsWorld, ruleArn: string): void {
  const record = world.elb.rules.get(ruleArn);
  if (!record) return;
  world.elb.rules.delete(ruleArn);
  dropTags(world, ruleArn);
  refreshTargetGroupLinks(world, forwardedTargetGroups(record.rule.Actions));
}

/** Deletes a listener, its rules and their tags. The caller tells the data plane. */
export function removeListener(world: EcsWorld, listenerArn: string): void {
  const record = world.elb.listeners.get(listenerArn);
  if (!record) return;
  const touched = forwardedTargetGroups(record.listener.DefaultActions);
  for (const rule of [...world.elb.rulesOf(listenerArn)]) {
    touched.push(...forwardedTargetGroups(rule.rule.Actions));
    world.elb.rules.delete(rule.rule.RuleArn!);
    dropTags(world, rule.rule.RuleArn!);
  }
  world.elb.listeners.delete(listenerArn);
  dropTags(world, listenerArn);
  refreshTargetGroupLinks(world, touched);
}
