"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { AWS_ERROR_TEXT, type AwsFailure } from "@/lib/aws-errors";
import type { TaskDefinitionNeeds } from "@/lib/view-models/clusters-run-task";

/** The select's value for "type a family:revision instead". */
export const OTHER_REVISION = "(other)";

export interface TaskDefinitionChoice {
  families: readonly string[] | undefined;
  familiesLoading: boolean;
  familiesFailure: AwsFailure | undefined;
  /** A family, or OTHER_REVISION. */
  selected: string | undefined;
  typed: string;
  needs: TaskDefinitionNeeds | undefined;
  needsLoading: boolean;
}

/** What the chosen task definition is and needs, or why that is not known, under the field. */
function needsText(choice: TaskDefinitionChoice): string | undefined {
  const { needs } = choice;
  if (choice.needsLoading) return "Reading the task definition…";
  if (!needs) return choice.selected === OTHER_REVISION ? "family:revision (web:7), or a family for its latest ACTIVE revision." : undefined;
  const which = choice.selected === OTHER_REVISION ? `Runs ${needs.taskDefinition.label}` : `Runs ${needs.taskDefinition.label}, the latest ACTIVE revision`;
  const network = needs.networkMode ? `${needs.networkMode} networking` : "default networking";
  return `${which} · ${network}.`;
}

export function TaskDefinitionField({
  choice,
  error,
  onSelect,
  onType,
  onCommit,
}: {
  choice: TaskDefinitionChoice;
  error: string | undefined;
  onSelect: (value: string) => void;
  onType: (value: string) => void;
  /** The typed reference is read when the field is left, not on every key. */
  onCommit: () => void;
}) {
  const typing = choice.selected === OTHER_REVISION || choice.familiesFailure !== undefined;
  const hint = needsText(choice);
  return (
    <div className="space-y-3">
      {choice.familiesFailure ? (
        <p className="text-sm text-danger">
          The task definitions could not be listed ({AWS_ERROR_TEXT[choice.familiesFailure.code].title.toLowerCase()}); type one below.
        </p>
      ) : (
        <SelectField
          label="Task definition"
          value={choice.selected ?? ""}
          disabled={choice.familiesLoading}
          onChange={(event) => onSelect(event.target.value)}
          hint={typing ? undefined : hint}
          error={typing ? undefined : error}
        >
          {choice.familiesLoading && <option value="">Loading task definitions…</option>}
          {!choice.familiesLoading && choice.families?.length === 0 && <option value="">No ACTIVE task definitions</option>}
          {choice.families?.map((family) => (
            <option key={family} value={family}>
              {family}
            </option>
          ))}
          {!choice.familiesLoading && <option value={OTHER_REVISION}>Another revision…</option>}
        </SelectField>
      )}
      {typing && (
        <TextField
          label="Task definition revision"
          value={choice.typed}
          onChange={(event) => onType(event.target.value)}
          onBlur={onCommit}
          placeholder="web:7"
          autoComplete="off"
          spellCheck={false}
          hint={hint}
          error={error}
        />
      )}
    </div>
  );
}
