"use client";

import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { alarmStateWords, type AlarmChoice, type AlarmsFormValue } from "@/lib/view-models/alarms";
import type { Part } from "@/lib/view-models/common";

const STATE_TONES = { ALARM: "danger", OK: "ok", INSUFFICIENT_DATA: "neutral" } as const;
/** Past this many, a filter by name saves scrolling. */
const FILTER_FROM = 8;

/**
 * CloudWatch alarms the deployment watches (ECS's deployment alarms), beside the circuit
 * breaker: picked from the account's alarms with their state and condition; an alarm named
 * that the list does not have is kept, and said to be missing.
 */
export function AlarmsFields({ value, choices, error, onChange }: { value: AlarmsFormValue; choices: Part<AlarmChoice[]>; error?: string; onChange: (change: Partial<AlarmsFormValue>) => void }) {
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const errorId = useId();
  const listed = choices.ok ? choices.value : [];
  const missing = value.alarmNames.filter((name) => !listed.some((alarm) => alarm.name === name));
  const shown = listed.filter((alarm) => alarm.name.toLowerCase().includes(filter.trim().toLowerCase()) || value.alarmNames.includes(alarm.name));
  const toggle = (name: string, on: boolean) => onChange({ alarmNames: on ? [...value.alarmNames, name] : value.alarmNames.filter((picked) => picked !== name) });
  return (
    <fieldset className="space-y-3 rounded-lg border border-line p-3" aria-describedby={error ? errorId : undefined}>
      <legend className="px-1 text-sm font-medium">Deployment alarms</legend>
      <p className="text-sm text-ink-muted">ECS fails the deployment when one of these CloudWatch alarms goes into ALARM while it runs.</p>
      {!choices.ok ? (
        <Notice tone="warn" title="The alarms could not be read">
          <FailureDetails failure={choices.error} />
          <p>The deployment watches what the service watches now{value.alarmNames.length ? `: ${value.alarmNames.join(", ")}` : " (no alarms)"}.</p>
        </Notice>
      ) : listed.length === 0 ? (
        <p className="text-sm">There are no CloudWatch alarms in this account and region yet; create one to have deployments watch it.</p>
      ) : (
        <>
          {listed.length > FILTER_FROM && (
            <div className="space-y-1">
              <label htmlFor={filterId} className="block text-sm font-medium">
                Find an alarm
              </label>
              <input id={filterId} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm" />
            </div>
          )}
          <ul className="max-h-64 space-y-1 overflow-y-auto">
            {shown.map((alarm) => (
              <li key={alarm.name}>
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-0.5 size-4" checked={value.alarmNames.includes(alarm.name)} onChange={(event) => toggle(alarm.name, event.target.checked)} />
                  <span className="min-w-0 [overflow-wrap:anywhere]">
                    <span className="font-medium">{alarm.name}</span> <Badge tone={STATE_TONES[alarm.state ?? "INSUFFICIENT_DATA"]}>{alarmStateWords(alarm.state)}</Badge>
                    {alarm.condition && <span className="block text-xs text-ink-muted">{alarm.condition}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      {choices.ok &&
        missing.map((name) => (
          <label key={name} className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" checked onChange={() => toggle(name, false)} />
            {name} <span className="text-warn">(CloudWatch has no alarm of this name)</span>
          </label>
        ))}
      <label className={`flex items-center gap-2 text-sm ${value.alarmNames.length === 0 ? "text-ink-muted" : ""}`}>
        <input type="checkbox" className="size-4" checked={value.alarmRollback} disabled={value.alarmNames.length === 0} onChange={(event) => onChange({ alarmRollback: event.target.checked })} />
        Roll back when one goes into ALARM
      </label>
      {error && (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
