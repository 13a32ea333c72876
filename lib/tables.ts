/**
 * What a declared table does to its rows before showing them: filter, search, sort. Pure, so a
 * table of 10,000 rows is tested without a browser and the component only renders the result.
 */

/** The values of `aria-sort`, so a header says how its column is sorted in the words ARIA uses. */
export type SortDirection = "ascending" | "descending";

export interface SortState {
  column: string;
  direction: SortDirection;
}

/** Missing values (undefined or "") sort last whichever the direction: a blank is never the "top" of a column. */
export type SortValue = string | number | undefined;

/** The parts of a column spec that decide which rows show and in what order. */
export interface ColumnRules<Row> {
  id: string;
  /** What the column sorts by; a column without one cannot be sorted. */
  sortValue?: (row: Row) => SortValue;
  /** The text a search finds in this column. */
  searchText?: (row: Row) => string | undefined;
  /** The first click's direction: counts and times read best largest or newest first. */
  firstDirection?: SortDirection;
}

/** "svc-2" before "svc-10", "web:9" before "web:10", and case does not matter. */
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function compareSortValues(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

const isMissing = (value: SortValue) => value === undefined || value === "" || (typeof value === "number" && Number.isNaN(value));

/**
 * The rows ordered by `sort`'s column; ties, and a sort by a column that is not there, keep the
 * rows' own order. Each row's value is read once, which matters at 10,000 rows.
 */
export function sortRows<Row>(rows: readonly Row[], columns: readonly ColumnRules<Row>[], sort: SortState | undefined): readonly Row[] {
  const valueOf = sort && columns.find((column) => column.id === sort.column)?.sortValue;
  if (!sort || !valueOf) return rows;
  const sign = sort.direction === "ascending" ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, value: valueOf(row) }));
  keyed.sort((a, b) => {
    const aMissing = isMissing(a.value);
    const bMissing = isMissing(b.value);
    if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
    return sign * compareSortValues(a.value!, b.value!) || a.index - b.index;
  });
  return keyed.map((entry) => entry.row);
}

/** A click on a column's header: the other direction if it is the sorted column, else its first direction. */
export function nextSort<Row>(current: SortState | undefined, column: ColumnRules<Row>): SortState {
  if (current?.column === column.id) return { column: column.id, direction: current.direction === "ascending" ? "descending" : "ascending" };
  return { column: column.id, direction: column.firstDirection ?? "ascending" };
}

/** The words of a search, lower-cased: "web  RUNNING" → ["web", "running"]. */
export function searchWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Everything a search can find in a row, lower-cased, one column's text per line. */
export function searchTextOf<Row>(row: Row, columns: readonly ColumnRules<Row>[]): string {
  return columns
    .map((column) => column.searchText?.(row))
    .filter(Boolean)
    .join("\n")
    .toLowerCase();
}

/** A row matches when each word is somewhere in its text, in any column and any order. */
export function matchesWords(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word));
}

/**
 * The rows a person asked for: those `filter` keeps and whose text (`texts[i]` is row i's, from
 * searchTextOf) holds every word of `query`, in the rows' order.
 */
export function filterRows<Row>(rows: readonly Row[], texts: readonly string[], query: string, filter?: (row: Row) => boolean): readonly Row[] {
  const words = searchWords(query);
  if (words.length === 0 && !filter) return rows;
  return rows.filter((row, index) => (!filter || filter(row)) && matchesWords(texts[index] ?? "", words));
}

/** "3 services", or "1 of 3 services" once a search or a filter hides some. */
export function rowCountText(shown: number, total: number, noun: { one: string; other: string }): string {
  const word = total === 1 ? noun.one : noun.other;
  const all = total.toLocaleString("en-US");
  return shown === total ? `${all} ${word}` : `${shown.toLocaleString("en-US")} of ${all} ${word}`;
}
