import { describe, expect, it } from "vitest";
import { deleteTaskDefinitionInput, taskDefinitionRevision } from "./task-definitions";

describe("a task definition revision as operations take it", () => {
  it.each(["web:5", "my_app-2:123", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:5", "  web:5  "])("accepts %s", (value) => {
    expect(taskDefinitionRevision.safeParse(value).success).toBe(true);
  });

  it("trims what it accepts", () => {
    expect(taskDefinitionRevision.parse(" web:5 ")).toBe("web:5");
  });

  it.each([
    ["a bare family", "web"],
    ["revision 0", "web:0"],
    ["a family with a dot", "web.app:1"],
    ["an ARN without a revision", "arn:aws:ecs:us-east-1:123456789012:task-definition/web"],
    ["a service ARN", "arn:aws:ecs:us-east-1:123456789012:service/demo/web"],
    ["a family too long", `${"a".repeat(256)}:1`],
  ])("refuses %s, saying what a revision looks like", (_, value) => {
    const parsed = taskDefinitionRevision.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/family:revision \(web:7\)/);
  });

  it("asks for a revision when none is given", () => {
    const parsed = deleteTaskDefinitionInput.safeParse({ taskDefinition: " " });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["taskDefinition"], message: "Name the task definition revision." });
    expect(deleteTaskDefinitionInput.safeParse({}).success).toBe(false);
  });
});
