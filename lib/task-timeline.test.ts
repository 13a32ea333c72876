import { describe, expect, it } from "vitest";
import { formatTimestamp, runningFor, taskTimeline } from "./task-timeline";

const at = (seconds: number) => new Date(Date.UTC(2025, 2, 4, 14, 0, seconds)).toISOString();

describe("taskTimeline", () => {
  it("lists a stopped task's steps in order, each with the time since the one before", () => {
    const steps = taskTimeline({
      createdAt: at(0),
      pullStartedAt: at(3),
      pullStoppedAt: at(9),
      startedAt: at(10),
      stoppingAt: at(70),
      executionStoppedAt: at(72),
      stoppedAt: at(75),
    });
    expect(steps.map((step) => [step.label, step.sincePreviousMs])).toEqual([
      ["Created", undefined],
      ["Image pull started", 3_000],
      ["Image pull finished", 6_000],
      ["Started", 1_000],
      ["Stop requested", 60_000],
      ["Containers stopped", 2_000],
      ["Stopped", 3_000],
    ]);
    expect(steps[0]).toEqual({ key: "createdAt", label: "Created", at: at(0) });
  });

  it("leaves out the steps ECS has no time for, and measures across the gap", () => {
    const steps = taskTimeline({ createdAt: at(0), startedAt: at(12) });
    expect(steps.map((step) => [step.key, step.sincePreviousMs])).toEqual([
      ["createdAt", undefined],
      ["startedAt", 12_000],
    ]);
  });

  it("orders by time when a task was stopped before it started pulling", () => {
    const steps = taskTimeline({ createdAt: at(0), stoppingAt: at(2), pullStartedAt: at(3), stoppedAt: at(5) });
    expect(steps.map((step) => step.key)).toEqual(["createdAt", "stoppingAt", "pullStartedAt", "stoppedAt"]);
  });

  it("keeps ECS's order for steps at the same instant, with no time between them", () => {
    const steps = taskTimeline({ stoppedAt: at(5), executionStoppedAt: at(5), createdAt: at(0) });
    expect(steps.map((step) => [step.key, step.sincePreviousMs])).toEqual([
      ["createdAt", undefined],
      ["executionStoppedAt", 5_000],
      ["stoppedAt", 0],
    ]);
  });

  it("ignores a time that is not a date, and has nothing to list for a task with no times", () => {
    expect(taskTimeline({ createdAt: "not a date", startedAt: at(1) }).map((step) => step.key)).toEqual(["startedAt"]);
    expect(taskTimeline({})).toEqual([]);
  });
});

describe("runningFor", () => {
  const now = Date.parse(at(100));

  it("measures a running task up to now", () => {
    expect(runningFor({ startedAt: at(10) }, now)).toBe(90_000);
  });

  it("measures a stopped task up to its stop request, or its stop when there was no request", () => {
    expect(runningFor({ startedAt: at(10), stoppingAt: at(40), stoppedAt: at(45) }, now)).toBe(30_000);
    expect(runningFor({ startedAt: at(10), stoppedAt: at(45) }, now)).toBe(35_000);
  });

  it("has no answer for a task that never started", () => {
    expect(runningFor({ createdAt: at(0), stoppedAt: at(5) }, now)).toBeUndefined();
  });
});

describe("formatTimestamp", () => {
  it("writes a time in UTC to the second", () => {
    expect(formatTimestamp("2025-03-04T14:05:09.123Z")).toBe("2025-03-04 14:05:09 UTC");
  });

  it("writes a dash for a time that is not one", () => {
    expect(formatTimestamp("soon")).toBe("—");
  });
});
