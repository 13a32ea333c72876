"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { FailureDetails } from "@/components/ui/failure-details";
import type { CreateServiceForm } from "@/lib/deploy/create-form";
import { ruleLabel, rulesForTargetGroup, targetGroupLabel, type ListenerRuleChoice, type LoadBalancingChoices } from "@/lib/view-models/load-balancing";
import type { ContainerPorts } from "@/lib/view-models/load-balancing-create";
import { errorAt, FormSection, type FieldErrors } from "./form-section";

type Change = (change: Partial<CreateServiceForm>) => void;

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

function ContainerField({ form, containers, errors, onChange }: { form: CreateServiceForm; containers: readonly ContainerPorts[] | undefined; errors: FieldErrors; onChange: Change }) {
  const options = (containers ?? []).flatMap((container) => container.ports.map((port) => ({ value: `${container.name}:${port.containerPort}`, port, container })));
  const error = errorAt(errors, "loadBalancer.containerName") ?? errorAt(errors, "loadBalancer.containerPort");
  if (containers && options.length === 0) {
    return <p className="text-sm font-medium text-danger">The task definition maps no container port: a target group has nowhere to send traffic.</p>;
  }
  return (
    <SelectField label="Container and port" value={form.container} onChange={(event) => onChange({ container: event.target.value })} error={error} hint="From the task definition's port mappings.">
      {!containers && <option value="">Pick a task definition first</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.value}
          {option.port.protocol ? ` (${option.port.protocol})` : ""}
        </option>
      ))}
    </SelectField>
  );
}

/** The alternate target group, listener rules and role that blue/green, linear and canary shift traffic with. */
function TrafficShiftingFields({ form, choices, errors, onChange }: { form: CreateServiceForm; choices: LoadBalancingChoices; errors: FieldErrors; onChange: Change }) {
  const forwarding = rulesForTargetGroup(choices.rules, form.targetGroupArn);
  const rules = forwarding.length ? forwarding : rulesForTargetGroup(choices.rules, undefined);
  const primary = choices.targetGroups.find((group) => group.arn === form.targetGroupArn);
  return (
    <div className="space-y-4 rounded-md border border-line p-3">
      <p className="text-sm text-ink-muted">New tasks start in the alternate target group; ECS then shifts the production rule&rsquo;s weights to it.</p>
      <SelectField
        label="Alternate target group"
        value={form.alternateTargetGroupArn}
        onChange={(event) => onChange({ alternateTargetGroupArn: event.target.value })}
        error={errors["loadBalancer.alternateTargetGroupArn"]}
      >
        <option value="">Pick the alternate target group</option>
        {choices.targetGroups
          .filter((group) => group.arn !== form.targetGroupArn)
          .map((group) => (
            <option key={group.arn} value={group.arn}>
              {targetGroupLabel(group)}
            </option>
          ))}
      </SelectField>
      <SelectField
        label="Production listener rule"
        value={form.productionListenerRule}
        onChange={(event) => onChange({ productionListenerRule: event.target.value })}
        hint={forwarding.length || !primary ? "A rule that forwards to both target groups." : `No rule forwards to ${primary.name}; every forwarding rule is listed.`}
        error={errors["loadBalancer.productionListenerRule"]}
      >
        <option value="">Pick the production listener rule</option>
        <RuleOptions rules={rules} />
      </SelectField>
      <SelectField
        label="Test listener rule (optional)"
        value={form.testListenerRule}
        onChange={(event) => onChange({ testListenerRule: event.target.value })}
        hint="Sends test traffic to the new tasks before production traffic moves."
        error={errors["loadBalancer.testListenerRule"]}
      >
        <option value="">None</option>
        <RuleOptions rules={rules.filter((rule) => rule.arn !== form.productionListenerRule)} />
      </SelectField>
      <TextField
        label="Role ECS uses to change the load balancer"
        value={form.roleArn}
        onChange={(event) => onChange({ roleArn: event.target.value })}
        spellCheck={false}
        autoComplete="off"
        hint="An IAM role ECS assumes, allowed to change the listener rules (AmazonECSInfrastructureRolePolicyForLoadBalancers)."
        error={errors["loadBalancer.roleArn"]}
      />
    </div>
  );
}

/** None, or a target group with the container and port it sends to; for traffic shifting, the rest of what ECS needs, picked from lists. */
export function LoadBalancerFields({
  form,
  choices,
  containers,
  errors,
  onChange,
}: {
  form: CreateServiceForm;
  choices: LoadBalancingChoices;
  containers: readonly ContainerPorts[] | undefined;
  errors: FieldErrors;
  onChange: Change;
}) {
  const shifting = form.strategy !== "rolling";
  const group = choices.targetGroups.find((candidate) => candidate.arn === form.targetGroupArn);
  const balancers = choices.loadBalancers.filter((lb) => group?.loadBalancerNames.includes(lb.name));
  return (
    <FormSection title="Load balancer">
      {choices.error && (
        <Notice tone="warn" title="Some of the load balancing could not be read">
          <FailureDetails failure={choices.error} />
        </Notice>
      )}
      <SelectField
        label="Target group"
        value={form.targetGroupArn}
        onChange={(event) => onChange({ targetGroupArn: event.target.value })}
        hint={balancers.length ? `Behind ${balancers.map((lb) => `${lb.name} (${lb.dnsName ?? "no DNS name"})`).join(", ")}.` : undefined}
        error={errorAt(errors, "loadBalancer.targetGroupArn") ?? errors.loadBalancer}
      >
        <option value="">{shifting ? "Pick a target group" : "No load balancer"}</option>
        {choices.targetGroups.map((candidate) => (
          <option key={candidate.arn} value={candidate.arn}>
            {targetGroupLabel(candidate)}
          </option>
        ))}
      </SelectField>
      {form.targetGroupArn && <ContainerField form={form} containers={containers} errors={errors} onChange={onChange} />}
      {form.targetGroupArn && shifting && <TrafficShiftingFields form={form} choices={choices} errors={errors} onChange={onChange} />}
    </FormSection>
  );
}
