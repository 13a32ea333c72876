import { describe, expect, it } from "vitest";
import { formatCount, formatDuration, formatRelativeTime, formatTaskCounts } from "./format";

describe("formatDuration", () => {
  it("says the largest unit and the next when it is not zero", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(90_000)).toBe("1 min 30 s");
    expect(formatDuration(3_600_000)).toBe("1 h");
    expect(formatDuration(3_600_000 + 5_000)).toBe("1 h");
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000 + 59_000)).toBe("2 h 5 min");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe("3 d 4 h");
  });

  it("rounds down, reads a negative span as its length, and has no answer for no number", () => {
    expect(formatDuration(999)).toBe("0 s");
    expect(formatDuration(59_999)).toBe("59 s");
    expect(formatDuration(-90_000)).toBe("1 min 30 s");
    expect(formatDuration(Number.NaN)).toBe("—");
  });
});

describe("formatRelativeTime", () => {
  const now = Date.parse("2025-06-01T12:00:00.000Z");

  it("says how long ago, or how long until, in the largest unit", () => {
    expect(formatRelativeTime("2025-06-01T11:59:48.000Z", now)).toBe("12 s ago");
    expect(formatRelativeTime("2025-06-01T11:56:30.000Z", now)).toBe("3 min ago");
    expect(formatRelativeTime("2025-05-30T12:00:00.000Z", new Date(now))).toBe("2 d ago");
    expect(formatRelativeTime("2025-06-01T21:59:00.000Z", now)).toBe("in 9 h");
  });

  it("says just now within a second, and a dash for no time", () => {
    expect(formatRelativeTime("2025-06-01T11:59:59.500Z", now)).toBe("just now");
    expect(formatRelativeTime(undefined, now)).toBe("—");
    expect(formatRelativeTime("yesterday-ish", now)).toBe("—");
  });
});

describe("formatCount", () => {
  it("agrees the noun with the number and groups thousands", () => {
    expect(formatCount(1, "task")).toBe("1 task");
    expect(formatCount(0, "service")).toBe("0 services");
    expect(formatCount(1204, "task")).toBe("1,204 tasks");
    expect(formatCount(2, "capacity provider")).toBe("2 capacity providers");
    expect(formatCount(3, "child", "children")).toBe("3 children");
  });
});

describe("formatTaskCounts", () => {
  it("shows running of desired, and pending only when there are some", () => {
    expect(formatTaskCounts({ desired: 3, running: 2, pending: 1 })).toBe("2 / 3 running · 1 pending");
    expect(formatTaskCounts({ desired: 2, running: 2, pending: 0 })).toBe("2 / 2 running");
    expect(formatTaskCounts({ desired: 1500, running: 1499, pending: 0 })).toBe("1,499 / 1,500 running");
  });
});
