import { describe, expect, it } from "vitest";
import { filterRows, matchesWords, nextSort, rowCountText, searchTextOf, searchWords, sortRows, type ColumnRules } from "./tables";

interface Row {
  name: string;
  running?: number;
  revision?: string;
}

const columns: ColumnRules<Row>[] = [
  { id: "name", sortValue: (row) => row.name, searchText: (row) => row.name },
  { id: "running", sortValue: (row) => row.running, firstDirection: "descending" },
  { id: "revision", sortValue: (row) => row.revision, searchText: (row) => row.revision },
  { id: "actions" },
];

const rows: Row[] = [
  { name: "svc-10", running: 2, revision: "web:10" },
  { name: "svc-2", running: undefined, revision: "web:9" },
  { name: "Svc-1", running: 5, revision: undefined },
  { name: "api", running: 2, revision: "api:3" },
];

const names = (list: readonly Row[]) => list.map((row) => row.name);

describe("sortRows", () => {
  it("sorts text as people count: numbers inside names by value, case aside", () => {
    expect(names(sortRows(rows, columns, { column: "name", direction: "ascending" }))).toEqual(["api", "Svc-1", "svc-2", "svc-10"]);
    expect(names(sortRows(rows, columns, { column: "name", direction: "descending" }))).toEqual(["svc-10", "svc-2", "Svc-1", "api"]);
    expect(sortRows(rows, columns, { column: "revision", direction: "ascending" }).map((row) => row.revision)).toEqual(["api:3", "web:9", "web:10", undefined]);
  });

  it("puts missing values last in both directions, and keeps the rows' order between ties", () => {
    expect(names(sortRows(rows, columns, { column: "running", direction: "descending" }))).toEqual(["Svc-1", "svc-10", "api", "svc-2"]);
    expect(names(sortRows(rows, columns, { column: "running", direction: "ascending" }))).toEqual(["svc-10", "api", "Svc-1", "svc-2"]);
  });

  it("leaves the order alone without a sort, or for a column that cannot sort or is not there", () => {
    expect(sortRows(rows, columns, undefined)).toBe(rows);
    expect(sortRows(rows, columns, { column: "actions", direction: "ascending" })).toBe(rows);
    expect(sortRows(rows, columns, { column: "gone", direction: "descending" })).toBe(rows);
  });

  it("does not change the rows it was given", () => {
    const copy = [...rows];
    sortRows(rows, columns, { column: "name", direction: "ascending" });
    expect(rows).toEqual(copy);
  });

  it("sorts 10,000 rows quickly enough to do on every keystroke", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ name: `task-${(i * 7919) % 10_000}` }));
    const started = performance.now();
    const sorted = sortRows(many, columns, { column: "name", direction: "ascending" });
    expect(performance.now() - started).toBeLessThan(500);
    expect(sorted.slice(0, 3).map((row) => row.name)).toEqual(["task-0", "task-1", "task-2"]);
  });
});

describe("nextSort", () => {
  it("sorts a new column its first way, then flips it on each click", () => {
    const name = columns[0];
    const running = columns[1];
    expect(nextSort(undefined, name)).toEqual({ column: "name", direction: "ascending" });
    expect(nextSort({ column: "name", direction: "ascending" }, name)).toEqual({ column: "name", direction: "descending" });
    expect(nextSort({ column: "name", direction: "descending" }, name)).toEqual({ column: "name", direction: "ascending" });
    expect(nextSort({ column: "name", direction: "ascending" }, running)).toEqual({ column: "running", direction: "descending" });
  });
});

describe("searching", () => {
  const texts = rows.map((row) => searchTextOf(row, columns));

  it("searches only the columns that offer text, lower-cased", () => {
    expect(texts[0]).toBe("svc-10\nweb:10");
    expect(texts[2]).toBe("svc-1");
  });

  it("splits a query into words and needs every word, in any column", () => {
    expect(searchWords("  Web  SVC-2 ")).toEqual(["web", "svc-2"]);
    expect(matchesWords("svc-2\nweb:9", ["web", "svc-2"])).toBe(true);
    expect(matchesWords("svc-2\nweb:9", ["web", "api"])).toBe(false);
    expect(names(filterRows(rows, texts, "WEB"))).toEqual(["svc-10", "svc-2"]);
    expect(names(filterRows(rows, texts, "web 10"))).toEqual(["svc-10"]);
    expect(names(filterRows(rows, texts, "nothing-like-it"))).toEqual([]);
  });

  it("applies a filter together with the search, and returns the rows themselves when nothing narrows them", () => {
    const busy = (row: Row) => (row.running ?? 0) > 1;
    expect(names(filterRows(rows, texts, "", busy))).toEqual(["svc-10", "Svc-1", "api"]);
    expect(names(filterRows(rows, texts, "svc", busy))).toEqual(["svc-10", "Svc-1"]);
    expect(filterRows(rows, texts, "   ")).toBe(rows);
  });
});

describe("rowCountText", () => {
  const noun = { one: "service", other: "services" };
  it("says how many rows there are, and how many of them show once narrowed", () => {
    expect(rowCountText(3, 3, noun)).toBe("3 services");
    expect(rowCountText(1, 1, noun)).toBe("1 service");
    expect(rowCountText(0, 0, noun)).toBe("0 services");
    expect(rowCountText(1, 3, noun)).toBe("1 of 3 services");
    expect(rowCountText(0, 1, noun)).toBe("0 of 1 service");
    expect(rowCountText(1_500, 10_000, noun)).toBe("1,500 of 10,000 services");
  });
});
