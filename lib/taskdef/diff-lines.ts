/**
 * Two texts aligned line by line for a side-by-side view, the way code review tools show
 * them: the longest common subsequence of lines kept as "same", removed and added lines in
 * between paired up as "changed", and long unchanged runs folded with a few lines of
 * context around each change. A caller may mark a "same" pair as "hidden" (the same masked
 * text, which may hide a difference); folding leaves those in view, as it does changes.
 */

export interface DiffLine {
  /** 1-based, in its own document. */
  number: number;
  text: string;
}

export type LineRow =
  | { kind: "same"; left: DiffLine; right: DiffLine }
  | { kind: "hidden"; left: DiffLine; right: DiffLine }
  | { kind: "changed"; left: DiffLine; right: DiffLine }
  | { kind: "removed"; left: DiffLine; right?: undefined }
  | { kind: "added"; left?: undefined; right: DiffLine };

/** A folded run keeps its rows, so a viewer can unfold it. */
export type DiffRow = LineRow | { kind: "folded"; count: number; rows: LineRow[] };

/** Unchanged lines kept on each side of a change. */
const CONTEXT = 3;
/** Past this many cells the table costs too much memory; the middle then shows as replaced, still correct. */
const MAX_CELLS = 4_000_000;

export function alignLines(left: readonly string[], right: readonly string[]): LineRow[] {
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let end = 0;
  while (end < left.length - start && end < right.length - start && left[left.length - 1 - end] === right[right.length - 1 - end]) end++;

  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push("same");
  ops.push(...middleOps(left.slice(start, left.length - end), right.slice(start, right.length - end)));
  for (let i = 0; i < end; i++) ops.push("same");
  return pairedRows(ops, left, right);
}

type Op = "same" | "removed" | "added";

/** Classic LCS table over the part that differs; ties prefer removals first, as diffs read best. */
function middleOps(left: readonly string[], right: readonly string[]): Op[] {
  const n = left.length;
  const m = right.length;
  if (n * m > MAX_CELLS) return [...Array<Op>(n).fill("removed"), ...Array<Op>(m).fill("added")];
  const width = m + 1;
  // lengths[i * width + j]: LCS of left[i..] and right[j..].
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = left[i] === right[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && left[i] === right[j]) {
      ops.push("same");
      i++;
      j++;
    } else if (j >= m || (i < n && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
      ops.push("removed");
      i++;
    } else {
      ops.push("added");
      j++;
    }
  }
  return ops;
}

/** Within each run of removals and additions, the n-th removed line sits beside the n-th added one. */
function pairedRows(ops: readonly Op[], left: readonly string[], right: readonly string[]): LineRow[] {
  const rows: LineRow[] = [];
  let l = 0;
  let r = 0;
  let at = 0;
  while (at < ops.length) {
    if (ops[at] === "same") {
      rows.push({ kind: "same", left: line(left, l++), right: line(right, r++) });
      at++;
      continue;
    }
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    for (; at < ops.length && ops[at] !== "same"; at++) {
      if (ops[at] === "removed") removed.push(line(left, l++));
      else added.push(line(right, r++));
    }
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const [before, after] = [removed[k], added[k]];
      if (before && after) rows.push({ kind: "changed", left: before, right: after });
      else if (before) rows.push({ kind: "removed", left: before });
      else rows.push({ kind: "added", right: after! });
    }
  }
  return rows;
}

function line(lines: readonly string[], index: number): DiffLine {
  return { number: index + 1, text: lines[index]! };
}

/** Unchanged runs cut down to CONTEXT lines beside each change; what is cut becomes one folded row. */
export function foldUnchanged(rows: readonly LineRow[], context = CONTEXT): DiffRow[] {
  const folded: DiffRow[] = [];
  let at = 0;
  while (at < rows.length) {
    if (rows[at]!.kind !== "same") {
      folded.push(rows[at++]!);
      continue;
    }
    let end = at;
    while (end < rows.length && rows[end]!.kind === "same") end++;
    const keepBefore = at === 0 ? 0 : context;
    const keepAfter = end === rows.length ? 0 : context;
    const hidden = end - at - keepBefore - keepAfter;
    // Folding a line or two saves nothing and costs a click.
    if (hidden < 3) {
      folded.push(...rows.slice(at, end));
    } else {
      folded.push(...rows.slice(at, at + keepBefore));
      folded.push({ kind: "folded", count: hidden, rows: rows.slice(at + keepBefore, end - keepAfter) });
      folded.push(...rows.slice(end - keepAfter, end));
    }
    at = end;
  }
  return folded;
}
