"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { CAPACITY_PROVIDERS } from "@/lib/schemas/limits";

/** One row of a strategy as the form holds it: numbers stay text until the schema reads them. */
export interface StrategyRow {
  capacityProvider: string;
  weight: string;
  base: string;
}

function StrategyItem({
  index,
  row,
  onChange,
  onRemove,
  errors,
  path,
}: {
  index: number;
  row: StrategyRow;
  onChange: (change: Partial<StrategyRow>) => void;
  onRemove: () => void;
  errors: Record<string, string>;
  path: string;
}) {
  const titleId = useId();
  return (
    <div role="group" aria-labelledby={titleId} className="rounded-md border border-line bg-surface-sunken p-3">
      <div className="mb-2 flex items-center justify-between gap-2">
        <span id={titleId} className="text-xs font-medium text-ink-muted">
          Strategy item {index + 1}
        </span>
        <button type="button" onClick={onRemove} className="rounded text-xs font-medium text-link underline-offset-2 hover:underline">
          Remove<span className="sr-only"> {row.capacityProvider} from the strategy</span>
        </button>
      </div>
      <div className="grid grid-cols-2 items-start gap-x-3 gap-y-2 sm:grid-cols-[minmax(0,1fr)_7rem_7rem]">
        <div className="col-span-2 sm:col-span-1">
          <SelectField label="Provider" value={row.capacityProvider} onChange={(event) => onChange({ capacityProvider: event.target.value })} error={errors[`${path}.capacityProvider`]}>
            {CAPACITY_PROVIDERS.map((provider) => (
              <option key={provider} value={provider}>
                {provider}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField label="Weight" inputMode="numeric" value={row.weight} onChange={(event) => onChange({ weight: event.target.value })} error={errors[`${path}.weight`]} hint="0–1,000" />
        <TextField label="Base" inputMode="numeric" value={row.base} onChange={(event) => onChange({ base: event.target.value })} error={errors[`${path}.base`]} hint="0–100,000" />
      </div>
    </div>
  );
}

/** ECS's limit on a strategy's length; Fargate has only two providers anyway. */
const MAX_ROWS = CAPACITY_PROVIDERS.length;

/**
 * The default capacity provider strategy as rows of provider, weight and base. Messages come
 * from the schema by path: `${path}.0.weight`, so each lands under the field it is about.
 */
export function CapacityStrategyFields({
  rows,
  onChange,
  errors,
  path,
  legend = "Default capacity provider strategy",
  description = "Where tasks run when a service or RunTask names no strategy.",
}: {
  rows: StrategyRow[];
  onChange: (rows: StrategyRow[]) => void;
  errors: Record<string, string>;
  path: string;
  /** What the strategy is for: a cluster's default, or one service's own. */
  legend?: string;
  description?: string;
}) {
  const update = (index: number, change: Partial<StrategyRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const unused = CAPACITY_PROVIDERS.find((provider) => !rows.some((row) => row.capacityProvider === provider));

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">{legend}</legend>
      <p className="text-xs text-ink-muted">
        {description} ECS first places each provider&rsquo;s base number of tasks, then splits the rest by weight. Only one provider can have a base.
      </p>
      {rows.length === 0 && <p className="text-sm text-ink-muted">No default strategy: each service and task names its own capacity provider or launch type.</p>}
      {rows.map((row, index) => (
        <StrategyItem
          key={index}
          index={index}
          row={row}
          onChange={(change) => update(index, change)}
          onRemove={() => onChange(rows.filter((_, at) => at !== index))}
          errors={errors}
          path={`${path}.${index}`}
        />
      ))}
      {errors[path] && <p className="text-sm font-medium text-danger">{errors[path]}</p>}
      {rows.length < MAX_ROWS && (
        <Button onClick={() => onChange([...rows, { capacityProvider: unused ?? CAPACITY_PROVIDERS[0], weight: "1", base: "0" }])}>Add a provider</Button>
      )}
    </fieldset>
  );
}
