"use client";

import { useState, type FormEvent } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { fieldErrorsOf, type ActionResult } from "@/lib/action-result";
import { queryKeys } from "@/lib/query-keys";
import { loadOperationSchemas } from "@/components/actions/load-schemas";
import { CAPACITY_PROVIDERS } from "@/lib/schemas/limits";
import type { CreateClusterInput } from "@/lib/schemas/operations";
import { createCluster } from "@/server/actions/create-cluster";
import { CapacityStrategyFields, type StrategyRow } from "./capacity-strategy-fields";

type Provider = (typeof CAPACITY_PROVIDERS)[number];

interface FormState {
  clusterName: string;
  capacityProviders: Provider[];
  strategy: StrategyRow[];
  containerInsights: boolean;
}

/** Fargate for every task unless a service asks otherwise: the console's default. */
const INITIAL: FormState = {
  clusterName: "",
  capacityProviders: ["FARGATE", "FARGATE_SPOT"],
  strategy: [{ capacityProvider: "FARGATE", weight: "1", base: "0" }],
  containerInsights: false,
};

const STRATEGY_PATH = "defaultCapacityProviderStrategy";

function toInput(form: FormState): CreateClusterInput {
  return {
    clusterName: form.clusterName,
    // In the order ECS lists them, whatever order they were ticked in.
    capacityProviders: CAPACITY_PROVIDERS.filter((provider) => form.capacityProviders.includes(provider)),
    defaultCapacityProviderStrategy: form.strategy,
    containerInsights: form.containerInsights,
  };
}

function ProviderCheckboxes({ selected, onChange, error }: { selected: Provider[]; onChange: (providers: Provider[]) => void; error?: string }) {
  return (
    <fieldset aria-describedby={error ? "capacity-providers-error" : undefined}>
      <legend className="text-sm font-medium">Capacity providers</legend>
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        {CAPACITY_PROVIDERS.map((provider) => (
          <label key={provider} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-brand"
              checked={selected.includes(provider)}
              onChange={(event) => onChange(event.target.checked ? [...selected, provider] : selected.filter((p) => p !== provider))}
            />
            {provider}
          </label>
        ))}
      </div>
      {error && (
        <p id="capacity-providers-error" className="mt-1 text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * "Create cluster" and its form: a name, the Fargate capacity providers, a default strategy and
 * Container Insights. The schema checks it here, field by field, and again in the action; the
 * overview re-reads its clusters when one is created, so the new card appears at once.
 */
export function CreateClusterDialog({ onCreated }: { onCreated: (result: ActionResult<unknown>) => void }) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<FormState>(INITIAL);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { run, pending, result, reset } = useAction(createCluster, [queryKeys.clusters.overview()]);
  const change = (patch: Partial<FormState>) => setForm((current) => ({ ...current, ...patch }));

  function changeStrategy(strategy: StrategyRow[]) {
    // Messages are kept by row number: once a row is added or removed they would point at the wrong one.
    if (strategy.length !== form.strategy.length) setErrors({});
    change({ strategy });
  }

  function openDialog() {
    setForm(INITIAL);
    setErrors({});
    reset();
    setOpen(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = toInput(form);
    const { createClusterInput } = await loadOperationSchemas();
    const parsed = createClusterInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues));
    setErrors({});
    const answer = await run(input);
    if (answer.ok) {
      setOpen(false);
      onCreated(answer);
    } else if (answer.fieldErrors) {
      setErrors(answer.fieldErrors);
    }
  }

  // A refusal at a field is shown there; any other failure beside the buttons.
  const failure = result && !result.ok && !result.fieldErrors ? result : undefined;
  return (
    <>
      <Button variant="primary" onClick={openDialog}>
        Create cluster
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Create cluster" description="An ECS cluster for Fargate tasks and services.">
        <form onSubmit={submit} noValidate className="space-y-5">
          <TextField
            label="Cluster name"
            hint="Letters, digits, hyphens and underscores, up to 255."
            value={form.clusterName}
            onChange={(event) => change({ clusterName: event.target.value })}
            error={errors.clusterName}
            autoComplete="off"
            spellCheck={false}
          />
          <ProviderCheckboxes selected={form.capacityProviders} onChange={(capacityProviders) => change({ capacityProviders })} error={errors.capacityProviders} />
          <CapacityStrategyFields rows={form.strategy} onChange={changeStrategy} errors={errors} path={STRATEGY_PATH} />
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-brand"
              checked={form.containerInsights}
              onChange={(event) => change({ containerInsights: event.target.checked })}
            />
            <span>
              <span className="font-medium">Container Insights</span>
              <span className="block text-xs text-ink-muted">CloudWatch metrics and logs for the cluster&rsquo;s tasks and services, billed by AWS.</span>
            </span>
          </label>
          <ActionResultNotice result={failure} failureTitle="The cluster was not created" />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="primary" busy={pending}>
              Create cluster
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
