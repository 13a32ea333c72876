"use client";

import { Button } from "@/components/ui/button";
import { valueAt } from "@/lib/taskdef/draft";
import { useDraftEditing } from "./draft-context";
import { fieldId } from "./field-paths";
import { DraftLinesField, DraftNumberField, DraftTextField } from "./fields";

/** A container's health check: absent until added, as ECS then relies on the load balancer's or none. */
export function HealthCheckFields({ path }: { path: string }) {
  const { draft, setValue } = useDraftEditing();
  const present = valueAt(draft, path) !== undefined;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">Health check</legend>
      {present ? (
        <>
          <DraftLinesField path={`${path}.command`} label="Health check command" hint="First line CMD-SHELL (or CMD), then the command: CMD-SHELL, curl -f http://localhost:8080/health || exit 1" />
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <DraftNumberField path={`${path}.interval`} label="Interval (s)" />
            <DraftNumberField path={`${path}.timeout`} label="Timeout (s)" />
            <DraftNumberField path={`${path}.retries`} label="Retries" />
            <DraftNumberField path={`${path}.startPeriod`} label="Start period (s)" />
          </div>
          <Button onClick={() => setValue(path, undefined)}>Remove health check</Button>
        </>
      ) : (
        <Button onClick={() => setValue(path, { command: ["CMD-SHELL", ""], interval: 30, timeout: 5, retries: 3 })}>Add health check</Button>
      )}
    </fieldset>
  );
}

/** Where a container's output goes: a log driver and its options, as name/value rows. */
export function LogConfigurationFields({ path }: { path: string }) {
  const { draft, setValue } = useDraftEditing();
  const present = valueAt(draft, path) !== undefined;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">Log configuration</legend>
      {present ? (
        <>
          <DraftTextField path={`${path}.logDriver`} label="Log driver" hint="awslogs, awsfirelens, fluentd, gelf, journald, json-file, splunk or syslog." mono />
          <LogOptions path={`${path}.options`} />
          <Button onClick={() => setValue(path, undefined)}>Remove log configuration</Button>
        </>
      ) : (
        <Button onClick={() => setValue(path, { logDriver: "awslogs", options: {} })}>Add log configuration</Button>
      )}
    </fieldset>
  );
}

/** Options are a JSON object; the rows rename and reorder nothing but the row edited. */
function LogOptions({ path }: { path: string }) {
  const { draft, errors, setValue } = useDraftEditing();
  const options = valueAt(draft, path);
  const entries = typeof options === "object" && options !== null && !Array.isArray(options) ? Object.entries(options as Record<string, unknown>) : [];
  const write = (next: [string, unknown][]) => setValue(path, Object.fromEntries(next));
  const error = errors[path];
  return (
    <div id={fieldId(path)} tabIndex={-1} className="space-y-2" aria-describedby={error ? `${fieldId(path)}-error` : undefined}>
      <p className="text-sm font-medium">Log options</p>
      {entries.map(([key, value], index) => (
        <div key={index} className="flex flex-wrap items-end gap-2">
          <label className="min-w-0 flex-1 space-y-1 text-sm">
            <span className="block font-medium">Option {index + 1} name</span>
            <input
              className="w-full rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm"
              value={key}
              onChange={(event) => write(entries.map((entry, at) => (at === index ? [event.target.value, entry[1]] : entry)))}
            />
          </label>
          <label className="min-w-0 flex-1 space-y-1 text-sm">
            <span className="block font-medium">Option {index + 1} value</span>
            <input
              className="w-full rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm"
              value={typeof value === "string" ? value : JSON.stringify(value)}
              onChange={(event) => write(entries.map((entry, at) => (at === index ? [entry[0], event.target.value] : entry)))}
            />
          </label>
          <Button onClick={() => write(entries.filter((_, at) => at !== index))} aria-label={`Remove log option ${index + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <Button onClick={() => write([...entries, [nextOptionName(entries), ""]])} >Add log option</Button>
      {error && (
        <p id={`${fieldId(path)}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** A new row needs a name no other row has, as an object cannot hold two of one key. */
function nextOptionName(entries: [string, unknown][]): string {
  const names = new Set(entries.map(([key]) => key));
  let number = 1;
  while (names.has(`option-${number}`)) number += 1;
  return `option-${number}`;
}
