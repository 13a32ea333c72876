"use client";

import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { FailureDetails } from "@/components/ui/failure-details";
import type { CreateServiceForm } from "@/lib/deploy/create-form";
import { targetGroupLabel, type LoadBalancingChoices } from "@/lib/view-models/load-balancing";
import type { ContainerPorts } from "@/lib/view-models/load-balancing-create";
import { TrafficShiftingFields } from "../traffic-shifting-fields";
import { errorAt, FormSection, type FieldErrors } from "./form-section";

type Change = (change: Partial<CreateServiceForm>) => void;

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
      {form.targetGroupArn && shifting && (
        <TrafficShiftingFields
          value={form}
          primaryTargetGroupArn={form.targetGroupArn}
          choices={choices}
          errors={{
            alternateTargetGroupArn: errors["loadBalancer.alternateTargetGroupArn"],
            productionListenerRule: errors["loadBalancer.productionListenerRule"],
            testListenerRule: errors["loadBalancer.testListenerRule"],
            roleArn: errors["loadBalancer.roleArn"],
          }}
          onChange={onChange}
        />
      )}
    </FormSection>
  );
}
