"use client";

import { useId } from "react";
import { CapacityStrategyFields } from "@/components/clusters/capacity-strategy-fields";
import { SelectField, TextField } from "@/components/ui/field";
import { LAUNCH_TYPE_OPTIONS, type CapacityRow, type CreateServiceForm, type PlacementKind } from "@/lib/deploy/create-form";
import type { CreateServiceCluster, NetworkPrefill } from "@/lib/view-models/load-balancing-create";
import { errorAt, FormSection, type FieldErrors } from "./form-section";

const PLACEMENTS: { kind: PlacementKind; label: string }[] = [
  { kind: "cluster-default", label: "The cluster's default capacity providers" },
  { kind: "capacity-providers", label: "A capacity provider strategy of its own" },
  { kind: "launch-type", label: "A launch type" },
];

/** Where the service's tasks run: the cluster's default strategy, one of its own, or a launch type. */
export function PlacementFields({
  form,
  cluster,
  errors,
  onPlacement,
  onRows,
  onLaunchType,
}: {
  form: CreateServiceForm;
  cluster: CreateServiceCluster;
  errors: FieldErrors;
  onPlacement: (kind: PlacementKind) => void;
  onRows: (rows: CapacityRow[]) => void;
  onLaunchType: (value: string) => void;
}) {
  const name = useId();
  return (
    <FormSection title="Where tasks run">
      <div role="radiogroup" aria-label="Where tasks run" className="space-y-2">
        {PLACEMENTS.map((placement) => (
          <label key={placement.kind} className="flex items-center gap-2 text-sm">
            <input type="radio" name={name} checked={form.placement === placement.kind} onChange={() => onPlacement(placement.kind)} />
            {placement.label}
            {placement.kind === "cluster-default" && <span className="text-ink-muted">({cluster.defaultStrategyLabel})</span>}
          </label>
        ))}
      </div>
      {form.placement === "capacity-providers" && (
        <CapacityStrategyFields
          rows={form.capacityRows}
          onChange={onRows}
          errors={errors as Record<string, string>}
          path="placement.capacityProviderStrategy"
          legend="Capacity provider strategy"
          description="Where this service's tasks run."
        />
      )}
      {form.placement === "launch-type" && (
        <div className="sm:w-64">
          <SelectField label="Launch type" value={form.launchType} onChange={(event) => onLaunchType(event.target.value)} error={errorAt(errors, "placement.launchType")}>
            {LAUNCH_TYPE_OPTIONS.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </SelectField>
        </div>
      )}
    </FormSection>
  );
}

/** Subnets, security groups and public IP for awsvpc tasks, prefilled from a service of the cluster. */
export function NetworkFields({
  form,
  prefill,
  needsSubnets,
  errors,
  onChange,
}: {
  form: CreateServiceForm;
  prefill: NetworkPrefill | undefined;
  needsSubnets: boolean | undefined;
  errors: FieldErrors;
  onChange: (change: Partial<Pick<CreateServiceForm, "subnets" | "securityGroups" | "assignPublicIp">>) => void;
}) {
  if (needsSubnets === false) {
    return (
      <FormSection title="Network">
        <p className="text-sm text-ink-muted">This task definition does not use awsvpc networking: its tasks need no subnets.</p>
      </FormSection>
    );
  }
  return (
    <FormSection title="Network (awsvpc)" description={`${prefill ? `Prefilled from service ${prefill.service}. ` : ""}Separate ids with commas or spaces.`}>
      <TextField label="Subnets" value={form.subnets} onChange={(event) => onChange({ subnets: event.target.value })} spellCheck={false} autoComplete="off" error={errorAt(errors, "network.subnets")} />
      <TextField
        label="Security groups"
        value={form.securityGroups}
        onChange={(event) => onChange({ securityGroups: event.target.value })}
        spellCheck={false}
        autoComplete="off"
        error={errorAt(errors, "network.securityGroups")}
      />
      <div className="sm:w-64">
        <SelectField label="Assign public IP" value={form.assignPublicIp} onChange={(event) => onChange({ assignPublicIp: event.target.value as "ENABLED" | "DISABLED" })}>
          <option value="DISABLED">Disabled</option>
          <option value="ENABLED">Enabled</option>
        </SelectField>
      </div>
    </FormSection>
  );
}
