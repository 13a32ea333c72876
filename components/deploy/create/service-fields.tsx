"use client";

import { useTaskDefinitionFamilies } from "@/components/cluster/use-task-definitions";
import { SelectField, TextField } from "@/components/ui/field";
import { AWS_ERROR_TEXT } from "@/lib/aws-errors";
import { MAX_DESIRED_COUNT } from "@/lib/schemas/limits";
import type { TaskDefinitionPick } from "@/lib/view-models/load-balancing-create";
import { errorAt, FormSection, type FieldErrors } from "./form-section";

export interface TaskDefinitionState {
  family: string;
  /** "" for the newest ACTIVE revision. */
  revision: string;
  pick: TaskDefinitionPick | undefined;
  loading: boolean;
}

function revisionHint(state: TaskDefinitionState): string | undefined {
  const chosen = state.pick?.chosen;
  if (state.loading) return "Reading the revision…";
  if (!chosen) return state.family && state.pick ? `${state.family} has no ACTIVE revision.` : undefined;
  const ports = chosen.containers.flatMap((container) => container.ports.map((port) => `${container.name}:${port.containerPort}`));
  const network = chosen.networkMode ? `${chosen.networkMode} networking` : "default networking";
  return `${chosen.label} · ${network} · ${ports.length ? `ports ${ports.join(", ")}` : "no port mappings"}`;
}

/** Name, task definition (family, then one of its revisions) and how many tasks. */
export function ServiceFields({
  name,
  desiredCount,
  taskDefinition,
  takenNames,
  errors,
  onName,
  onDesired,
  onFamily,
  onRevision,
}: {
  name: string;
  desiredCount: string;
  taskDefinition: TaskDefinitionState;
  takenNames: readonly string[];
  errors: FieldErrors;
  onName: (value: string) => void;
  onDesired: (value: string) => void;
  onFamily: (value: string) => void;
  onRevision: (value: string) => void;
}) {
  const { families, loading, failure } = useTaskDefinitionFamilies(true);
  const revisions = taskDefinition.pick?.revisions ?? [];
  return (
    <FormSection title="Service">
      <TextField
        label="Service name"
        value={name}
        onChange={(event) => onName(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        hint={takenNames.length ? `Taken in this cluster: ${takenNames.join(", ")}.` : "Letters, digits, hyphens and underscores, up to 255."}
        error={errors.serviceName}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Task definition family"
          value={taskDefinition.family}
          disabled={loading}
          onChange={(event) => onFamily(event.target.value)}
          hint={failure ? `The families could not be listed (${AWS_ERROR_TEXT[failure.code].title.toLowerCase()}).` : undefined}
          error={taskDefinition.family ? undefined : errors.taskDefinition}
        >
          <option value="">{loading ? "Loading task definitions…" : "Pick a family"}</option>
          {families?.map((family) => (
            <option key={family} value={family}>
              {family}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Revision"
          value={taskDefinition.revision}
          disabled={!taskDefinition.family || revisions.length === 0}
          onChange={(event) => onRevision(event.target.value)}
          hint={revisionHint(taskDefinition)}
          error={taskDefinition.family ? errors.taskDefinition : undefined}
        >
          <option value="">{revisions.length ? `Newest (${taskDefinition.family}:${revisions[0]})` : "—"}</option>
          {revisions.map((revision) => (
            <option key={revision} value={String(revision)}>
              {taskDefinition.family}:{revision}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="sm:w-48">
        <TextField
          label="Desired tasks"
          inputMode="numeric"
          value={desiredCount}
          onChange={(event) => onDesired(event.target.value)}
          hint={`0 to ${MAX_DESIRED_COUNT.toLocaleString("en-US")}`}
          error={errorAt(errors, "desiredCount")}
        />
      </div>
    </FormSection>
  );
}
