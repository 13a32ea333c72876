"use client";

import { useId } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import type { StrategyKind } from "@/lib/deploy/choices";
import type { CreateServiceForm } from "@/lib/deploy/create-form";
import { APPROVAL_STAGES, DEPLOY_LIMITS, rangeText, type ApprovalStage, type LimitName } from "@/lib/deploy/limits";
import { errorAt, FormSection, type FieldErrors } from "./form-section";

const STRATEGIES: { kind: StrategyKind; label: string; description: string; settings: LimitName[] }[] = [
  {
    kind: "rolling",
    label: "Rolling",
    description: "Replaces tasks a few at a time, within a minimum healthy and maximum percent.",
    settings: ["minimumHealthyPercent", "maximumPercent", "healthCheckGracePeriodSeconds"],
  },
  { kind: "blueGreen", label: "Blue/green", description: "Starts a full new set of tasks, then moves all traffic at once.", settings: ["bakeTimeMinutes"] },
  { kind: "linear", label: "Linear", description: "Moves traffic in equal steps, waiting between them.", settings: ["stepPercent", "stepBakeTimeMinutes", "bakeTimeMinutes"] },
  { kind: "canary", label: "Canary", description: "Sends a small share of traffic first, then the rest.", settings: ["canaryPercent", "canaryBakeTimeMinutes", "bakeTimeMinutes"] },
];

/** The schema's path of a setting under the chosen strategy: `strategy.canary.canaryPercent`. */
function settingPath(kind: StrategyKind, name: LimitName): string {
  return `strategy.${kind}.${name}`;
}

function Setting({ kind, name, value, errors, onChange }: { kind: StrategyKind; name: LimitName; value: string; errors: FieldErrors; onChange: (value: string) => void }) {
  const limit = DEPLOY_LIMITS[name];
  return (
    <TextField
      label={`${limit.label} (${limit.unit})`}
      inputMode="decimal"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={`${rangeText(limit)}; default ${limit.default.toLocaleString("en-US")}`}
      error={errorAt(errors, settingPath(kind, name))}
    />
  );
}

function Approval({ form, errors, onChange }: { form: CreateServiceForm; errors: FieldErrors; onChange: (change: Partial<CreateServiceForm>) => void }) {
  const path = `strategy.${form.strategy}.approval`;
  return (
    <div className="space-y-3 rounded-md border border-line p-3">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={form.approval} onChange={(event) => onChange({ approval: event.target.checked })} />
        Wait for approval before production traffic moves
      </label>
      {form.approval && (
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="sm:col-span-3">
            <SelectField label="When to wait" value={form.approvalStage} onChange={(event) => onChange({ approvalStage: event.target.value as ApprovalStage })} error={errorAt(errors, `${path}.stage`)}>
              {Object.entries(APPROVAL_STAGES).map(([stage, words]) => (
                <option key={stage} value={stage}>
                  {words}
                </option>
              ))}
            </SelectField>
          </div>
          <TextField
            label="Timeout (min)"
            inputMode="numeric"
            value={form.approvalTimeoutMinutes}
            onChange={(event) => onChange({ approvalTimeoutMinutes: event.target.value })}
            hint={rangeText(DEPLOY_LIMITS.approvalTimeoutMinutes)}
            error={errorAt(errors, `${path}.timeoutMinutes`)}
          />
          <div className="sm:col-span-2">
            <SelectField label="When nobody decides" value={form.approvalTimeoutAction} onChange={(event) => onChange({ approvalTimeoutAction: event.target.value as "ROLLBACK" | "CONTINUE" })}>
              <option value="ROLLBACK">Roll back</option>
              <option value="CONTINUE">Continue</option>
            </SelectField>
          </div>
        </div>
      )}
    </div>
  );
}

/** The deployment strategy and its settings, with ECS's ranges and the wizard's defaults beside each field. */
export function StrategyFields({ form, errors, onChange }: { form: CreateServiceForm; errors: FieldErrors; onChange: (change: Partial<CreateServiceForm>) => void }) {
  const name = useId();
  const chosen = STRATEGIES.find((strategy) => strategy.kind === form.strategy)!;
  return (
    <FormSection title="Deployment strategy" description="How ECS replaces this service's tasks on later deployments. Blue/green, linear and canary need a load balancer with two target groups.">
      <div role="radiogroup" aria-label="Deployment strategy" className="grid gap-2 sm:grid-cols-2">
        {STRATEGIES.map((strategy) => (
          <label key={strategy.kind} className={`flex gap-2 rounded-md border p-3 text-sm ${form.strategy === strategy.kind ? "border-brand bg-surface-sunken" : "border-line"}`}>
            <input type="radio" name={name} checked={form.strategy === strategy.kind} onChange={() => onChange({ strategy: strategy.kind })} className="mt-1" />
            <span>
              <span className="block font-medium">{strategy.label}</span>
              <span className="block text-ink-muted">{strategy.description}</span>
            </span>
          </label>
        ))}
      </div>
      {errors["strategy.kind"] && <p className="text-sm font-medium text-danger">{errors["strategy.kind"]}</p>}
      <div className="grid gap-4 sm:grid-cols-3">
        {chosen.settings.map((setting) => (
          <Setting
            key={setting}
            kind={form.strategy}
            name={setting}
            value={form.settings[setting]}
            errors={errors}
            onChange={(value) => onChange({ settings: { ...form.settings, [setting]: value } })}
          />
        ))}
      </div>
      {form.strategy === "rolling" ? (
        <div className="space-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={form.circuitBreaker} onChange={(event) => onChange({ circuitBreaker: event.target.checked })} />
            Stop a deployment whose tasks keep failing (circuit breaker)
          </label>
          <label className={`flex items-center gap-2 ${form.circuitBreaker ? "" : "text-ink-muted"}`}>
            <input type="checkbox" disabled={!form.circuitBreaker} checked={form.circuitBreaker && form.rollbackOnFailure} onChange={(event) => onChange({ rollbackOnFailure: event.target.checked })} />
            and roll it back to the last working revision
          </label>
        </div>
      ) : (
        <Approval form={form} errors={errors} onChange={onChange} />
      )}
    </FormSection>
  );
}
