import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

const CONTROL =
  "w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-inner aria-invalid:border-danger aria-invalid:ring-1 aria-invalid:ring-danger";

interface FieldProps {
  label: string;
  hint?: ReactNode;
  /** The server's or the form's message for this field; marks the control invalid. */
  error?: string;
}

function FieldFrame({ id, label, hint, error, hintId, errorId, children }: FieldProps & { id: string; hintId: string; errorId: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={hintId} className="text-xs text-ink-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(hint: ReactNode, error: string | undefined, hintId: string, errorId: string): string | undefined {
  return [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
}

/** A labelled input with its hint and error tied to it, so a screen reader reads all three. */
export function TextField({ label, hint, error, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hintId={hintId} errorId={errorId}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(hint, error, hintId, errorId)} className={CONTROL} {...input} />
    </FieldFrame>
  );
}

export function SelectField({ label, hint, error, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hintId={hintId} errorId={errorId}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(hint, error, hintId, errorId)} className={CONTROL} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}
