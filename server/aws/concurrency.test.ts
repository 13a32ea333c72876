import { describe, expect, it } from "vitest";
import { chunk, mapWithConcurrency } from "./concurrency";

describe("chunk", () => {
  it("splits into batches of at most the size, in order", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk(Array.from({ length: 250 }, (_, i) => i), 100).map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(chunk([], 10)).toEqual([]);
  });

  it("refuses a size that would never finish", () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe("mapWithConcurrency", () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

  it("keeps at most `limit` calls in flight and returns results in input order", async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      most = Math.max(most, ++inFlight);
      for (let i = 0; i < n; i++) await tick();
      inFlight--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it("starts nothing new after a failure, and rejects with it", async () => {
    const started: number[] = [];
    const run = mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      for (let i = 0; i < n; i++) await tick();
      if (n === 1) throw new Error("batch 1 failed");
      return n;
    });
    await expect(run).rejects.toThrow("batch 1 failed");
    for (let i = 0; i < 10; i++) await tick();
    // Batch 2 was in flight and finishes; 3 to 6 never start.
    expect(started).toEqual([1, 2]);
  });
});
