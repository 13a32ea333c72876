import { describe, expect, it } from "vitest";
import { extendToPresent, healthyPercentChart, MAX_CHART_POINTS, requestSplitChart, revisionSeries, thinSamples, trafficWeightChart } from "./chart-series";
import type { RevisionSample, RolloutSample } from "./sample";

const BLUE = "arn:aws:ecs:us-east-1:000000000000:service-revision/demo/api/1111";
const GREEN = "arn:aws:ecs:us-east-1:000000000000:service-revision/demo/api/2222";
const T0 = Date.parse("2026-11-26T12:00:00.000Z");

function revision(arn: string, role: RevisionSample["role"], values: Partial<RevisionSample> = {}): RevisionSample {
  return { arn, role, taskDefinition: arn === BLUE ? "api:2" : "api:3", requested: 4, running: 4, pending: 0, ...values };
}

function sample(second: number, revisions: RevisionSample[], values: Partial<RolloutSample> = {}): RolloutSample {
  return { at: new Date(T0 + second * 1000).toISOString(), status: "IN_PROGRESS", desiredCount: 4, healthBasis: "targets", revisions, ...values };
}

/** A canary of 10 %: green scales up, takes 10 %, then everything. */
const canary: RolloutSample[] = [
  sample(0, [revision(BLUE, "source", { healthy: 4, requestedWeight: 100, actualWeight: 100 }), revision(GREEN, "target", { requested: 4, running: 0, healthy: 0, requestedWeight: 0, actualWeight: 0 })]),
  sample(5, [revision(BLUE, "source", { healthy: 4, requestedWeight: 90, actualWeight: 90 }), revision(GREEN, "target", { healthy: 2, requestedWeight: 10, actualWeight: 10 })]),
  sample(10, [revision(BLUE, "source", { healthy: 4, requestedWeight: 0, actualWeight: 0 }), revision(GREEN, "target", { healthy: 4, requestedWeight: 100, actualWeight: 100 })], {
    status: "SUCCESSFUL",
  }),
];

describe("revisionSeries", () => {
  it("keys each revision in order of first appearance and labels it by task definition and role", () => {
    expect(revisionSeries(canary)).toEqual([
      { key: "r0", arn: BLUE, label: "api:2 (current)", role: "source" },
      { key: "r1", arn: GREEN, label: "api:3 (new)", role: "target" },
    ]);
  });

  it("falls back to the revision's id when its task definition is not known", () => {
    const [series] = revisionSeries([sample(0, [{ ...revision(GREEN, "target"), taskDefinition: undefined }])]);
    expect(series?.label).toBe("2222 (new)");
  });
});

describe("healthyPercentChart", () => {
  it("gives each revision's healthy tasks as a percent of desired, seconds from the first sample", () => {
    const chart = healthyPercentChart(canary);
    expect(chart.basis).toBe("targets");
    expect(chart.points.map(({ t, r0, r1 }) => [t, r0, r1])).toEqual([
      [0, 100, 0],
      [5, 100, 50],
      [10, 100, 100],
    ]);
  });

  it("leaves a gap where a revision was not there or its health could not be read", () => {
    const chart = healthyPercentChart([
      sample(0, [revision(BLUE, "source", { healthy: 3 })]),
      sample(2, [revision(BLUE, "source"), revision(GREEN, "target", { healthy: 1 })]),
    ]);
    expect(chart.points.map(({ r0, r1 }) => [r0, r1])).toEqual([
      [75, null],
      [null, 25],
    ]);
  });

  it("has no percent of a desired count of zero, and rounds to a tenth", () => {
    const chart = healthyPercentChart([sample(0, [revision(BLUE, "source", { healthy: 0 })], { desiredCount: 0 }), sample(1, [revision(BLUE, "source", { healthy: 1 })], { desiredCount: 3 })]);
    expect(chart.points.map((point) => point.r0)).toEqual([null, 33.3]);
  });

  it("says which count it shows", () => {
    expect(healthyPercentChart([sample(0, [revision(BLUE, "source", { healthy: 2 })], { healthBasis: "tasks" })]).basis).toBe("tasks");
  });

  it("is empty, not broken, before the first sample", () => {
    expect(healthyPercentChart([])).toEqual({ basis: "targets", series: [], points: [] });
  });
});

describe("trafficWeightChart", () => {
  it("follows the target revision's requested and actual weight", () => {
    const chart = trafficWeightChart(canary);
    expect(chart.points.map(({ t, requested, actual }) => [t, requested, actual])).toEqual([
      [0, 0, 0],
      [5, 10, 10],
      [10, 100, 100],
    ]);
    expect(chart.differs).toBe(false);
  });

  it("says the two differ when the listener rule lags behind what ECS asked for", () => {
    const lagging = [...canary.slice(0, 1), sample(5, [revision(BLUE, "source", { actualWeight: 100 }), revision(GREEN, "target", { requestedWeight: 10, actualWeight: 0 })])];
    expect(trafficWeightChart(lagging).differs).toBe(true);
  });

  it("does not call ELB's integer rounding a difference", () => {
    const rounded = [sample(0, [revision(GREEN, "target", { requestedWeight: 33.3, actualWeight: 33.4 })])];
    expect(trafficWeightChart(rounded).differs).toBe(false);
  });

  it("leaves the actual weight out where it was not read", () => {
    const chart = trafficWeightChart([sample(0, [revision(GREEN, "target", { requestedWeight: 5 })])]);
    expect(chart.points[0]).toMatchObject({ requested: 5, actual: null });
    expect(chart.differs).toBe(false);
  });
});

describe("requestSplitChart", () => {
  it("is undefined where nothing counts requests", () => {
    expect(requestSplitChart(canary)).toBeUndefined();
  });

  it("splits the requests between revisions and gives each revision's 5xx rate", () => {
    const counted = [
      sample(0, [revision(BLUE, "source")]),
      sample(1, [revision(BLUE, "source", { requests: 90, errors5xx: 0 }), revision(GREEN, "target", { requests: 10, errors5xx: 5 })]),
      sample(2, [revision(BLUE, "source", { requests: 0, errors5xx: 0 }), revision(GREEN, "target", { requests: 0 })]),
    ];
    const chart = requestSplitChart(counted)!;
    expect(chart.share.map(({ t, r0, r1 }) => [t, r0, r1])).toEqual([
      [1, 90, 10],
      [2, null, null],
    ]);
    expect(chart.errorRate.map(({ r0, r1 }) => [r0, r1])).toEqual([
      [0, 50],
      [null, null],
    ]);
    expect(chart.withTestTraffic).toEqual([]);
  });

  it("leaves out of the production split the samples where test traffic reaches a revision's group, and names it", () => {
    // A canary at 10 %: green also takes all the test listener's requests, as many again as production's.
    const counted = [
      sample(1, [revision(BLUE, "source", { requests: 90, requestedWeight: 90, testWeight: 0 }), revision(GREEN, "target", { requests: 10, requestedWeight: 10, testWeight: 0 })]),
      sample(2, [revision(BLUE, "source", { requests: 90, requestedWeight: 90, testWeight: 0 }), revision(GREEN, "target", { requests: 110, requestedWeight: 10, testWeight: 100 })]),
    ];
    const chart = requestSplitChart(counted)!;
    expect(chart.share.map(({ r0, r1 }) => [r0, r1])).toEqual([
      [90, 10],
      [null, null],
    ]);
    expect(chart.withTestTraffic).toEqual([chart.series.find((each) => each.arn === GREEN)!.label]);
  });
});

describe("thinSamples", () => {
  const day = Array.from({ length: 86_400 }, (_, second) => second);

  it("keeps at most the chart's points, the first and the last among them", () => {
    const thinned = thinSamples(day);
    expect(thinned).toHaveLength(MAX_CHART_POINTS);
    expect(thinned[0]).toBe(0);
    expect(thinned.at(-1)).toBe(86_399);
    expect([...thinned].sort((a, b) => a - b)).toEqual(thinned);
  });

  it("spreads the kept points evenly", () => {
    const gaps = thinSamples(day, 10).slice(1).map((value, index, all) => value - (index === 0 ? 0 : all[index - 1]!));
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it("leaves short series as they are", () => {
    expect(thinSamples([1, 2, 3])).toEqual([1, 2, 3]);
    expect(thinSamples([1, 2, 3], 1)).toEqual([3]);
  });

  it("thins a day-long deployment's charts to the same size", () => {
    const long = day.filter((second) => second % 10 === 0).map((second) => sample(second, [revision(GREEN, "target", { healthy: 4, requestedWeight: 100, actualWeight: 100 })]));
    expect(healthyPercentChart(long).points).toHaveLength(MAX_CHART_POINTS);
    expect(trafficWeightChart(long).points.at(-1)?.t).toBe(86_390);
  });
});

describe("extendToPresent", () => {
  it("carries the last sample to the latest look, so a paused deployment's lines reach the present", () => {
    const paused = canary.slice(0, 2);
    const extended = extendToPresent(paused, new Date(T0 + 60_000).toISOString());
    expect(extended).toHaveLength(3);
    expect(extended[2]).toEqual({ ...paused[1], at: new Date(T0 + 60_000).toISOString() });
    expect(healthyPercentChart(extended).points.at(-1)).toMatchObject({ t: 60, r1: 50 });
  });

  it("adds nothing when the last sample is the latest look, or there is none", () => {
    expect(extendToPresent(canary, canary[2]!.at)).toEqual(canary);
    expect(extendToPresent([], new Date(T0).toISOString())).toEqual([]);
  });
});
