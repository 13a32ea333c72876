import type { ReactNode } from "react";

/** One step of the create-service form: a titled fieldset card, so each group is announced with its legend. */
export function FormSection({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-4 rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5">
      <legend className="float-left mb-1 w-full text-lg font-semibold">{title}</legend>
      {description && <div className="clear-both text-sm text-ink-muted">{description}</div>}
      <div className="clear-both space-y-4">{children}</div>
    </fieldset>
  );
}

export type FieldErrors = Readonly<Record<string, string>>;

/** The first message at `path` or inside it: "network.subnets" finds "network.subnets.1" too. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const inside = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return inside ? errors[inside] : undefined;
}
