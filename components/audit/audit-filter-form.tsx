"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { AUDIT_FILTER_FIELDS, auditFilterQuery, hasFilter, type AuditFilterErrors, type AuditFilterFields } from "@/lib/audit/filter-params";
import type { AuditActor, AuditChoices } from "@/lib/audit/types";
import { pagePaths } from "@/lib/query-keys";

function actorLabel(actor: AuditActor): string {
  return actor.email && actor.email !== actor.name ? `${actor.name} (${actor.email})` : actor.name;
}

/** What a select offers, with the value in the URL kept even when the log has none of it (yet). */
function withCurrent<T extends { value: string }>(options: T[], current: string, make: (value: string) => T): T[] {
  return current && !options.some((option) => option.value === current) ? [make(current), ...options] : options;
}

/**
 * The audit log's filter. It is a plain GET form on /audit, so it works before the page's
 * JavaScript does; after, submitting navigates to the same URL without the empty fields.
 */
export function AuditFilterForm({ fields, errors, choices }: { fields: AuditFilterFields; errors: AuditFilterErrors; choices: AuditChoices | undefined }) {
  const router = useRouter();
  const actors = withCurrent(
    (choices?.actors ?? []).map((actor) => ({ value: actor.id, label: actorLabel(actor) })),
    fields.user,
    (value) => ({ value, label: value }),
  );
  const actions = withCurrent((choices?.actions ?? []).map((action) => ({ value: action })), fields.action, (value) => ({ value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const chosen = Object.fromEntries(AUDIT_FILTER_FIELDS.map((name) => [name, String(data.get(name) ?? "").trim()]));
    router.push(pagePaths.audit(auditFilterQuery(chosen)));
  }

  return (
    <form
      method="get"
      action={pagePaths.audit()}
      onSubmit={submit}
      aria-label="Filter the audit log"
      // Fresh defaults when the URL changes (a shared link, Clear, Back).
      key={auditFilterQuery(fields)}
      className="grid grid-cols-2 gap-x-3 gap-y-4 rounded-lg border border-line bg-surface p-4 shadow-sm sm:gap-x-4 lg:grid-cols-[repeat(3,minmax(0,1fr))_repeat(2,minmax(14rem,1.3fr))_auto] lg:items-end"
    >
      <SelectField label="User" name="user" defaultValue={fields.user}>
        <option value="">Anyone</option>
        {actors.map((actor) => (
          <option key={actor.value} value={actor.value}>
            {actor.label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Action" name="action" defaultValue={fields.action}>
        <option value="">Any action</option>
        {actions.map((action) => (
          <option key={action.value} value={action.value}>
            {action.value}
          </option>
        ))}
      </SelectField>
      {/* On a phone two to a row where they fit; a date and time input does not. */}
      <div className="col-span-2 lg:col-span-1">
        <TextField label="Resource" name="resource" defaultValue={fields.resource} placeholder="demo/web" autoComplete="off" spellCheck={false} />
      </div>
      <div className="col-span-2 sm:col-span-1">
        <TextField label="From (UTC)" name="from" type="datetime-local" defaultValue={fields.from} error={errors.from} />
      </div>
      <div className="col-span-2 sm:col-span-1">
        <TextField label="To (UTC)" name="to" type="datetime-local" defaultValue={fields.to} error={errors.to} />
      </div>
      <div className="col-span-2 flex items-center gap-3 lg:col-span-1">
        <Button type="submit" variant="primary">
          Apply
        </Button>
        {hasFilter(fields) && (
          <Link href={pagePaths.audit()} className="text-sm text-link underline-offset-2 hover:underline">
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
