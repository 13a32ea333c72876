"use client";

import { useId, useRef, type ReactNode } from "react";
import { rowCountText, type SortState } from "@/lib/tables";
import type { Column, Noun } from "./columns";
import { isVirtualized, STICKY_FIRST, TableRows } from "./table-rows";
import { useTableState } from "./use-table-state";

interface ResourceTableProps<Row> {
  /** Names the table for assistive technology; the section's heading shows it. */
  caption: string;
  rows: readonly Row[];
  /** Keep their identity between renders (a module constant or useMemo). */
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  noun: Noun;
  initialSort?: SortState;
  /** Rows the toolbar's own filters keep; keep its identity between renders too. */
  filter?: (row: Row) => boolean;
  /** More controls beside the search box: the table's filters. */
  filters?: ReactNode;
  /** What to say when there are no rows at all. */
  empty: ReactNode;
  /** What to say when the search (given) and the filters leave no row. */
  noMatch?: (query: string) => ReactNode;
  /** In px; every row has it. Taller for columns of two lines. */
  rowHeight?: number;
}

function SortIcon({ direction }: { direction?: "ascending" | "descending" }) {
  return (
    <span aria-hidden="true" className={`text-xs ${direction ? "text-ink" : "text-ink-muted/60"}`}>
      {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
    </span>
  );
}

function HeaderCell<Row>({ column, sort, onSort, first }: { column: Column<Row>; sort: SortState | undefined; onSort: () => void; first: boolean }) {
  const direction = sort?.column === column.id ? sort.direction : undefined;
  const justify = column.align === "end" ? "justify-end text-right" : "justify-start text-left";
  return (
    <th
      scope="col"
      aria-sort={direction}
      className={`sticky top-0 bg-surface-sunken p-0 text-xs font-semibold whitespace-nowrap text-ink-muted shadow-[inset_0_-1px_0_var(--line)] ${first ? `${STICKY_FIRST} z-20` : "z-10"}`}
    >
      {column.sortValue ? (
        <button type="button" onClick={onSort} className={`flex w-full items-center gap-1 px-2.5 py-2.5 hover:text-ink ${justify}`}>
          {column.header}
          <SortIcon direction={direction} />
        </button>
      ) : (
        <span className={`flex px-2.5 py-2.5 ${justify}`}>{column.header}</span>
      )}
    </th>
  );
}

function SearchBox({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="w-full space-y-1 sm:w-64">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-inner"
      />
    </div>
  );
}

function MessageRow({ span, children }: { span: number; children: ReactNode }) {
  return (
    <tbody>
      <tr>
        <td colSpan={span} className="p-0">
          {/* Held at the box's left edge, so a phone shows it without scrolling the wide table sideways. */}
          <div className="sticky left-0 max-w-[calc(100vw-3rem)] px-4 py-8 text-sm whitespace-normal text-ink-muted">{children}</div>
        </td>
      </tr>
    </tbody>
  );
}

/**
 * A table declared by its columns: sortable by each header, searchable, filterable by the
 * controls passed in, and virtualized past a few dozen rows so 10,000 scroll smoothly. It
 * scrolls inside its own box, both ways, so a phone scrolls the table and not the page.
 */
export function ResourceTable<Row>({ caption, rows, columns, rowKey, noun, initialSort, filter, filters, empty, noMatch, rowHeight }: ResourceTableProps<Row>) {
  const { shown, sort, toggleSort, query, setQuery } = useTableState(rows, columns, { initialSort, filter });
  const scrollRef = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const toTop = () => scrollRef.current?.scrollTo({ top: 0 });
  const width = columns.reduce((sum, column) => sum + column.width, 0);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
        <SearchBox
          label={`Search ${noun.other}`}
          value={query}
          onChange={(value) => {
            setQuery(value);
            toTop();
          }}
        />
        {filters}
        <p role="status" className="pb-2 text-sm text-ink-muted sm:ml-auto">
          {rowCountText(shown.length, rows.length, noun)}
        </p>
      </div>
      <div
        ref={scrollRef}
        role="region"
        aria-labelledby={captionId}
        // Focusable, so the arrow keys scroll it; relative, so visually hidden text in a cell stays inside it, not widening the page.
        tabIndex={0}
        className="relative max-h-[36rem] overflow-auto overscroll-contain rounded-md border border-line bg-surface"
      >
        <table
          aria-rowcount={isVirtualized(shown.length) ? shown.length + 1 : undefined}
          className="w-full table-fixed border-collapse text-sm"
          style={{ minWidth: `${width}rem` }}
        >
          <caption id={captionId} className="sr-only">
            {caption}
          </caption>
          <colgroup>
            {columns.map((column) => (
              <col key={column.id} style={{ width: `${column.width}rem` }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={isVirtualized(shown.length) ? 1 : undefined}>
              {columns.map((column, index) => (
                <HeaderCell
                  key={column.id}
                  first={index === 0}
                  column={column}
                  sort={sort}
                  onSort={() => {
                    toggleSort(column);
                    toTop();
                  }}
                />
              ))}
            </tr>
          </thead>
          {rows.length === 0 ? (
            <MessageRow span={columns.length}>{empty}</MessageRow>
          ) : shown.length === 0 ? (
            <MessageRow span={columns.length}>
              <span className="block">{noMatch ? noMatch(query.trim()) : `No ${noun.other} match “${query.trim()}”.`}</span>
              {query && (
                <button type="button" onClick={() => setQuery("")} className="mt-2 font-medium text-link underline underline-offset-2 hover:no-underline">
                  Clear the search
                </button>
              )}
            </MessageRow>
          ) : (
            <TableRows rows={shown} columns={columns} rowKey={rowKey} scrollRef={scrollRef} rowHeight={rowHeight} />
          )}
        </table>
      </div>
    </div>
  );
}
