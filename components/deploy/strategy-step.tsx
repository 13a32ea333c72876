import { useId } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import type { StrategyKind } from "@/lib/deploy/choices";
import { APPROVAL_STAGES, type ApprovalStage } from "@/lib/deploy/limits";
import type { StrategyAvailability } from "@/lib/deploy/prerequisites";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import type { TrafficShiftingChoices } from "@/lib/view-models/deploy-context";
import type { AlarmChoice } from "@/lib/view-models/alarms";
import type { Part } from "@/lib/view-models/common";
import { AlarmsFields } from "./alarms-fields";
import { LimitField } from "./number-field";
import { TrafficShiftingFields } from "./traffic-shifting-fields";
import { STRATEGY_ORDER, STRATEGY_TITLES, type WizardForm } from "./wizard-form";

const DESCRIPTIONS: Record<StrategyKind, string> = {
  rolling: "Replaces tasks a few at a time, within a minimum healthy and maximum percent.",
  blueGreen: "Starts a full set of new tasks, then moves all production traffic at once.",
  linear: "Starts a full set of new tasks, then moves traffic in equal steps.",
  canary: "Sends a small share of traffic to the new tasks first, then the rest.",
};

interface StrategyStepProps {
  availability: StrategyAvailability[];
  /** The account's alarms a deployment can watch. */
  alarms: Part<AlarmChoice[]>;
  /** For a service that can shift traffic once set up: the lists to pick what it lacks from. */
  trafficShifting?: TrafficShiftingChoices;
  primaryTargetGroupArn?: string;
  form: WizardForm;
  errors: Record<string, string>;
  onChange: (change: Partial<WizardForm>) => void;
}

/**
 * Step 3: the four strategies as radio cards (those the service cannot use say why, those it
 * can once set up say so), then the chosen one's settings, with what this deploy sets up.
 */
export function StrategyStep({ availability, alarms, trafficShifting, primaryTargetGroupArn, form, errors, onChange }: StrategyStepProps) {
  const chosen = availability.find((entry) => entry.kind === form.strategy);
  return (
    <div className="space-y-6">
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Strategy</legend>
        <div className="grid gap-2 md:grid-cols-2">
          {STRATEGY_ORDER.map((kind) => (
            <StrategyCard key={kind} kind={kind} availability={availability.find((entry) => entry.kind === kind)} checked={form.strategy === kind} onPick={() => onChange({ strategy: kind })} />
          ))}
        </div>
        {errors["strategy.kind"] && <p className="mt-2 text-sm font-medium text-danger">{errors["strategy.kind"]}</p>}
      </fieldset>
      {chosen?.canSetUp && <TrafficShiftingSetup trafficShifting={trafficShifting} primaryTargetGroupArn={primaryTargetGroupArn} form={form} errors={errors} onChange={onChange} />}
      <StrategySettings form={form} errors={errors} onChange={onChange} />
      <AlarmsFields value={form} choices={alarms} error={errors["alarms.names"]} onChange={onChange} />
    </div>
  );
}

/** What a rolling service behind a load balancer lacks to shift traffic, set up by this deploy. */
function TrafficShiftingSetup({ trafficShifting, primaryTargetGroupArn, form, errors, onChange }: Omit<StrategyStepProps, "availability" | "alarms">) {
  const titleId = useId();
  const at = (field: string) => errors[`trafficShifting.${field}`];
  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <h3 id={titleId} className="text-base font-semibold">
        Traffic shifting, set up by this deploy
      </h3>
      <p className="text-sm text-ink-muted">
        {STRATEGY_TITLES[form.strategy]} moves production traffic between two target groups through a listener rule. ECS takes these with this deployment, and keeps them for the next.
      </p>
      {!trafficShifting || !trafficShifting.choices.ok ? (
        <Notice tone="warn" title="The load balancers could not be read to pick from">
          {trafficShifting && !trafficShifting.choices.ok && <FailureDetails failure={trafficShifting.choices.error} />}
        </Notice>
      ) : (
        <TrafficShiftingFields
          value={form.shifting}
          primaryTargetGroupArn={primaryTargetGroupArn}
          choices={trafficShifting.choices.value}
          errors={{ alternateTargetGroupArn: at("alternateTargetGroupArn"), productionListenerRule: at("productionListenerRule"), testListenerRule: at("testListenerRule"), roleArn: at("roleArn") }}
          onChange={(change) => onChange({ shifting: { ...form.shifting, ...change } })}
        />
      )}
    </section>
  );
}

function StrategyCard({ kind, availability, checked, onPick }: { kind: StrategyKind; availability?: StrategyAvailability; checked: boolean; onPick: () => void }) {
  const reasonId = useId();
  const descriptionId = useId();
  const disabled = availability?.available === false && !availability.canSetUp;
  const setUp = availability?.available === false && availability.canSetUp;
  return (
    <label
      className={`flex gap-3 rounded-lg border border-line bg-surface p-3 has-[:checked]:border-brand has-[:checked]:ring-1 has-[:checked]:ring-brand ${disabled ? "cursor-not-allowed bg-surface-sunken" : "cursor-pointer"}`}
    >
      <input
        type="radio"
        name="strategy"
        value={kind}
        checked={checked}
        disabled={disabled}
        onChange={onPick}
        aria-describedby={disabled || setUp ? `${descriptionId} ${reasonId}` : descriptionId}
        className="mt-1"
      />
      <span className="min-w-0">
        <span className={`block font-medium ${disabled ? "text-ink-muted" : ""}`}>{STRATEGY_TITLES[kind]}</span>
        <span id={descriptionId} className="block text-sm text-ink-muted">
          {DESCRIPTIONS[kind]}
        </span>
        {disabled && (
          <span id={reasonId} className="mt-1 block text-sm text-warn">
            Not available: {availability.missing.map((missing) => missing.message).join(" ")}
          </span>
        )}
        {setUp && (
          <span id={reasonId} className="mt-1 block text-sm text-info">
            Set up by this deploy: pick the alternate target group, the production listener rule and the role below.
          </span>
        )}
      </span>
    </label>
  );
}

function StrategySettings({ form, errors, onChange }: Pick<StrategyStepProps, "form" | "errors" | "onChange">) {
  const kind = form.strategy;
  const at = (name: string) => errors[`strategy.${kind}.${name}`];
  const number = (name: keyof WizardForm["numbers"], path: string = name) => (
    <LimitField name={name} value={form.numbers[name]} error={at(path)} onChange={(value) => onChange({ numbers: { ...form.numbers, [name]: value } })} />
  );
  return (
    <section aria-labelledby="strategy-settings" className="space-y-4">
      <h3 id="strategy-settings" className="text-base font-semibold">
        {STRATEGY_TITLES[kind]} settings
      </h3>
      <div className="grid gap-4 md:grid-cols-2">
        {kind === "rolling" && (
          <>
            {number("minimumHealthyPercent")}
            {number("maximumPercent")}
            {number("healthCheckGracePeriodSeconds")}
          </>
        )}
        {kind === "linear" && (
          <>
            {number("stepPercent")}
            {number("stepBakeTimeMinutes")}
          </>
        )}
        {kind === "canary" && (
          <>
            {number("canaryPercent")}
            {number("canaryBakeTimeMinutes")}
          </>
        )}
        {kind !== "rolling" && number("bakeTimeMinutes")}
        {kind === "blueGreen" && (
          <TextField
            label="Test listener rule (optional)"
            name="testListenerRule"
            value={form.testListenerRule}
            spellCheck={false}
            onChange={(event) => onChange({ testListenerRule: event.target.value })}
            hint="The ARN of a listener rule that sends test traffic to the new tasks before production traffic moves; empty keeps what the service has."
            error={at("testListenerRule")}
          />
        )}
      </div>
      {kind === "rolling" ? <CircuitBreaker form={form} onChange={onChange} /> : <Approval form={form} errors={errors} onChange={onChange} />}
    </section>
  );
}

function CircuitBreaker({ form, onChange }: Pick<StrategyStepProps, "form" | "onChange">) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">When tasks keep failing</legend>
      <Checkbox label="Stop the deployment (circuit breaker)" checked={form.circuitBreaker} onChange={(circuitBreaker) => onChange({ circuitBreaker })} />
      <Checkbox label="…and roll back to the revision that ran before" checked={form.circuitBreaker && form.rollbackOnFailure} disabled={!form.circuitBreaker} onChange={(rollbackOnFailure) => onChange({ rollbackOnFailure })} />
    </fieldset>
  );
}

function Approval({ form, errors, onChange }: Pick<StrategyStepProps, "form" | "errors" | "onChange">) {
  const path = `strategy.${form.strategy}.approval`;
  return (
    <fieldset className="space-y-3 rounded-lg border border-line p-3">
      <legend className="px-1 text-sm font-medium">Approval</legend>
      <Checkbox label="Wait for approval before moving on" checked={form.approval} onChange={(approval) => onChange({ approval })} />
      {form.approval && (
        <div className="grid gap-4 md:grid-cols-3">
          <SelectField label="Wait" name="approvalStage" value={form.approvalStage} onChange={(event) => onChange({ approvalStage: event.target.value as ApprovalStage })} error={errors[`${path}.stage`]}>
            {Object.entries(APPROVAL_STAGES).map(([stage, words]) => (
              <option key={stage} value={stage}>
                {words}
              </option>
            ))}
          </SelectField>
          <LimitField
            name="approvalTimeoutMinutes"
            label="Timeout (minutes)"
            value={form.numbers.approvalTimeoutMinutes}
            error={errors[`${path}.timeoutMinutes`]}
            onChange={(value) => onChange({ numbers: { ...form.numbers, approvalTimeoutMinutes: value } })}
          />
          <SelectField
            label="When nobody decides in time"
            name="approvalTimeoutAction"
            value={form.approvalTimeoutAction}
            onChange={(event) => onChange({ approvalTimeoutAction: event.target.value as WizardForm["approvalTimeoutAction"] })}
            error={errors[`${path}.timeoutAction`]}
          >
            <option value="ROLLBACK">Roll back</option>
            <option value="CONTINUE">Continue</option>
          </SelectField>
        </div>
      )}
    </fieldset>
  );
}

function Checkbox({ label, checked, disabled, onChange }: { label: string; checked: boolean; disabled?: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className={`flex items-center gap-2 text-sm ${disabled ? "text-ink-muted" : ""}`}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} className="size-4" />
      {label}
    </label>
  );
}
