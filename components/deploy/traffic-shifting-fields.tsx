"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { ruleLabel, rulesForTargetGroup, targetGroupLabel, type ListenerRuleChoice, type LoadBalancingChoices } from "@/lib/view-models/load-balancing";

/** What blue/green, linear and canary shift traffic with, as ARNs picked (empty for "none yet"). */
export interface TrafficShiftingValue {
  alternateTargetGroupArn: string;
  productionListenerRule: string;
  testListenerRule: string;
  roleArn: string;
}

function RuleOptions({ rules }: { rules: readonly ListenerRuleChoice[] }) {
  return (
    <>
      {rules.map((rule) => (
        <option key={rule.arn} value={rule.arn}>
          {ruleLabel(rule)}
        </option>
      ))}
    </>
  );
}

/**
 * The alternate target group, listener rules and role that blue/green, linear and canary shift
 * traffic with, picked from the load balancers' lists: for a new service, and for one a deploy
 * moves to traffic shifting.
 */
export function TrafficShiftingFields({
  value,
  primaryTargetGroupArn,
  choices,
  errors,
  onChange,
}: {
  value: TrafficShiftingValue;
  /** The service's own target group: not the alternate, and the rules that forward to it come first. */
  primaryTargetGroupArn: string | undefined;
  choices: LoadBalancingChoices;
  errors: Partial<Record<keyof TrafficShiftingValue, string>>;
  onChange: (change: Partial<TrafficShiftingValue>) => void;
}) {
  const forwarding = rulesForTargetGroup(choices.rules, primaryTargetGroupArn);
  const rules = forwarding.length ? forwarding : rulesForTargetGroup(choices.rules, undefined);
  const primary = choices.targetGroups.find((group) => group.arn === primaryTargetGroupArn);
  return (
    <div className="space-y-4 rounded-md border border-line p-3">
      <p className="text-sm text-ink-muted">New tasks start in the alternate target group; ECS then shifts the production rule&rsquo;s weights to it.</p>
      <SelectField
        label="Alternate target group"
        value={value.alternateTargetGroupArn}
        onChange={(event) => onChange({ alternateTargetGroupArn: event.target.value })}
        error={errors.alternateTargetGroupArn}
      >
        <option value="">Pick the alternate target group</option>
        {choices.targetGroups
          .filter((group) => group.arn !== primaryTargetGroupArn)
          .map((group) => (
            <option key={group.arn} value={group.arn}>
              {targetGroupLabel(group)}
            </option>
          ))}
      </SelectField>
      <SelectField
        label="Production listener rule"
        value={value.productionListenerRule}
        onChange={(event) => onChange({ productionListenerRule: event.target.value })}
        hint={forwarding.length || !primary ? "A rule that forwards to both target groups." : `No rule forwards to ${primary.name}; every forwarding rule is listed.`}
        error={errors.productionListenerRule}
      >
        <option value="">Pick the production listener rule</option>
        <RuleOptions rules={rules} />
      </SelectField>
      <SelectField
        label="Test listener rule (optional)"
        value={value.testListenerRule}
        onChange={(event) => onChange({ testListenerRule: event.target.value })}
        hint="Sends test traffic to the new tasks before production traffic moves."
        error={errors.testListenerRule}
      >
        <option value="">None</option>
        <RuleOptions rules={rules.filter((rule) => rule.arn !== value.productionListenerRule)} />
      </SelectField>
      <TextField
        label="Role ECS uses to change the load balancer"
        value={value.roleArn}
        onChange={(event) => onChange({ roleArn: event.target.value })}
        spellCheck={false}
        autoComplete="off"
        hint="An IAM role ECS assumes, allowed to change the listener rules (AmazonECSInfrastructureRolePolicyForLoadBalancers)."
        error={errors.roleArn}
      />
    </div>
  );
}
