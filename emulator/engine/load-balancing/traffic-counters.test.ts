import { describe, expect, it } from "vitest";
import { RETAINED_SECONDS, TrafficCounters } from "./traffic-counters";

describe("TrafficCounters", () => {
  it("counts requests and 5xx per second, oldest first", () => {
    const counters = new TrafficCounters();
    counters.record("tg", 101, 200);
    counters.record("tg", 100, 502);
    counters.record("tg", 101, 503);
    counters.record("tg", 101, 404);
    expect(counters.samples("tg", 101)).toEqual([
      { second: 100, requests: 1, errors5xx: 1 },
      { second: 101, requests: 3, errors5xx: 1 },
    ]);
    expect(counters.samples("tg", 101, 101)).toHaveLength(1);
    expect(counters.samples("other", 101)).toEqual([]);
  });

  it("keeps only the last hour", () => {
    const counters = new TrafficCounters();
    counters.record("tg", 5, 200);
    counters.record("tg", 10, 200);
    counters.record("tg", 5 + RETAINED_SECONDS, 200);
    expect(counters.samples("tg", 9 + RETAINED_SECONDS).map((s) => s.second)).toEqual([10, 5 + RETAINED_SECONDS]);
  });
});
