import { describe, expect, it } from "vitest";
import { errorsAfter, validTaskDefinition, type Edit } from "./fixtures";
import { validateTaskDefinition } from "./validation";


const app = "containerDefinitions.0";

describe("validateTaskDefinition", () => {
  it("accepts the valid definition and returns it", () => {
    const result = validateTaskDefinition(validTaskDefinition());
    expect(result).toEqual({ ok: true, value: validTaskDefinition() });
  });

  it("keeps members the editor does not edit", () => {
    const result = validateTaskDefinition({ ...validTaskDefinition(), volumes: [{ name: "cache" }], pidMode: "task" });
    expect(result.ok && result.value).toMatchObject({ volumes: [{ name: "cache" }], pidMode: "task" });
  });

  it.each([
    ["", false], ["a", true], ["a".repeat(255), true], ["a".repeat(256), false], ["web_app-2", true], ["web app", false], ["web.app", false],
  ])("family %j → valid %s", (family, valid) => {
    expect("family" in errorsAfter((task) => (task.family = family))).toBe(!valid);
  });

  it("needs a family", () => {
    expect(errorsAfter((task) => delete task.family)).toHaveProperty("family");
  });

  it.each([
    ["256", true], [".25 vCPU", true], ["0.25 vCPU", true], ["1 vcpu", true], ["1vCPU", true], [" 1024 ", true],
    ["127", false], ["128", true], ["196608", true], ["196609", false], ["abc", false], ["1.5", false], ["-256", false], ["", false],
  ])("task cpu %j → valid %s (EC2)", (cpu, valid) => {
    const errors = errorsAfter((task) => Object.assign(task, { requiresCompatibilities: ["EC2"], cpu }));
    expect("cpu" in errors).toBe(!valid);
  });

  it.each([["2048", true], ["2 GB", true], ["2GB", true], ["0.5gb", true], ["1", true], ["0", false], ["2 MB", false], ["x", false]])(
    "task memory %j → valid %s (EC2)",
    (memory, valid) => {
      const errors = errorsAfter((task, container) => {
        Object.assign(task, { requiresCompatibilities: ["EC2"], memory });
        task.containerDefinitions = [{ ...container, memory: 6, memoryReservation: undefined }];
        task.containerDefinitions[0].memory = undefined;
      });
      expect("memory" in errors).toBe(!valid);
    },
  );

  it("allows only the known network modes and compatibilities", () => {
    expect(errorsAfter((task) => Object.assign(task, { networkMode: "overlay" }))).toHaveProperty("networkMode");
    expect(errorsAfter((task) => Object.assign(task, { requiresCompatibilities: ["LAMBDA"] }))).toHaveProperty(["requiresCompatibilities.0"]);
    for (const mode of ["bridge", "host", "none"]) {
      const errors = errorsAfter((task) => {
        Object.assign(task, { networkMode: mode, requiresCompatibilities: ["EC2"] });
        for (const container of task.containerDefinitions!) container.portMappings = [];
      });
      expect(errors).toEqual({});
    }
  });

  it.each(["taskRoleArn", "executionRoleArn"] as const)("wants an IAM role ARN in %s", (field) => {
    expect(errorsAfter((task) => (task[field] = "arn:aws-cn:iam::123456789012:role/path/x"))).toEqual({});
    for (const bad of ["shop-task", "arn:aws:iam::123:role/x", "arn:aws:iam::123456789012:user/x", "arn:aws:s3:::bucket"]) {
      expect(errorsAfter((task) => (task[field] = bad))).toHaveProperty([field]);
    }
  });

  it("needs 1 to 10 containers", () => {
    expect(errorsAfter((task) => (task.containerDefinitions = []))).toHaveProperty(["containerDefinitions"]);
    expect(errorsAfter((task) => delete task.containerDefinitions)).toHaveProperty(["containerDefinitions"]);
    const many = (count: number): Edit => (task, container) => {
      task.containerDefinitions = Array.from({ length: count }, (_, i) => ({ name: `c${i}`, image: "x:1", memoryReservation: 6, cpu: 0, portMappings: i === 0 ? container.portMappings : [] }));
    };
    expect(errorsAfter(many(10))).toEqual({});
    expect(errorsAfter(many(11))).toHaveProperty(["containerDefinitions"]);
  });

  it("checks container names and reports a duplicate at the later container", () => {
    expect(errorsAfter((_, container) => (container.name = "a".repeat(256)))).toHaveProperty([`${app}.name`]);
    expect(errorsAfter((_, container) => (container.name = "a".repeat(255)))).toEqual({});
    expect(errorsAfter((_, container) => (container.name = "my app"))).toHaveProperty([`${app}.name`]);
    const errors = errorsAfter((task) => (task.containerDefinitions![1].name = "app"));
    expect(errors).toEqual({ "containerDefinitions.1.name": "Another container is already named app." });
  });

  it.each([["", false], ["nginx", true], ["a".repeat(255), true], ["a".repeat(256), false], ["nginx :1", false], [" nginx", false]])(
    "image %j → valid %s",
    (image, valid) => expect(`${app}.image` in errorsAfter((_, container) => (container.image = image))).toBe(!valid),
  );

  it("needs an essential container, treating a missing essential as true", () => {
    expect(errorsAfter((_, container) => (container.essential = false))).toHaveProperty([`${app}.essential`]);
    expect(errorsAfter((_, container) => delete container.essential)).toEqual({});
  });

  it("wants whole, non-negative container cpu and at least 6 MiB of memory", () => {
    expect(errorsAfter((_, container) => (container.cpu = -1))).toHaveProperty([`${app}.cpu`]);
    expect(errorsAfter((_, container) => (container.cpu = 0))).toEqual({});
    expect(errorsAfter((_, container) => (container.cpu = 1.5))).toHaveProperty([`${app}.cpu`]);
    expect(errorsAfter((_, container) => Object.assign(container, { memory: 6, memoryReservation: 6 }))).toEqual({});
    expect(errorsAfter((_, container) => (container.memory = 5))).toHaveProperty([`${app}.memory`]);
    expect(errorsAfter((_, container) => (container.memoryReservation = 5))).toHaveProperty([`${app}.memoryReservation`]);
    expect(errorsAfter((_, container) => (container.memoryReservation = 1025))).toHaveProperty([`${app}.memoryReservation`]);
  });
});
