import type { Action } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { ElbState } from "../../store/elb-state";
import { forwardGroups } from "./forwarding";

/** The target groups some forward action names, whatever their weight. */
export function forwardedTargetGroups(actions: Action[] | undefined): string[] {
  return (actions ?? []).filter((action) => action.Type === "forward").flatMap((action) => forwardGroups(action).map((group) => group.targetGroupArn));
}

/**
 * Target groups a listener's default actions or one of its rules forward to. ALB counts a
 * group of weight 0 as in use too: its targets are health-checked, ready for a shift.
 */
export function targetGroupsInUse(elb: ElbState): Set<string> {
  const used = new Set<string>();
  for (const { listener } of elb.listeners.values()) {
    for (const arn of forwardedTargetGroups(listener.DefaultActions)) used.add(arn);
  }
  for (const { rule, listenerArn } of elb.rules.values()) {
    if (!elb.listeners.has(listenerArn)) continue;
    for (const arn of forwardedTargetGroups(rule.Actions)) used.add(arn);
  }
  return used;
}
