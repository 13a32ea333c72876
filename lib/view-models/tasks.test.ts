import type { Task } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { groupTasksByRevision, serviceOfGroup, stoppedTasks, toTaskRow } from "./tasks";

const TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/web";
const at = (minute: number) => new Date(Date.UTC(2025, 5, 1, 12, minute));
const task = (id: string, fields: Partial<Task>): Task => ({
  taskArn: `arn:aws:ecs:us-east-1:123456789012:task/shop/${id}`,
  group: "service:web",
  desiredStatus: "RUNNING",
  lastStatus: "RUNNING",
  ...fields,
});

describe("toTaskRow", () => {
  it("keeps what a tasks table shows, with dates as ISO strings", () => {
    const row = toTaskRow(task("a1", { taskDefinitionArn: `${TD}:4`, capacityProviderName: "FARGATE_SPOT", launchType: "FARGATE", createdAt: at(1), healthStatus: "HEALTHY" }));
    expect(row).toMatchObject({ id: "a1", service: "web", taskDefinition: { label: "web:4" }, capacity: "FARGATE_SPOT", createdAt: "2025-06-01T12:01:00.000Z", health: "HEALTHY" });
    expect(toTaskRow(task("b2", { launchType: "EC2", group: "family:web" }))).toMatchObject({ capacity: "EC2", service: undefined });
  });

  it("reads the service from ECS's group", () => {
    expect(serviceOfGroup("service:api")).toBe("api");
    expect(serviceOfGroup("nightly-report")).toBeUndefined();
    expect(serviceOfGroup(undefined)).toBeUndefined();
  });
});

describe("groupTasksByRevision", () => {
  it("groups tasks meant to run by revision, newest revision first, counting running, starting and unhealthy", () => {
    const groups = groupTasksByRevision([
      task("old-1", { taskDefinitionArn: `${TD}:3`, createdAt: at(1) }),
      task("new-1", { taskDefinitionArn: `${TD}:4`, lastStatus: "PENDING", createdAt: at(5) }),
      task("new-2", { taskDefinitionArn: `${TD}:4`, healthStatus: "UNHEALTHY", createdAt: at(6) }),
      task("gone", { taskDefinitionArn: `${TD}:2`, desiredStatus: "STOPPED", lastStatus: "STOPPED" }),
    ]);
    expect(groups.map((group) => [group.taskDefinition?.label, group.running, group.starting, group.unhealthy, group.tasks.map((row) => row.id)])).toEqual([
      ["web:4", 1, 1, 1, ["new-2", "new-1"]],
      ["web:3", 1, 0, 0, ["old-1"]],
    ]);
  });
});

describe("stoppedTasks", () => {
  it("lists stopping and stopped tasks, most recent first, with each container's exit", () => {
    const rows = stoppedTasks([
      task("early", { desiredStatus: "STOPPED", lastStatus: "STOPPED", stoppedAt: at(2), stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited", containers: [{ name: "app", exitCode: 137, reason: "OutOfMemoryError: Container killed due to memory usage" }] }),
      task("late", { desiredStatus: "STOPPED", lastStatus: "STOPPED", stoppedAt: at(9), stopCode: "UserInitiated" }),
      task("stopping", { desiredStatus: "STOPPED", lastStatus: "DEACTIVATING" }),
      task("running", {}),
    ]);
    expect(rows.map((row) => row.id)).toEqual(["stopping", "late", "early"]);
    expect(rows[2]).toMatchObject({ stopCode: "EssentialContainerExited", containers: [{ name: "app", exitCode: 137, reason: expect.stringMatching(/OutOfMemory/) }] });
  });
});
