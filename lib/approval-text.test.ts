import { describe, expect, it } from "vitest";
import { approvalTimeoutText, pausedAtText } from "./approval-text";

const NOW = Date.parse("2026-01-01T12:00:00Z");

describe("pausedAtText", () => {
  it("says where the deployment waits in words", () => {
    expect(pausedAtText("PRE_PRODUCTION_TRAFFIC_SHIFT")).toBe("Paused before the production traffic shift");
    expect(pausedAtText("POST_SCALE_UP")).toBe("Paused after scale-up");
  });

  it("still reads for a stage it does not know, and for none", () => {
    expect(pausedAtText("PRE_WARM_UP")).toBe("Paused at pre warm up");
    expect(pausedAtText(undefined)).toBe("Paused");
  });
});

describe("approvalTimeoutText", () => {
  it("says what happens when the timeout comes, and when", () => {
    expect(approvalTimeoutText({ expiresAt: "2026-01-02T11:00:00Z", timeoutAction: "ROLLBACK" }, NOW)).toBe("Rolls back in 23 h unless someone decides");
    expect(approvalTimeoutText({ expiresAt: "2026-01-01T12:30:00Z", timeoutAction: "CONTINUE" }, NOW)).toBe("Continues in 30 min unless someone decides");
  });

  it("rolls back when no action is given, as ECS does", () => {
    expect(approvalTimeoutText({ expiresAt: "2026-01-01T12:00:45Z" }, NOW)).toBe("Rolls back in 45 s unless someone decides");
  });

  it("does not promise a time already gone", () => {
    expect(approvalTimeoutText({ expiresAt: "2026-01-01T11:59:00Z" }, NOW)).toBe("Rolls back any moment now: its timeout has passed");
  });

  it("says nothing without a timeout", () => {
    expect(approvalTimeoutText({}, NOW)).toBeUndefined();
  });
});
