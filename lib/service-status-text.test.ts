import { describe, expect, it } from "vitest";
import { serviceBadges, serviceStatusText, targetStateText, taskHealthText, taskStatusText } from "./service-status-text";

describe("status words", () => {
  it("puts ECS's and ELBv2's codes in words, with the tone their badge takes", () => {
    expect(serviceStatusText("ACTIVE")).toEqual({ label: "Active", tone: "ok" });
    expect(serviceStatusText("DRAINING")).toEqual({ label: "Draining", tone: "warn" });
    expect(taskStatusText("RUNNING")).toEqual({ label: "Running", tone: "ok" });
    expect(taskStatusText("PROVISIONING")).toEqual({ label: "Provisioning", tone: "info" });
    expect(taskStatusText("STOPPED")).toEqual({ label: "Stopped", tone: "neutral" });
    expect(targetStateText("healthy")).toEqual({ label: "Healthy", tone: "ok" });
    expect(targetStateText("unhealthy.draining")).toEqual({ label: "Unhealthy.draining", tone: "danger" });
    expect(targetStateText("initial")).toEqual({ label: "Initial", tone: "info" });
  });

  it("still reads a code it does not know, and says when there is none", () => {
    expect(taskStatusText("HIBERNATING")).toEqual({ label: "Hibernating", tone: "neutral" });
    expect(serviceStatusText(undefined)).toEqual({ label: "Unknown", tone: "neutral" });
  });

  it("badges only a health worth knowing", () => {
    expect(taskHealthText("UNHEALTHY")).toEqual({ label: "Unhealthy", tone: "danger" });
    expect(taskHealthText("UNKNOWN")).toBeUndefined();
  });
});

describe("serviceBadges", () => {
  const steady = { status: "ACTIVE", rollout: { state: "COMPLETED", inProgress: false } };

  it("shows a steady service's status alone", () => {
    expect(serviceBadges(steady, []).map((badge) => badge.label)).toEqual(["Active"]);
  });

  it("adds what its deployments are doing, a wait for approval first", () => {
    const deploying = { ...steady, rollout: { state: "IN_PROGRESS", inProgress: true } };
    expect(serviceBadges(deploying, [{}]).map((badge) => badge.label)).toEqual(["Active", "Deploying"]);
    expect(serviceBadges(deploying, [{ awaitingApproval: { hookId: "h" } }]).map((badge) => badge.label)).toEqual(["Active", "Awaiting approval"]);
    expect(serviceBadges({ ...steady, rollout: { state: "FAILED", inProgress: false } }, []).at(-1)).toEqual({ label: "Last deployment failed", tone: "danger" });
  });
});
