import { describe, expect, it } from "vitest";
import type { RegisteredTarget } from "../../store/elb-records";
import { applyProbeResult, applyServing, startInitialChecks, startRegistration } from "./target-health";

const thresholds = { healthyThreshold: 3, unhealthyThreshold: 2 };
const pass = { healthy: true, statusCode: 200 } as const;
const mismatch = { healthy: false, reason: "ResponseCodeMismatch", statusCode: 503 } as const;
const timeout = { healthy: false, reason: "Timeout" } as const;
const refused = { healthy: false, reason: "ConnectionRefused" } as const;

function fresh(): RegisteredTarget {
  const target: RegisteredTarget = { id: "127.0.0.1", port: 8080, state: "initial", registeredAt: 0, consecutiveFailures: 0, consecutiveSuccesses: 0 };
  startRegistration(target, "checked");
  return target;
}

describe("target health transitions", () => {
  it("starts initial, registering, then initial health checking", () => {
    const target = fresh();
    expect(target).toMatchObject({ state: "initial", reason: "Elb.RegistrationInProgress" });
    expect(startInitialChecks(target)).toBe(true);
    expect(target).toMatchObject({ state: "initial", reason: "Elb.InitialHealthChecking" });
    expect(startInitialChecks(target)).toBe(false);
  });

  it("makes a new target healthy after one pass", () => {
    const target = fresh();
    expect(applyProbeResult(target, pass, thresholds)).toBe(true);
    expect(target).toMatchObject({ state: "healthy", reason: undefined, description: undefined });
  });

  it("makes a target unhealthy after UnhealthyThresholdCount failures in a row, with AWS's words", () => {
    const target = fresh();
    applyProbeResult(target, pass, thresholds);
    expect(applyProbeResult(target, mismatch, thresholds)).toBe(false);
    expect(target.state).toBe("healthy");
    expect(applyProbeResult(target, mismatch, thresholds)).toBe(true);
    expect(target).toMatchObject({ state: "unhealthy", reason: "Target.ResponseCodeMismatch", description: "Health checks failed with these codes: [503]" });
  });

  it("needs HealthyThresholdCount passes in a row to recover", () => {
    const target = fresh();
    applyProbeResult(target, timeout, thresholds);
    applyProbeResult(target, timeout, thresholds);
    expect(target).toMatchObject({ state: "unhealthy", reason: "Target.Timeout", description: "Request timed out" });
    applyProbeResult(target, pass, thresholds);
    applyProbeResult(target, pass, thresholds);
    applyProbeResult(target, refused, thresholds);
    expect(target).toMatchObject({ state: "unhealthy", reason: "Target.FailedHealthChecks" });
    for (let i = 0; i < 2; i++) applyProbeResult(target, pass, thresholds);
    expect(target.state).toBe("unhealthy");
    applyProbeResult(target, pass, thresholds);
    expect(target.state).toBe("healthy");
  });

  it("parks targets of a group no listener uses, and wakes them as initial", () => {
    const target = fresh();
    applyProbeResult(target, pass, thresholds);
    expect(applyServing(target, "unused")).toBe(true);
    expect(target).toMatchObject({ state: "unused", reason: "Target.NotInUse" });
    expect(applyProbeResult(target, pass, thresholds)).toBe(false);
    expect(applyServing(target, "checked")).toBe(true);
    expect(target).toMatchObject({ state: "initial", reason: "Elb.RegistrationInProgress" });
  });

  it("leaves draining targets alone", () => {
    const target = { ...fresh(), state: "draining" as const };
    expect(applyServing(target, "unused")).toBe(false);
    expect(applyProbeResult(target, mismatch, thresholds)).toBe(false);
  });
});
