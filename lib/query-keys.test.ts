import { describe, expect, it } from "vitest";
import { queryKeys } from "./query-keys";

describe("queryKeys", () => {
  it("nests the overview under every cluster read, so invalidating clusters refreshes it", () => {
    const all = queryKeys.clusters.all();
    const overview = queryKeys.clusters.overview();
    expect(overview.slice(0, all.length)).toEqual(all);
    expect(overview).not.toEqual(all);
  });
});
