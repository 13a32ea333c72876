"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, type RefObject } from "react";
import type { Column } from "./columns";

/** Rows have a fixed height (one line, or two short ones), so the virtualizer knows where each is without measuring it. */
export const ROW_HEIGHT = 44;
/** Below this many rows all of them render: a small table gains nothing from virtualizing. */
export const VIRTUALIZE_FROM = 50;
/** The scroll box's height until the browser measures it; the server renders this many rows' worth. */
const BOX_HEIGHT = 576;
/** Rows rendered beyond each edge of the box, so a fast scroll does not show blank space. */
const OVERSCAN = 10;

export function isVirtualized(rowCount: number): boolean {
  return rowCount >= VIRTUALIZE_FROM;
}

const ALIGN = { start: "text-left", end: "text-right tabular-nums" } as const;

/** The first column stays put while the rest scroll sideways, so a phone still shows which row is which. */
export const STICKY_FIRST = "sticky left-0 shadow-[inset_-1px_0_0_var(--line)]";

function DataRowOf<Row>({ row, columns, rowIndex, height }: { row: Row; columns: readonly Column<Row>[]; rowIndex?: number; height: number }) {
  return (
    <tr aria-rowindex={rowIndex} style={{ height }} className="group border-b border-line last:border-b-0">
      {columns.map((column, index) => (
        <td
          key={column.id}
          className={`truncate bg-surface px-2.5 align-middle group-hover:bg-surface-sunken ${ALIGN[column.align ?? "start"]} ${index === 0 ? STICKY_FIRST : ""}`}
        >
          {column.cell(row)}
        </td>
      ))}
    </tr>
  );
}

/** A row that stays in view while the table scrolls is not rendered again. */
const DataRow = memo(DataRowOf) as typeof DataRowOf;

/** Stands in for the rows above or below the box, so the scroll bar is as long as all the rows. */
function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={span} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/**
 * The table's body. Past VIRTUALIZE_FROM rows only those in and near the scroll box are in the
 * DOM, each with its aria-rowindex (the header row is 1), so assistive technology still knows
 * where it is among all of them.
 */
export function TableRows<Row>({
  rows,
  columns,
  rowKey,
  scrollRef,
  rowHeight = ROW_HEIGHT,
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  scrollRef: RefObject<HTMLDivElement | null>;
  rowHeight?: number;
}) {
  const virtual = isVirtualized(rows.length);
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: BOX_HEIGHT },
    // Scrolling re-renders in the next frame rather than synchronously inside React's own work.
    useFlushSync: false,
  });

  if (!virtual) {
    return (
      <tbody>
        {rows.map((row) => (
          <DataRow key={rowKey(row)} row={row} columns={columns} height={rowHeight} />
        ))}
      </tbody>
    );
  }
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <tbody>
      {before > 0 && <Spacer height={before} span={columns.length} />}
      {items.map((item) => {
        const row = rows[item.index];
        return <DataRow key={rowKey(row)} row={row} columns={columns} rowIndex={item.index + 2} height={rowHeight} />;
      })}
      {after > 0 && <Spacer height={after} span={columns.length} />}
    </tbody>
  );
}
