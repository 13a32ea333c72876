import { describe, expect, it } from "vitest";
import { percentToWeights, trafficSteps, weightToPercent } from "./traffic-plan";

describe("traffic steps", () => {
  it("shifts blue/green in one step", () => {
    expect(trafficSteps({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 5 })).toEqual([{ greenPercent: 100, bakeMs: 0 }]);
  });

  it("shifts a canary, bakes it, then promotes", () => {
    expect(trafficSteps({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 2 } })).toEqual([
      { greenPercent: 10, bakeMs: 120_000 },
      { greenPercent: 100, bakeMs: 0 },
    ]);
    expect(trafficSteps({ strategy: "CANARY" })[0]).toEqual({ greenPercent: 5, bakeMs: 600_000 });
  });

  it("caps a linear step that does not divide 100 at 100, with no bake after the last step", () => {
    const steps = trafficSteps({ strategy: "LINEAR", linearConfiguration: { stepPercent: 30, stepBakeTimeInMinutes: 1 } });
    expect(steps.map((s) => s.greenPercent)).toEqual([30, 60, 90, 100]);
    expect(steps.map((s) => s.bakeMs)).toEqual([60_000, 60_000, 60_000, 0]);
  });

  it("takes ten linear steps by default and handles tenths", () => {
    expect(trafficSteps({ strategy: "LINEAR" })).toHaveLength(10);
    expect(trafficSteps({ strategy: "LINEAR", linearConfiguration: { stepPercent: 33.3 } }).map((s) => s.greenPercent)).toEqual([33.3, 66.6, 99.9, 100]);
    expect(trafficSteps({ strategy: "LINEAR", linearConfiguration: { stepPercent: 3 } })).toHaveLength(34);
  });
});

describe("percent ↔ weights", () => {
  it("keeps 0.1 % precision within 0..999", () => {
    expect(percentToWeights(10)).toEqual({ blue: 900, green: 100 });
    expect(percentToWeights(0.1)).toEqual({ blue: 999, green: 1 });
    expect(percentToWeights(99.9)).toEqual({ blue: 1, green: 999 });
    expect(percentToWeights(0)).toEqual({ blue: 1, green: 0 });
    expect(percentToWeights(100)).toEqual({ blue: 0, green: 1 });
  });

  it("reads weights back as percent", () => {
    expect(weightToPercent(100, 1000)).toBe(10);
    expect(weightToPercent(1, 1)).toBe(100);
    expect(weightToPercent(0, 1)).toBe(0);
    expect(weightToPercent(333, 999)).toBe(33.3);
  });
});
