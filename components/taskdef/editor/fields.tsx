"use client";

import type { ReactNode } from "react";
import { valueAt } from "@/lib/taskdef/draft";
import { useDraftEditing } from "./draft-context";
import { fieldId } from "./field-paths";

const CONTROL =
  "w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-inner aria-invalid:border-danger aria-invalid:ring-1 aria-invalid:ring-danger";

interface PathFieldProps {
  /** The validation path of the value, which is also where the field's id comes from. */
  path: string;
  label: string;
  hint?: ReactNode;
  /** Shown below the control, not as an error: image advice. */
  warning?: ReactNode;
  className?: string;
}

function describedBy(id: string, hint: boolean, error: boolean, warning: boolean): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`, warning && `${id}-warning`].filter(Boolean).join(" ") || undefined;
}

/** Label, control, hint, warning and error of one value, tied together for screen readers. */
function Frame({ id, label, hint, warning, error, className = "", children }: { id: string; label: string; hint?: ReactNode; warning?: ReactNode; error?: string; className?: string; children: ReactNode }) {
  return (
    <div className={`min-w-0 space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-ink-muted">
          {hint}
        </p>
      )}
      {warning && (
        <div id={`${id}-warning`} className="text-xs text-warn">
          {warning}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

function controlProps(path: string, errors: Record<string, string>, hint: boolean, warning: boolean) {
  const id = fieldId(path);
  const error = errors[path];
  return { id, error, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, Boolean(error), warning) } as const;
}

/** Text as typed; an emptied field leaves the member out of the draft. */
export function DraftTextField({ path, label, hint, warning, className, placeholder, mono = false }: PathFieldProps & { placeholder?: string; mono?: boolean }) {
  const { draft, errors, setValue } = useDraftEditing();
  const value = valueAt(draft, path);
  const { error, ...control } = controlProps(path, errors, Boolean(hint), Boolean(warning));
  return (
    <Frame id={control.id} label={label} hint={hint} warning={warning} error={error} className={className}>
      <input
        {...control}
        type="text"
        className={`${CONTROL} ${mono ? "font-mono" : ""}`}
        placeholder={placeholder}
        value={value === undefined || value === null ? "" : String(value)}
        onChange={(event) => setValue(path, event.target.value === "" ? undefined : event.target.value)}
      />
    </Frame>
  );
}

/** A whole number as ECS wants it; text that is not one stays in the draft as typed, for validation to name. */
export function DraftNumberField({ path, label, hint, className }: PathFieldProps) {
  const { draft, errors, setValue } = useDraftEditing();
  const value = valueAt(draft, path);
  const { error, ...control } = controlProps(path, errors, Boolean(hint), false);
  return (
    <Frame id={control.id} label={label} hint={hint} error={error} className={className}>
      <input
        {...control}
        type="text"
        inputMode="numeric"
        className={CONTROL}
        value={value === undefined || value === null ? "" : String(value)}
        onChange={(event) => {
          const typed = event.target.value.trim();
          setValue(path, typed === "" ? undefined : /^-?\d+$/.test(typed) ? Number(typed) : event.target.value);
        }}
      />
    </Frame>
  );
}

/** A choice from `options`; "" (the first, `emptyLabel`) leaves the member out. A value not offered is kept and shown. */
export function DraftSelectField({ path, label, hint, className, options, emptyLabel, onChosen }: PathFieldProps & { options: readonly { value: string; label: string }[]; emptyLabel?: string; onChosen?: (value: string | undefined) => void }) {
  const { draft, errors, setValue } = useDraftEditing();
  const raw = valueAt(draft, path);
  const value = raw === undefined || raw === null ? "" : String(raw);
  const offered = value === "" || options.some((option) => option.value === value) ? options : [...options, { value, label: value }];
  const { error, ...control } = controlProps(path, errors, Boolean(hint), false);
  return (
    <Frame id={control.id} label={label} hint={hint} error={error} className={className}>
      <select
        {...control}
        className={CONTROL}
        value={value}
        onChange={(event) => {
          const chosen = event.target.value === "" ? undefined : event.target.value;
          if (onChosen) onChosen(chosen);
          else setValue(path, chosen);
        }}
      >
        {(emptyLabel !== undefined || value === "") && <option value="">{emptyLabel ?? "Choose…"}</option>}
        {offered.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A list of strings, one per line (a command's arguments); emptied, the member leaves the draft. */
export function DraftLinesField({ path, label, hint, className }: PathFieldProps) {
  const { draft, errors, setValue } = useDraftEditing();
  const value = valueAt(draft, path);
  const { error, ...control } = controlProps(path, errors, Boolean(hint), false);
  const lines = Array.isArray(value) ? value.map(String).join("\n") : value === undefined ? "" : JSON.stringify(value);
  return (
    <Frame id={control.id} label={label} hint={hint} error={error} className={className}>
      <textarea
        {...control}
        rows={Math.min(Math.max(2, lines.split("\n").length), 6)}
        className={`${CONTROL} font-mono`}
        value={lines}
        onChange={(event) => setValue(path, event.target.value === "" ? undefined : event.target.value.split("\n"))}
      />
    </Frame>
  );
}

/** A yes/no member whose absence means `absentMeans` (ECS: a container is essential unless it says otherwise). */
export function DraftCheckbox({ path, label, absentMeans }: { path: string; label: string; absentMeans: boolean }) {
  const { draft, errors, setValue } = useDraftEditing();
  const value = valueAt(draft, path);
  const { error, ...control } = controlProps(path, errors, false, false);
  return (
    <div className="space-y-1">
      <label htmlFor={control.id} className="flex items-center gap-2 text-sm font-medium">
        <input {...control} type="checkbox" className="size-4 accent-brand" checked={typeof value === "boolean" ? value : absentMeans} onChange={(event) => setValue(path, event.target.checked)} />
        {label}
      </label>
      {error && (
        <p id={`${control.id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
