"use client";

import { valueAt } from "@/lib/taskdef/draft";
import { FARGATE_SIZES, parseTaskCpu, parseTaskMemory } from "@/lib/taskdef/task-size";
import { useDraftEditing } from "./draft-context";
import { fieldId } from "./field-paths";
import { DraftSelectField, DraftTextField } from "./fields";

const COMPATIBILITIES = ["FARGATE", "EC2", "EXTERNAL", "MANAGED_INSTANCES"] as const;
const NETWORK_MODES = ["awsvpc", "bridge", "host", "none"].map((mode) => ({ value: mode, label: mode }));

const vcpu = (units: number) => `${units / 1024} vCPU (${units})`;
const gb = (mib: number) => `${mib / 1024} GB (${mib})`;

/** What the task as a whole runs as: its family, size, network mode, launch types and roles. */
export function TaskFields() {
  const { draft } = useDraftEditing();
  const compatibilities = valueAt(draft, "requiresCompatibilities");
  const fargate = Array.isArray(compatibilities) && compatibilities.includes("FARGATE");
  return (
    <section aria-labelledby="task-heading" className="space-y-4">
      <h2 id="task-heading" className="text-lg font-semibold">
        Task
      </h2>
      <DraftTextField path="family" label="Family" hint="Letters, digits, _ and -. Each registration adds a revision to it." mono />
      <CompatibilityChoice />
      <div className="grid gap-4 sm:grid-cols-2">{fargate ? <FargateSize /> : <FreeSize />}</div>
      <DraftSelectField path="networkMode" label="Network mode" options={NETWORK_MODES} emptyLabel="Default (bridge on EC2)" hint={fargate ? "Fargate requires awsvpc." : undefined} />
      <DraftTextField path="taskRoleArn" label="Task role ARN" hint="The role the containers' code uses to call AWS." placeholder="arn:aws:iam::123456789012:role/name" mono />
      <DraftTextField path="executionRoleArn" label="Execution role ARN" hint="The role ECS uses to pull images, read secrets and send logs." placeholder="arn:aws:iam::123456789012:role/name" mono />
    </section>
  );
}

function CompatibilityChoice() {
  const { draft, errors, setValue } = useDraftEditing();
  const chosen = valueAt(draft, "requiresCompatibilities");
  const list: unknown[] = Array.isArray(chosen) ? chosen : [];
  const error = errors.requiresCompatibilities;
  const toggle = (compatibility: string, on: boolean) => {
    const next = on ? [...list, compatibility] : list.filter((item) => item !== compatibility);
    setValue("requiresCompatibilities", next.length > 0 ? next : undefined);
  };
  return (
    <fieldset id={fieldId("requiresCompatibilities")} tabIndex={-1} aria-invalid={error ? true : undefined} aria-describedby={error ? "requiresCompatibilities-error" : undefined} className="space-y-1">
      <legend className="text-sm font-medium">Requires compatibilities</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {COMPATIBILITIES.map((compatibility) => (
          <label key={compatibility} className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-brand" checked={list.includes(compatibility)} onChange={(event) => toggle(compatibility, event.target.checked)} />
            {compatibility}
          </label>
        ))}
      </div>
      {error && (
        <p id="requiresCompatibilities-error" className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Fargate runs only fixed cpu/memory pairs: memory offers what the chosen cpu allows, and follows a cpu change. */
function FargateSize() {
  const { draft, setValue } = useDraftEditing();
  const cpuText = valueAt(draft, "cpu");
  const cpu = typeof cpuText === "string" ? parseTaskCpu(cpuText) : undefined;
  const allowed = (cpu !== undefined && FARGATE_SIZES.get(cpu)) || [];
  const chooseCpu = (value: string | undefined) => {
    setValue("cpu", value);
    const memoryText = valueAt(draft, "memory");
    const memory = typeof memoryText === "string" ? parseTaskMemory(memoryText) : undefined;
    const options = value ? FARGATE_SIZES.get(Number(value)) : undefined;
    if (options && (memory === undefined || !options.includes(memory))) setValue("memory", String(options[0]));
  };
  return (
    <>
      <DraftSelectField path="cpu" label="Task CPU" options={[...FARGATE_SIZES.keys()].map((units) => ({ value: String(units), label: vcpu(units) }))} onChosen={chooseCpu} />
      <DraftSelectField path="memory" label="Task memory" options={allowed.map((mib) => ({ value: String(mib), label: gb(mib) }))} hint={allowed.length === 0 ? "Choose the CPU first." : undefined} />
    </>
  );
}

function FreeSize() {
  return (
    <>
      <DraftTextField path="cpu" label="Task CPU" hint="CPU units (1024 = 1 vCPU) or vCPUs, such as 1 vCPU. Optional on EC2." />
      <DraftTextField path="memory" label="Task memory" hint="MiB, or GB such as 2 GB. Optional on EC2." />
    </>
  );
}
