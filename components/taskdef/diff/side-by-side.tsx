"use client";

import { useState } from "react";
import type { DiffLine, DiffRow, LineRow } from "@/lib/taskdef/diff";

type Tint = "removed" | "added" | "empty" | "same" | "hidden";

const TINTS: Record<Tint, string> = {
  removed: "bg-danger-soft",
  added: "bg-ok-soft",
  empty: "bg-surface-sunken",
  same: "",
  hidden: "bg-warn-soft",
};

const MARKS: Record<Tint, { sign: string; word: string }> = {
  removed: { sign: "−", word: "Removed: " },
  added: { sign: "+", word: "Added: " },
  empty: { sign: "", word: "" },
  same: { sign: "", word: "" },
  // A masked value may differ behind the same mask: neither a change nor the same.
  hidden: { sign: "?", word: "Hidden, not compared: " },
};

const NUMBER = "w-px select-none px-2 text-right align-top font-mono text-xs text-ink-muted tabular-nums";
const CODE = "whitespace-pre px-2 align-top font-mono text-xs";

/** A folded run still folded, with its place in the diff's rows, which opening it needs. */
type Shown = LineRow | { kind: "folded"; count: number; index: number };

function rowKey(row: Shown): string {
  return row.kind === "folded" ? `fold-${row.index}` : `${row.left?.number ?? ""}-${row.right?.number ?? ""}`;
}

/**
 * The two registrations line by line: side by side on wide screens, one column (removed
 * lines, then added ones) on phones. Tints repeat what the −/+/? marks and the screen reader's
 * words say. Folded unchanged runs open in place.
 */
export function SideBySide({ rows, left, right }: { rows: DiffRow[]; left: string; right: string }) {
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const open = (index: number) => setOpened((before) => new Set(before).add(index));
  const shown = rows.flatMap((row, index): Shown[] =>
    row.kind !== "folded" ? [row] : opened.has(index) ? row.rows : [{ kind: "folded" as const, count: row.count, index }],
  );

  return (
    <section aria-labelledby="json-title" className="space-y-3">
      <h2 id="json-title" className="text-lg font-semibold">
        Registration JSON
      </h2>
      <div className="hidden overflow-x-auto rounded-lg border border-line bg-surface shadow-sm md:block">
        <table className="min-w-full border-collapse">
          <caption className="sr-only">
            {left} and {right} side by side
          </caption>
          <thead className="border-b border-line bg-surface-sunken text-left text-xs text-ink-muted">
            <tr>
              <th scope="col" colSpan={2} className="px-2 py-1.5 font-medium">
                {left}
              </th>
              <th scope="col" colSpan={2} className="border-l border-line px-2 py-1.5 font-medium">
                {right}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) =>
              row.kind === "folded" ? <Fold key={rowKey(row)} count={row.count} columns={4} onOpen={() => open(row.index)} /> : <SplitRow key={rowKey(row)} row={row} />,
            )}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-sm md:hidden">
        <table className="min-w-full border-collapse">
          <caption className="sr-only">
            From {left} to {right}, in one column
          </caption>
          <thead className="border-b border-line bg-surface-sunken text-left text-xs text-ink-muted">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-medium">
                <abbr title={`${left} line`} className="no-underline">Old</abbr>
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                <abbr title={`${right} line`} className="no-underline">New</abbr>
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                {left} → {right}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.flatMap((row) =>
              row.kind === "folded" ? [<Fold key={rowKey(row)} count={row.count} columns={3} onOpen={() => open(row.index)} />] : unifiedRows(row, rowKey(row)),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SplitRow({ row }: { row: LineRow }) {
  const alike = row.kind === "same" || row.kind === "hidden";
  const leftTint: Tint = alike ? row.kind : row.left ? "removed" : "empty";
  const rightTint: Tint = alike ? row.kind : row.right ? "added" : "empty";
  return (
    <tr>
      <Half line={row.left} tint={leftTint} />
      <Half line={row.right} tint={rightTint} divided />
    </tr>
  );
}

function Half({ line, tint, divided = false }: { line: DiffLine | undefined; tint: Tint; divided?: boolean }) {
  return (
    <>
      <td className={`${NUMBER} ${TINTS[tint]} ${divided ? "border-l border-line" : ""}`}>{line?.number}</td>
      <td className={`${CODE} ${TINTS[tint]}`}>{line && <Code line={line} tint={tint} />}</td>
    </>
  );
}

function Code({ line, tint }: { line: DiffLine; tint: Tint }) {
  const { sign, word } = MARKS[tint];
  return (
    <>
      <span aria-hidden="true" className="inline-block w-3 select-none text-ink-muted">
        {sign}
      </span>
      {word && <span className="sr-only">{word}</span>}
      {line.text}
    </>
  );
}

/** A changed line becomes two: the old one, then the new one. */
function unifiedRows(row: LineRow, key: string) {
  if (row.kind === "same" || row.kind === "hidden") return [<UnifiedRow key={key} left={row.left} right={row.right} tint={row.kind} line={row.right} />];
  return [
    row.left && <UnifiedRow key={`${key}-old`} left={row.left} tint="removed" line={row.left} />,
    row.right && <UnifiedRow key={`${key}-new`} right={row.right} tint="added" line={row.right} />,
  ].filter(Boolean);
}

function UnifiedRow({ left, right, line, tint }: { left?: DiffLine; right?: DiffLine; line: DiffLine; tint: Tint }) {
  return (
    <tr className={TINTS[tint]}>
      <td className={NUMBER}>{left?.number}</td>
      <td className={NUMBER}>{right?.number}</td>
      <td className={CODE}>
        <Code line={line} tint={tint} />
      </td>
    </tr>
  );
}

function Fold({ count, columns, onOpen }: { count: number; columns: number; onOpen: () => void }) {
  return (
    <tr className="border-y border-line bg-info-soft/60">
      <td colSpan={columns} className="px-2 py-1">
        <button type="button" onClick={onOpen} className="text-xs font-medium text-link underline-offset-2 hover:underline">
          Show {count} unchanged lines
        </button>
      </td>
    </tr>
  );
}
