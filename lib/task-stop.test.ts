import { describe, expect, it } from "vitest";
import { shortTaskId, stopCodeText, stopNotice } from "./task-stop";

describe("stopCodeText", () => {
  it("explains the stop codes people meet most in words", () => {
    expect(stopCodeText("UserInitiated")).toMatch(/^Someone stopped it with StopTask/);
    expect(stopCodeText("ServiceSchedulerInitiated")).toMatch(/^Its service stopped it: a deployment replaced it, the service scaled in/);
    expect(stopCodeText("EssentialContainerExited")).toBe("An essential container exited, and ECS stops the whole task when one does.");
    expect(stopCodeText("TaskFailedToStart")).toMatch(/^It never got to run: an image could not be pulled/);
    expect(stopCodeText("SpotInterruption")).toMatch(/Spot capacity/);
  });

  it("names a code it does not know rather than inventing a meaning, and says when there is none", () => {
    expect(stopCodeText("SomethingNew")).toBe("ECS gave the stop code SomethingNew.");
    expect(stopCodeText(undefined)).toBe("ECS did not say which kind of stop this was.");
  });
});

describe("shortTaskId", () => {
  it("keeps the first 8 characters of a task id", () => {
    expect(shortTaskId("3f2a1b2c3d4e5f60718293a4b5c6d7e8")).toBe("3f2a1b2c…");
  });

  it("leaves a short id whole", () => {
    expect(shortTaskId("abc123")).toBe("abc123");
  });
});

describe("stopNotice", () => {
  it("says nothing about a task meant to run", () => {
    expect(stopNotice({ desiredStatus: "RUNNING", lastStatus: "RUNNING" })).toBeUndefined();
  });

  it("calls a task on its way down stopping, with the code and ECS's reason", () => {
    expect(stopNotice({ desiredStatus: "STOPPED", lastStatus: "DEACTIVATING", stopCode: "UserInitiated", stoppedReason: "Stopped from Slipway by a user" })).toEqual({
      title: "Stopping: UserInitiated",
      explanation: stopCodeText("UserInitiated"),
      reason: "Stopped from Slipway by a user",
    });
  });

  it("calls a task that is down stopped, even without a code or a reason", () => {
    expect(stopNotice({ desiredStatus: "STOPPED", lastStatus: "STOPPED", stopCode: "TaskFailedToStart", stoppedReason: "" })).toMatchObject({
      title: "Stopped: TaskFailedToStart",
      reason: undefined,
    });
    expect(stopNotice({ lastStatus: "STOPPED" })).toMatchObject({ title: "Stopped", explanation: "ECS did not say which kind of stop this was." });
  });
});
