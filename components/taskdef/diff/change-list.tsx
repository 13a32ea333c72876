import { Badge, type Tone } from "@/components/ui/badge";
import type { Change, ChangeKind, HiddenValue } from "@/lib/taskdef/diff";
import { formatCount } from "@/lib/format";

const KINDS: Record<ChangeKind, { word: string; tone: Tone }> = {
  added: { word: "Added", tone: "ok" },
  removed: { word: "Removed", tone: "danger" },
  changed: { word: "Changed", tone: "info" },
};

/** Long values (a whole container) are cut here; the side-by-side view below has all of it. */
const MAX_VALUE_LENGTH = 160;

/** A value as one line: text as it is, anything else as compact JSON. */
export function formatValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * What a person reads first: each change by what it is, with its value before and after; then
 * the values hidden on both sides, which are not compared, so "no differences" is never said
 * of them.
 */
export function ChangeList({ changes, hidden = [] }: { changes: Change[]; hidden?: HiddenValue[] }) {
  return (
    <section aria-labelledby="changes-title" className="space-y-3">
      <h2 id="changes-title" className="text-lg font-semibold">
        {changes.length > 0 ? formatCount(changes.length, "change") : hidden.length > 0 ? "No differences you may see" : "No differences"}
      </h2>
      {changes.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-surface px-4 py-6 text-sm text-ink-muted">
          {hidden.length > 0 ? "Everything you may see is the same in both registrations." : "The two registrations are the same."} Read-only members (revision, status, when
          and by whom each was registered) and change notes are not compared.
        </p>
      ) : (
        <ol aria-labelledby="changes-title" className="divide-y divide-line rounded-lg border border-line bg-surface shadow-sm">
          {changes.map((change) => (
            <ChangeItem key={`${change.path}|${change.label}`} change={change} />
          ))}
        </ol>
      )}
      {hidden.length > 0 && <HiddenValues hidden={hidden} />}
    </section>
  );
}

function HiddenValues({ hidden }: { hidden: HiddenValue[] }) {
  return (
    <div className="space-y-2 text-sm">
      <p id="hidden-values-title" className="text-ink-muted">
        {formatCount(hidden.length, "hidden value")}, not compared: your role may not see them, so whether they changed is not shown either.
      </p>
      <ul aria-labelledby="hidden-values-title" className="flex flex-wrap gap-2">
        {hidden.map((value) => (
          <li key={value.path} className="flex items-center gap-2 rounded border border-line bg-surface px-2 py-1">
            <span className="[overflow-wrap:anywhere]">{value.label}</span>
            <Badge tone="warn">Hidden</Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ChangeItem({ change }: { change: Change }) {
  const { word, tone } = KINDS[change.kind];
  return (
    <li className="space-y-1 px-4 py-3">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium [overflow-wrap:anywhere]">{change.label}</span>
        <Badge tone={tone}>{word}</Badge>
      </p>
      <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1 font-mono text-xs">
        {change.kind !== "added" && (
          <del className="rounded bg-danger-soft px-1 text-danger no-underline [overflow-wrap:anywhere]">
            <span className="sr-only">Before: </span>
            {formatValue(change.before)}
          </del>
        )}
        {change.kind === "changed" && (
          <span aria-hidden="true" className="text-ink-muted">
            →
          </span>
        )}
        {change.kind !== "removed" && (
          <ins className="rounded bg-ok-soft px-1 text-ok no-underline [overflow-wrap:anywhere]">
            <span className="sr-only">After: </span>
            {formatValue(change.after)}
          </ins>
        )}
      </p>
    </li>
  );
}
