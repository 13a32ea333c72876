"use client";

import { useState, type FormEvent } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldErrorsOf, type ActionResult } from "@/lib/action-result";
import type { AwsFailure } from "@/lib/aws-errors";
import { formatCount } from "@/lib/format";
import { loadOperationSchemas } from "@/components/actions/load-schemas";
import { isTaskDefinitionReference, MAX_RUN_TASK_COUNT } from "@/lib/schemas/limits";
import type { RunTaskInput } from "@/lib/schemas/operations";
import type { ClusterHeader, ServiceRow } from "@/lib/view-models/clusters";
import {
  defaultFamily,
  emptyRunTaskForm,
  fieldError,
  networkDefault,
  runTaskInputOf,
  type RunTaskForm,
  type TaskDefinitionNeeds,
} from "@/lib/view-models/clusters-run-task";
import { OTHER_REVISION, TaskDefinitionField } from "./task-definition-field";
import { useTaskDefinitionFamilies, useTaskDefinitionNeeds } from "./use-task-definitions";

export interface RunTaskFormProps {
  cluster: string;
  /** The cluster's capacity, when it could be read. */
  header: ClusterHeader | undefined;
  services: readonly ServiceRow[];
  run: (input: RunTaskInput) => Promise<ActionResult<unknown>>;
  pending: boolean;
  result: ActionResult<unknown> | undefined;
  onCancel: () => void;
}

/** The task definition to send: the revision a family resolved to, so what the form showed is what runs. */
function useTaskDefinitionChoice(services: readonly ServiceRow[]) {
  const { families, loading, failure } = useTaskDefinitionFamilies(true);
  const [picked, setPicked] = useState<string>();
  const [typed, setTyped] = useState("");
  const [committed, setCommitted] = useState("");
  const selected = failure ? OTHER_REVISION : (picked ?? (families ? defaultFamily(families, services) : undefined));
  const typedValid = isTaskDefinitionReference(committed);
  const reference = selected === OTHER_REVISION ? (typedValid ? committed.trim() : undefined) : selected;
  const needsRead = useTaskDefinitionNeeds(reference);
  const choice = { families, familiesLoading: loading, familiesFailure: failure, selected, typed, needs: needsRead.needs, needsLoading: needsRead.loading };
  const toSend = selected === OTHER_REVISION ? typed.trim() : (needsRead.needs?.taskDefinition.label ?? selected ?? "");
  return { choice, needsFailure: needsRead.failure, toSend, setPicked, setTyped, commit: () => setCommitted(typed) };
}

/** Why ECS would refuse the chosen task definition, known before asking it to run: it does not exist, or is INACTIVE. */
function problemOf(failure: AwsFailure | undefined, needs: TaskDefinitionNeeds | undefined): string | undefined {
  if (failure?.code === "not-found") return failure.detail ?? failure.message;
  if (needs?.status === "INACTIVE") return `${needs.taskDefinition.label} is INACTIVE: ECS runs no new tasks from it.`;
  return undefined;
}

type Setter = (field: keyof RunTaskForm) => (event: { target: { value: string } }) => void;

/** Where awsvpc tasks get their network interfaces, prefilled from a service of the cluster. */
function NetworkFields({ form, set, prefill, errors }: { form: RunTaskForm; set: Setter; prefill: string | undefined; errors: Record<string, string> | undefined }) {
  return (
    <fieldset className="space-y-3 rounded-md border border-line p-3">
      <legend className="px-1 text-sm font-semibold">Network (awsvpc)</legend>
      <p className="text-xs text-ink-muted">{prefill ? `Prefilled from service ${prefill}. ` : ""}Separate ids with commas or spaces.</p>
      <TextField label="Subnets" value={form.subnets} onChange={set("subnets")} spellCheck={false} autoComplete="off" error={fieldError(errors, "network.subnets")} />
      <TextField
        label="Security groups"
        value={form.securityGroups}
        onChange={set("securityGroups")}
        spellCheck={false}
        autoComplete="off"
        error={fieldError(errors, "network.securityGroups")}
      />
      <SelectField label="Assign public IP" value={form.assignPublicIp} onChange={set("assignPublicIp")}>
        <option value="DISABLED">Disabled</option>
        <option value="ENABLED">Enabled</option>
      </SelectField>
    </fieldset>
  );
}

export function RunTaskFormBody({ cluster, header, services, run, pending, result, onCancel }: RunTaskFormProps) {
  const prefill = networkDefault(services);
  const [form, setForm] = useState<RunTaskForm>(() => emptyRunTaskForm("", prefill));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>();
  const taskDefinition = useTaskDefinitionChoice(services);
  const { needs } = taskDefinition.choice;
  const errors = clientErrors ?? (result && !result.ok ? result.fieldErrors : undefined);
  const definitionProblem = problemOf(taskDefinition.needsFailure, needs);
  const set: Setter = (field) => (event) => setForm((current) => ({ ...current, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = runTaskInputOf(cluster, { ...form, taskDefinition: taskDefinition.toSend }, needs?.needsSubnets);
    const { runTaskInput } = await loadOperationSchemas();
    const parsed = runTaskInput.safeParse(input);
    if (!parsed.success || definitionProblem) {
      const found = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
      setClientErrors({ ...found, ...(definitionProblem ? { taskDefinition: definitionProblem } : {}) });
      return;
    }
    setClientErrors(undefined);
    await run(input);
  }

  const count = Number(form.count);
  const countWords = Number.isInteger(count) && count >= 1 && count <= MAX_RUN_TASK_COUNT ? formatCount(count, "task") : "tasks";
  const showNetwork = needs?.needsSubnets !== false;

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <TaskDefinitionField
        choice={taskDefinition.choice}
        error={fieldError(errors, "taskDefinition") ?? definitionProblem}
        onSelect={(value) => taskDefinition.setPicked(value)}
        onType={(value) => taskDefinition.setTyped(value)}
        onCommit={taskDefinition.commit}
      />
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <TextField
          label="Count"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_RUN_TASK_COUNT}
          value={form.count}
          onChange={set("count")}
          hint={`1 to ${MAX_RUN_TASK_COUNT}`}
          error={fieldError(errors, "count")}
        />
        <SelectField label="Capacity" value={form.capacityProvider} onChange={set("capacityProvider")} error={fieldError(errors, "capacityProviderStrategy")}>
          <option value="">Cluster default{header ? ` (${header.defaultStrategyLabel})` : ""}</option>
          {header?.capacityProviders.map((provider) => (
            <option key={provider} value={provider}>
              {provider}
            </option>
          ))}
        </SelectField>
      </div>
      {showNetwork ? (
        <NetworkFields form={form} set={set} prefill={prefill?.service} errors={errors} />
      ) : (
        <p className="text-sm text-ink-muted">{needs?.taskDefinition.label} does not use awsvpc networking: its tasks need no subnets.</p>
      )}
      {result && !result.ok && <ActionResultNotice result={result} failureTitle="No task was started" />}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={pending}>
          Run {countWords}
        </Button>
      </div>
    </form>
  );
}
