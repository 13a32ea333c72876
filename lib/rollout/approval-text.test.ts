import type { DeploymentConfiguration } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import {
  alreadyDecidedText,
  alreadyFinishedText,
  approvalQuestion,
  continueConsequence,
  countdownText,
  howSettled,
  nextLinearStep,
  pausedSince,
  rollbackConsequence,
  stopConsequence,
  type GateContext,
} from "./approval-text";

const PAUSE_BEFORE_TRAFFIC = [{ targetType: "PAUSE" as const, lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT" as const], timeoutConfiguration: { timeoutInMinutes: 600 } }];
const CANARY: DeploymentConfiguration = { strategy: "CANARY", canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 }, bakeTimeInMinutes: 15, lifecycleHooks: PAUSE_BEFORE_TRAFFIC };
const LINEAR: DeploymentConfiguration = { strategy: "LINEAR", linearConfiguration: { stepPercent: 30, stepBakeTimeInMinutes: 2 }, lifecycleHooks: PAUSE_BEFORE_TRAFFIC };
const BLUE_GREEN: DeploymentConfiguration = { strategy: "BLUE_GREEN", bakeTimeInMinutes: 0, lifecycleHooks: PAUSE_BEFORE_TRAFFIC };

const gate = (configuration: DeploymentConfiguration, targetWeight: number, lifecycleStage = "PRE_PRODUCTION_TRAFFIC_SHIFT"): GateContext => ({
  lifecycleStage,
  configuration,
  targetWeight,
  targetLabel: "web:6",
  sourceLabel: "web:5",
});

describe("approvalQuestion", () => {
  it("asks a canary's first gate about the canary's share, and its second about promotion", () => {
    expect(approvalQuestion(gate(CANARY, 0))).toBe("Start sending 5 % of production traffic to web:6?");
    expect(approvalQuestion(gate(CANARY, 5))).toBe("Promote the canary to 100 %?");
  });

  it("takes ECS's default canary share when the configuration names none", () => {
    expect(approvalQuestion(gate({ strategy: "CANARY" }, 0))).toBe("Start sending 5 % of production traffic to web:6?");
    expect(approvalQuestion(gate({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 12.5 } }, 0))).toBe("Start sending 12.5 % of production traffic to web:6?");
  });

  it("counts a linear shift's steps, the last one capped at 100 %", () => {
    expect(approvalQuestion(gate(LINEAR, 0))).toBe("Step 1 of 4: send 30 % of production traffic to web:6?");
    expect(approvalQuestion(gate(LINEAR, 60))).toBe("Step 3 of 4: send 90 % of production traffic to web:6?");
    expect(approvalQuestion(gate(LINEAR, 90))).toBe("Step 4 of 4: send 100 % of production traffic to web:6?");
  });

  it("asks blue/green about the whole shift", () => {
    expect(approvalQuestion(gate(BLUE_GREEN, 0))).toBe("Shift production traffic to web:6?");
  });

  it("asks about what comes next at the other stages a pause can hold", () => {
    expect(approvalQuestion(gate(BLUE_GREEN, 0, "POST_SCALE_UP"))).toBe("Send test traffic to web:6?");
    expect(approvalQuestion(gate(BLUE_GREEN, 0, "POST_TEST_TRAFFIC_SHIFT"))).toBe("Go on to production traffic for web:6?");
    expect(approvalQuestion(gate(BLUE_GREEN, 100, "POST_PRODUCTION_TRAFFIC_SHIFT"))).toBe("Finish the deployment of web:6?");
    expect(approvalQuestion({ lifecycleStage: "SOMETHING_NEW", configuration: {} })).toBe("Continue the deployment of the new revision?");
  });
});

describe("nextLinearStep", () => {
  it("does not stumble on ECS's doubles", () => {
    expect(nextLinearStep({ linearConfiguration: { stepPercent: 10 } }, 30.000000001)).toEqual({ step: 4, steps: 10, weight: 40 });
    expect(nextLinearStep({ linearConfiguration: { stepPercent: 33.3 } }, 0)).toEqual({ step: 1, steps: 4, weight: 33.3 });
  });
});

describe("what each decision does", () => {
  it("says a canary's first approval sends the canary its share, then asks again", () => {
    expect(continueConsequence(gate(CANARY, 0))).toBe("ECS sends 5 % of production traffic to web:6, bakes for 10 minutes and asks again before promoting it.");
    expect(continueConsequence(gate({ ...CANARY, lifecycleHooks: [] }, 0))).toBe(
      "ECS sends 5 % of production traffic to web:6, bakes for 10 minutes and then promotes it to 100 %.",
    );
  });

  it("says promotion moves all traffic, bakes, and retires the old revision", () => {
    expect(continueConsequence(gate(CANARY, 5))).toBe("ECS sends all production traffic to web:6, watches it for 15 minutes, then stops the tasks of web:5.");
    expect(continueConsequence(gate(BLUE_GREEN, 0))).toBe("ECS sends all production traffic to web:6, then stops the tasks of web:5.");
  });

  it("says a linear step's share and the wait before the next", () => {
    expect(continueConsequence(gate(LINEAR, 30))).toBe("ECS sends 60 % of production traffic to web:6 and waits 2 minutes before the next step.");
    expect(continueConsequence(gate(LINEAR, 90))).toBe("ECS sends all production traffic to web:6, then stops the tasks of web:5.");
  });

  it("says a rollback returns traffic to the source revision", () => {
    expect(rollbackConsequence(gate(CANARY, 5))).toBe("ECS returns all production traffic to web:5, stops the tasks of web:6, and ends the deployment as rolled back.");
    expect(stopConsequence("ROLLBACK", gate(CANARY, 5))).toBe(rollbackConsequence(gate(CANARY, 5)));
    expect(stopConsequence("ABORT", gate(CANARY, 5))).toMatch(/^The deployment stops where it is/);
  });
});

describe("countdownText", () => {
  const NOW = Date.parse("2026-01-01T12:00:00Z");

  it("counts down to the timeout in hours and minutes, with what happens then", () => {
    expect(countdownText({ expiresAt: "2026-01-01T21:59:30Z", timeoutAction: "ROLLBACK" }, NOW)).toBe("Rolls back in 9 h 59 min if nobody decides");
    expect(countdownText({ expiresAt: "2026-01-01T12:00:45Z", timeoutAction: "CONTINUE" }, NOW)).toBe("Continues in 45 s if nobody decides");
    expect(countdownText({ expiresAt: "2026-01-01T12:05:00Z" }, NOW)).toBe("Rolls back in 5 min if nobody decides");
  });

  it("does not promise a time already gone, and says nothing without one", () => {
    expect(countdownText({ expiresAt: "2026-01-01T11:00:00Z" }, NOW)).toBe("Rolls back any moment now: nobody decided in time");
    expect(countdownText({}, NOW)).toBeUndefined();
  });
});

describe("pausedSince", () => {
  it("is the expiry less the pause hook's timeout at that stage", () => {
    expect(pausedSince({ expiresAt: "2026-01-01T22:00:00.000Z", lifecycleStage: "PRE_PRODUCTION_TRAFFIC_SHIFT" }, CANARY)).toBe("2026-01-01T12:00:00.000Z");
  });

  it("takes ECS's default timeout, and is unknown without a pause hook at the stage", () => {
    const untimed: DeploymentConfiguration = { lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["POST_SCALE_UP"] }] };
    expect(pausedSince({ expiresAt: "2026-01-02T12:00:00.000Z", lifecycleStage: "POST_SCALE_UP" }, untimed)).toBe("2026-01-01T12:00:00.000Z");
    expect(pausedSince({ expiresAt: "2026-01-02T12:00:00.000Z", lifecycleStage: "PRE_SCALE_UP" }, untimed)).toBeUndefined();
  });
});

describe("howSettled and alreadyDecidedText", () => {
  it("reads the hook's own outcome first", () => {
    expect(howSettled({ status: "SUCCEEDED" }, "IN_PROGRESS")).toBe("approved");
    expect(howSettled({ status: "FAILED" }, "ROLLBACK_IN_PROGRESS")).toBe("rolled-back");
    expect(howSettled({ status: "TIMED_OUT", timeoutAction: "CONTINUE" }, "IN_PROGRESS")).toBe("timed-out-continued");
    expect(howSettled({ status: "TIMED_OUT" }, "ROLLBACK_SUCCESSFUL")).toBe("timed-out-rolled-back");
  });

  it("takes a deployment that moved on as settled, though its hook still reads AWAITING_ACTION", () => {
    const waiting = { status: "AWAITING_ACTION" as const };
    expect(howSettled(waiting, "IN_PROGRESS")).toBeUndefined();
    expect(howSettled(waiting, "STOPPED")).toBe("deployment-stopped");
    expect(howSettled({ status: "FAILED" }, "STOPPED")).toBe("deployment-stopped");
    expect(howSettled(waiting, "ROLLBACK_REQUESTED")).toBe("deployment-rolled-back");
    expect(howSettled(undefined, "SUCCESSFUL")).toBe("deployment-finished");
    expect(howSettled(undefined, "IN_PROGRESS")).toBeUndefined();
  });

  it("names who decided and when, where a person did", () => {
    const april = { name: "April Approver", at: "2026-01-01T12:03:41Z" };
    expect(alreadyDecidedText("approved", april)).toBe("It was already approved by April Approver at 12:03 UTC. Nothing was changed.");
    expect(alreadyDecidedText("rolled-back")).toBe("It was already rolled back. Nothing was changed.");
    expect(alreadyDecidedText("timed-out-rolled-back", april)).toBe("Nobody decided in time: it rolled back on its own when its timeout passed. Nothing was changed.");
  });

  it("says plainly that a finished deployment cannot be stopped", () => {
    expect(alreadyFinishedText("SUCCESSFUL")).toBe("The deployment had already finished successfully. Nothing was changed.");
    expect(alreadyFinishedText("ROLLBACK_IN_PROGRESS")).toBe("This deployment is already rolling back. Nothing was changed.");
  });
});
