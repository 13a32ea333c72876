import { describe, expect, it } from "vitest";
import { failureReasons, runTaskOutcome } from "./run-task-outcome";

const task = (id: string) => ({ taskArn: `arn:aws:ecs:us-east-1:000000000000:task/demo/${id}` });
const ID_A = "3f2a9c1b0d4e4f5a8b6c7d8e9f0a1b2c";
const ID_B = "7be1c2d30a4b4c5d9e6f7a8b9c0d1e2f";

describe("runTaskOutcome", () => {
  it("names the tasks it started by their short ids", () => {
    expect(runTaskOutcome([task(ID_A)], [])).toEqual({ ok: true, message: "Started 1 task: 3f2a9c1b.", taskArns: [task(ID_A).taskArn], failed: 0 });
    expect(runTaskOutcome([task(ID_A), task(ID_B)], [])).toMatchObject({ ok: true, message: "Started 2 tasks: 3f2a9c1b, 7be1c2d3." });
  });

  it("says how many could not be placed and why, beside the ones that started", () => {
    const outcome = runTaskOutcome([task(ID_A)], [{ reason: "RESOURCE:MEMORY" }, { reason: "RESOURCE:MEMORY" }]);
    expect(outcome).toMatchObject({ ok: true, failed: 2, message: "Started 1 task: 3f2a9c1b. 2 could not be placed: RESOURCE:MEMORY (2 tasks)." });
  });

  it("is a refusal, with the reasons, when none started", () => {
    expect(runTaskOutcome([], [{ reason: "MISSING", detail: "subnet-0a1b2c3d" }, { reason: "AGENT" }])).toEqual({
      ok: false,
      message: "ECS started no task: MISSING: subnet-0a1b2c3d; AGENT.",
    });
    expect(runTaskOutcome([], [])).toEqual({ ok: false, message: "ECS started no task: ECS gave no reason." });
  });
});

describe("failureReasons", () => {
  it("counts repeated reasons once, and says when there is none", () => {
    expect(failureReasons([{ reason: "A." }, {}, { reason: "A" }])).toBe("A (2 tasks); no reason given");
  });
});
