import type { ReactNode } from "react";
import type { ColumnRules } from "@/lib/tables";

/**
 * A column of a declared table: what its header says, how a cell shows a row, and (from
 * lib/tables) how it sorts and what a search finds in it.
 */
export interface Column<Row> extends ColumnRules<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** In rem. The table lays out fixed, so columns keep their widths as rows scroll in and out. */
  width: number;
  /** Numbers line up on the right. */
  align?: "start" | "end";
}

/** What the rows are called: "3 services", "1 of 9 tasks". */
export interface Noun {
  one: string;
  other: string;
}
