"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { filterRows, nextSort, searchTextOf, sortRows, type ColumnRules, type SortState } from "@/lib/tables";

export interface TableState<Row> {
  /** The rows to show: filtered, searched and sorted. */
  shown: readonly Row[];
  sort: SortState | undefined;
  toggleSort: (column: ColumnRules<Row>) => void;
  query: string;
  setQuery: (query: string) => void;
}

/**
 * A declared table's sort and search, over rows that change with every poll. `columns` and
 * `filter` must keep their identity between renders (module constants or memoized): each
 * row's search text is worked out again only when they or the rows change.
 */
export function useTableState<Row>(
  rows: readonly Row[],
  columns: readonly ColumnRules<Row>[],
  options: { initialSort?: SortState; filter?: (row: Row) => boolean },
): TableState<Row> {
  const [sort, setSort] = useState(options.initialSort);
  const [query, setQuery] = useState("");
  // The box keeps up with typing at 10,000 rows; the rows follow when React has a moment.
  const deferredQuery = useDeferredValue(query);
  const texts = useMemo(() => rows.map((row) => searchTextOf(row, columns)), [rows, columns]);
  const matching = useMemo(() => filterRows(rows, texts, deferredQuery, options.filter), [rows, texts, deferredQuery, options.filter]);
  const shown = useMemo(() => sortRows(matching, columns, sort), [matching, columns, sort]);
  return { shown, sort, toggleSort: (column) => setSort((current) => nextSort(current, column)), query, setQuery };
}
