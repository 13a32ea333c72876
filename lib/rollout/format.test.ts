import { describe, expect, it } from "vitest";
import { countdownText, failuresText, formatElapsed, formatPercent, healthBasisText, latestValuesText, weightsDiffer } from "./format";

describe("formatElapsed", () => {
  it("reads m:ss for a deployment under an hour", () => {
    expect(formatElapsed(0)).toBe("0:00");
    expect(formatElapsed(65)).toBe("1:05");
    expect(formatElapsed(59 * 60 + 59)).toBe("59:59");
  });

  it("reads h:mm once the deployment spans an hour, for every tick of its axis", () => {
    expect(formatElapsed(90, 2 * 3_600)).toBe("0:01");
    expect(formatElapsed(3_600 + 5 * 60 + 30, 2 * 3_600)).toBe("1:05");
    expect(formatElapsed(26 * 3_600, 26 * 3_600)).toBe("26:00");
  });

  it("never reads below zero", () => {
    expect(formatElapsed(-3)).toBe("0:00");
  });
});

describe("formatPercent", () => {
  it("keeps a tenth and drops trailing zeros", () => {
    expect(formatPercent(12.5)).toBe("12.5 %");
    expect(formatPercent(100)).toBe("100 %");
    expect(formatPercent(33.333)).toBe("33.3 %");
  });

  it("writes a dash for a value that is not there", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(undefined)).toBe("—");
  });
});

describe("countdownText", () => {
  it("counts down in minutes and seconds", () => {
    expect(countdownText("Canary bake", 1_000_000 + 7 * 60_000 + 12_000, 1_000_000)).toBe("Canary bake: 7 min 12 s left");
  });

  it("says the bake is ending once its time is up, rather than a negative time", () => {
    expect(countdownText("Bake time", 1_000, 5_000)).toBe("Bake time: ending now");
  });
});

describe("weightsDiffer", () => {
  it("tells a real disagreement from ELB's rounding", () => {
    expect(weightsDiffer(10, 10.2)).toBe(false);
    expect(weightsDiffer(10, 0)).toBe(true);
    expect(weightsDiffer(10, undefined)).toBe(false);
  });
});

describe("words", () => {
  it("says how healthy is counted, and how many failures of how many", () => {
    expect(healthBasisText("targets")).toBe("healthy targets ÷ desired tasks");
    expect(healthBasisText("tasks")).toBe("running tasks not unhealthy ÷ desired tasks");
    expect(failuresText(2, 3)).toBe("2 of 3 failures");
  });
});

describe("latestValuesText", () => {
  const points = [
    { t: 0, r0: 100, r1: 0 },
    { t: 5, r0: 100, r1: 50 },
    { t: 9, r0: null, r1: 75 },
  ];

  it("says each series' last value, looking past a gap", () => {
    expect(latestValuesText(points, [{ key: "r1", label: "api:3 (new)" }, { key: "r0", label: "api:2 (current)" }])).toBe("Latest: api:3 (new) 75 %, api:2 (current) 100 %.");
  });

  it("says when there is nothing yet", () => {
    expect(latestValuesText([], [])).toBe("No values yet.");
    expect(latestValuesText([], [{ key: "r0", label: "api:2" }])).toBe("Latest: api:2 not known.");
  });
});
