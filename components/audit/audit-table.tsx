import type { ReactNode } from "react";
import type { AuditEntry } from "@/lib/audit/types";
import { formatTimestamp } from "@/lib/timestamp";
import { OutcomeBadge } from "./outcome-badge";

/**
 * The entries, newest first. On a wide screen a table; on a phone each row is a card of
 * labelled lines. Explicit roles keep it a table for screen readers whatever CSS does to it.
 */
const COLUMNS = ["Time", "Who", "Action", "Target", "Outcome", "AWS request ID"] as const;
type Column = (typeof COLUMNS)[number];

/** Longer inputs open on demand, so one large one does not make its row a page tall. */
const INPUT_PREVIEW = 120;

function Cell({ column, children, className = "" }: { column: Column; children: ReactNode; className?: string }) {
  return (
    <td role="cell" className={`px-3 py-2.5 align-top max-sm:grid max-sm:grid-cols-[6.5rem_minmax(0,1fr)] max-sm:gap-2 max-sm:px-0 max-sm:py-1 ${className}`}>
      {/* The column header says it for assistive technology; a phone shows no header row. */}
      <span aria-hidden="true" className="text-xs font-medium text-ink-muted sm:hidden">
        {column}
      </span>
      <div className="min-w-0">{children}</div>
    </td>
  );
}

function Missing() {
  return (
    <span className="text-ink-muted">
      <span aria-hidden="true">—</span>
      <span className="sr-only">none</span>
    </span>
  );
}

/** Identifiers (ARNs, request ids, JSON) break anywhere, filling each line, rather than at every hyphen. */
function Mono({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <span className={`font-mono text-xs break-all ${className}`}>{children}</span>;
}

function InputSummary({ input }: { input: string | undefined }) {
  if (!input) return null;
  const label = <span className="sr-only">Input: </span>;
  if (input.length <= INPUT_PREVIEW) {
    return (
      <Mono className="mt-1 block text-ink-muted">
        {label}
        {input}
      </Mono>
    );
  }
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-ink-muted">
        <Mono>
          {label}
          {input.slice(0, INPUT_PREVIEW)}…
        </Mono>
      </summary>
      <Mono className="mt-1 block text-ink-muted">{input}</Mono>
    </details>
  );
}

function Time({ iso, inline = false }: { iso: string; inline?: boolean }) {
  if (inline) return <time dateTime={iso}>{formatTimestamp(iso)}</time>;
  const [day, time] = formatTimestamp(iso).split(", ");
  return (
    <time dateTime={iso} className="tabular-nums sm:block">
      <span className="whitespace-nowrap">{day}</span>
      <span className="sm:hidden">, </span>
      <span className="whitespace-nowrap text-ink-muted sm:block">{time}</span>
    </time>
  );
}

function Row({ entry }: { entry: AuditEntry }) {
  return (
    <tr role="row" className="max-sm:block max-sm:space-y-0.5 max-sm:px-4 max-sm:py-3">
      <Cell column="Time">
        <Time iso={entry.at} />
      </Cell>
      <Cell column="Who" className="sm:whitespace-nowrap">
        <span className="block font-medium">{entry.actor.name}</span>
        {entry.actor.email && <span className="block text-xs text-ink-muted">{entry.actor.email}</span>}
      </Cell>
      <Cell column="Action" className="sm:min-w-48 lg:min-w-64">
        <Mono className="font-semibold">{entry.action}</Mono>
        <InputSummary input={entry.input} />
      </Cell>
      <Cell column="Target" className="sm:min-w-44">
        {entry.target ? <Mono>{entry.target}</Mono> : <Missing />}
      </Cell>
      <Cell column="Outcome" className="sm:min-w-48">
        <OutcomeBadge outcome={entry.outcome} />
        {entry.repeats && (
          <p className="mt-1 text-xs text-ink-muted">
            {entry.repeats.count} times, the last at <Time iso={entry.repeats.lastAt} inline />
          </p>
        )}
        {entry.detail && <p className="mt-1 [overflow-wrap:anywhere]">{entry.detail}</p>}
        {entry.errorCode && <Mono className="mt-0.5 block text-ink-muted">{entry.errorCode}</Mono>}
      </Cell>
      <Cell column="AWS request ID" className="sm:w-40">
        {entry.awsRequestId ? <Mono>{entry.awsRequestId}</Mono> : <Missing />}
      </Cell>
    </tr>
  );
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    // Relative: the hidden texts inside are positioned against this box, not stretched past the page.
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface shadow-sm">
      <table role="table" className="w-full border-collapse text-left text-sm max-sm:block">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead role="rowgroup" className="bg-surface-sunken text-xs text-ink-muted max-sm:sr-only">
          <tr role="row">
            {COLUMNS.map((label) => (
              <th key={label} role="columnheader" scope="col" className="px-3 py-2.5 font-semibold whitespace-nowrap">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-line max-sm:block">
          {entries.map((entry) => (
            <Row key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
