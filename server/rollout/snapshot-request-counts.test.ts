import type { MetricDataResult } from "@aws-sdk/client-cloudwatch";
import { describe, expect, it } from "vitest";
import { countsInLatestCompletePeriod, metricsWindow } from "./snapshot-request-counts";

const TG = { blue: "arn:aws:elasticloadbalancing:us-east-1:0:targetgroup/blue/1", green: "arn:aws:elasticloadbalancing:us-east-1:0:targetgroup/green/2" };
const ALB = "arn:aws:elasticloadbalancing:us-east-1:0:loadbalancer/app/demo/9";
const GROUPS = new Map([
  [TG.blue, [ALB]],
  [TG.green, [ALB]],
]);
const minute = (m: number) => new Date(Date.UTC(2026, 10, 26, 12, m));

function result(Id: string, points: Array<[number, number]>, StatusCode: MetricDataResult["StatusCode"] = "Complete"): MetricDataResult {
  return { Id, Timestamps: points.map(([m]) => minute(m)), Values: points.map(([, value]) => value), StatusCode };
}

describe("metricsWindow", () => {
  it("spans the deployment's life in ECS's clock, from a whole minute before it was created", () => {
    const createdAt = new Date("2026-11-26T12:03:30Z");
    expect(metricsWindow({ createdAt, finishedAt: new Date("2026-11-26T12:20:05Z") })).toEqual({
      StartTime: new Date("2026-11-26T12:02:00Z"),
      EndTime: new Date("2026-11-26T12:20:05Z"),
    });
    expect(metricsWindow({ createdAt })!.EndTime).toEqual(new Date("2026-12-10T12:03:30Z"));
    expect(metricsWindow({})).toBeUndefined();
  });
});

describe("countsInLatestCompletePeriod", () => {
  it("takes the period before the newest one, which may still be under way", () => {
    const counts = countsInLatestCompletePeriod(GROUPS, [
      result("r0_0", [[7, 30], [6, 100], [5, 90]], "PartialData"),
      result("e0_0", [[6, 2]]),
      result("r1_0", [[7, 3], [6, 11]], "PartialData"),
      result("e1_0", []),
    ]);
    expect(counts).toEqual(
      new Map([
        [TG.blue, { requests: 100, errors5xx: 2 }],
        [TG.green, { requests: 11, errors5xx: 0 }],
      ]),
    );
  });

  it("counts 0 for a group that served nothing in that period, when its data reaches back past it", () => {
    const counts = countsInLatestCompletePeriod(GROUPS, [result("r0_0", [[7, 30], [6, 100]]), result("e0_0", []), result("r1_0", [[4, 5]], "PartialData"), result("e1_0", [])]);
    expect(counts.get(TG.green)).toEqual({ requests: 0, errors5xx: 0 });
  });

  it("leaves out a group whose data was cut off before that period, or refused", () => {
    const counts = countsInLatestCompletePeriod(GROUPS, [
      result("r0_0", [[7, 30], [6, 100]]),
      result("e0_0", []),
      result("r1_0", [[7, 3]], "PartialData"),
      { Id: "e1_0", Timestamps: [], Values: [], StatusCode: "Forbidden" },
    ]);
    expect([...counts.keys()]).toEqual([TG.blue]);
  });

  it("adds up a group's counts behind several load balancers", () => {
    const groups = new Map([[TG.blue, [ALB, ALB.replace("demo/9", "edge/8")]]]);
    const counts = countsInLatestCompletePeriod(groups, [result("r0_0", [[7, 1], [6, 10]]), result("e0_0", []), result("r0_1", [[6, 5]]), result("e0_1", [[6, 1]])]);
    expect(counts.get(TG.blue)).toEqual({ requests: 15, errors5xx: 1 });
  });

  it("has nothing to say before any request was counted", () => {
    expect(countsInLatestCompletePeriod(GROUPS, [result("r0_0", []), result("e0_0", []), result("r1_0", []), result("e1_0", [])]).size).toBe(0);
  });
});
