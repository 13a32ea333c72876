import { describe, expect, it } from "vitest";
import { circuitBreakerThreshold, rollingBounds } from "./rolling-math";

describe("rolling bounds", () => {
  it("rounds the lower bound up and the upper bound down", () => {
    expect(rollingBounds(4, { minimumHealthyPercent: 50, maximumPercent: 200 })).toEqual({ lower: 2, upper: 8 });
    expect(rollingBounds(3, { minimumHealthyPercent: 50, maximumPercent: 150 })).toEqual({ lower: 2, upper: 4 });
  });

  it("defaults to 100 / 200", () => {
    expect(rollingBounds(5, undefined)).toEqual({ lower: 5, upper: 10 });
  });

  it("allows no progress at min 100 / max 100", () => {
    expect(rollingBounds(4, { minimumHealthyPercent: 100, maximumPercent: 100 })).toEqual({ lower: 4, upper: 4 });
  });
});

describe("circuit breaker threshold", () => {
  const bounded = { enable: true, rollback: true };
  it("is half the desired count, clamped to 3..200", () => {
    expect(circuitBreakerThreshold(bounded, 1)).toBe(3);
    expect(circuitBreakerThreshold(bounded, 4)).toBe(3);
    expect(circuitBreakerThreshold(bounded, 25)).toBe(13);
    expect(circuitBreakerThreshold(bounded, 400)).toBe(200);
  });

  it("does not clamp UNBOUNDED_PERCENT and takes COUNT as it is", () => {
    const unbounded = { ...bounded, thresholdConfiguration: { type: "UNBOUNDED_PERCENT" as const, value: 50 } };
    expect(circuitBreakerThreshold(unbounded, 1)).toBe(1);
    expect(circuitBreakerThreshold(unbounded, 400)).toBe(200);
    expect(circuitBreakerThreshold(unbounded, 1000)).toBe(500);
    expect(circuitBreakerThreshold({ ...bounded, thresholdConfiguration: { type: "COUNT", value: 7 } }, 400)).toBe(7);
  });
});
