import { describe, expect, it } from "vitest";
import { errorsAfter, type Edit } from "./fixtures";
import { FARGATE_SIZES } from "./task-size";


const app = "containerDefinitions.0";
const port = (index: number, field: string) => `${app}.portMappings.${index}.${field}`;

describe("port mappings", () => {
  it.each([[0, false], [1, true], [65535, true], [65536, false]])("containerPort %d → valid %s", (value, valid) => {
    expect(port(0, "containerPort") in errorsAfter((_, c) => Object.assign(c.portMappings![0], { containerPort: value, hostPort: undefined }))).toBe(!valid);
  });

  it.each([[-1, false], [0, true], [65535, true], [65536, false]])("hostPort %d → valid %s (bridge)", (value, valid) => {
    const errors = errorsAfter((task, c) => {
      Object.assign(task, { networkMode: "bridge", requiresCompatibilities: ["EC2"] });
      c.portMappings![0].hostPort = value;
    });
    expect(port(0, "hostPort") in errors).toBe(!valid);
  });

  it("wants tcp or udp", () => {
    expect(errorsAfter((_, c) => Object.assign(c.portMappings![0], { protocol: "sctp" }))).toHaveProperty([port(0, "protocol")]);
  });

  it.each(["awsvpc", "host"])("with %s the host port equals the container port or is left out", (networkMode) => {
    const edit = (hostPort?: number): Edit => (task, c) => {
      Object.assign(task, { networkMode, requiresCompatibilities: ["EC2"] });
      c.portMappings![0].hostPort = hostPort;
    };
    expect(errorsAfter(edit(8081))).toHaveProperty([port(0, "hostPort")]);
    expect(errorsAfter(edit(undefined))).toEqual({});
    expect(errorsAfter(edit(8080))).toEqual({});
  });

  it("refuses a container port mapped twice for one protocol, but allows tcp and udp", () => {
    expect(errorsAfter((_, c) => c.portMappings!.push({ containerPort: 8080 }))).toHaveProperty([port(2, "containerPort")]);
    expect(errorsAfter((_, c) => c.portMappings!.push({ containerPort: 8080, protocol: "udp" }))).toEqual({});
  });

  it("refuses one task port in two containers with awsvpc", () => {
    const errors = errorsAfter((task) => (task.containerDefinitions![1].portMappings = [{ containerPort: 8080 }]));
    expect(errors).toHaveProperty(["containerDefinitions.1.portMappings.0.containerPort"]);
  });

  it("refuses port mappings with network mode none", () => {
    expect(errorsAfter((task) => Object.assign(task, { networkMode: "none", requiresCompatibilities: ["EC2"] }))).toHaveProperty([port(0, "containerPort")]);
  });
});

describe("environment and secrets", () => {
  it("wants named variables, unique in a container", () => {
    expect(errorsAfter((_, c) => c.environment!.push({ name: "", value: "x" }))).toHaveProperty([`${app}.environment.1.name`]);
    expect(errorsAfter((_, c) => c.environment!.push({ name: "MODE", value: "x" }))).toHaveProperty([`${app}.environment.1.name`]);
    expect(errorsAfter((task) => (task.containerDefinitions![1].environment = [{ name: "MODE", value: "y" }]))).toEqual({});
  });

  it.each([
    ["an SSM parameter ARN", "arn:aws:ssm:us-east-1:123456789012:parameter/shop/key", true],
    ["a parameter name", "shop.key", true],
    ["a parameter path", "/a/b_c-d", true],
    ["nothing", "", false],
    ["words", "has space", false],
    ["an S3 ARN", "arn:aws:s3:::bucket/key", false],
    ["2,049 characters", "x".repeat(2049), false],
  ])("valueFrom as %s → valid %s", (_, valueFrom, valid) => {
    expect(`${app}.secrets.0.valueFrom` in errorsAfter((_, c) => (c.secrets![0].valueFrom = valueFrom as string))).toBe(!valid);
  });

  it("wants a secret name", () => {
    expect(errorsAfter((_, c) => (c.secrets![0].name = ""))).toHaveProperty([`${app}.secrets.0.name`]);
  });

  it("wants command and entryPoint as lists of strings", () => {
    expect(errorsAfter((_, c) => Object.assign(c, { command: "node server.js" }))).toHaveProperty([`${app}.command`]);
    expect(errorsAfter((_, c) => Object.assign(c, { entryPoint: [1] }))).toHaveProperty([`${app}.entryPoint.0`]);
  });
});

describe("health check", () => {
  const health = (field: string) => `${app}.healthCheck.${field}`;
  it.each([
    ["interval", 5, 300], ["timeout", 2, 60], ["retries", 1, 10], ["startPeriod", 0, 300],
  ] as const)("%s is from %d to %d", (field, min, max) => {
    for (const [value, valid] of [[min - 1, false], [min, true], [max, true], [max + 1, false]] as const) {
      expect(health(field) in errorsAfter((_, c) => Object.assign(c.healthCheck!, { [field]: value }))).toBe(!valid);
    }
  });

  it.each([
    [["CMD", "true"], true], [["CMD-SHELL", "exit 0"], true], [[], false], [["curl", "x"], false], [["CMD"], false], [["NONE"], false],
  ])("command %j → valid %s", (command, valid) => {
    expect(health("command") in errorsAfter((_, c) => (c.healthCheck!.command = command))).toBe(!valid);
  });
});

describe("log configuration", () => {
  it("wants a log driver ECS knows and string options", () => {
    expect(errorsAfter((_, c) => (c.logConfiguration!.logDriver = "syslog"))).toEqual({});
    expect(errorsAfter((_, c) => Object.assign(c.logConfiguration!, { logDriver: "logentries" }))).toHaveProperty([`${app}.logConfiguration.logDriver`]);
    expect(errorsAfter((_, c) => Object.assign(c.logConfiguration!, { options: { retries: 3 } }))).toHaveProperty([`${app}.logConfiguration.options.retries`]);
  });

  it("needs an execution role for awslogs on Fargate", () => {
    expect(errorsAfter((task) => delete task.executionRoleArn)).toHaveProperty(["executionRoleArn"]);
  });
});

describe("Fargate", () => {
  const sized = (cpu: string | undefined, memory: string | undefined): Edit => (task) => {
    Object.assign(task, { cpu, memory });
    for (const container of task.containerDefinitions!) Object.assign(container, { cpu: 0, memory: undefined, memoryReservation: 6 });
  };

  it("accepts every valid cpu and memory pair", () => {
    const pairs = [...FARGATE_SIZES].flatMap(([cpu, memories]) => memories.map((memory) => [cpu, memory]));
    expect(pairs).toHaveLength(3 + 4 + 7 + 13 + 23 + 12 + 12);
    for (const [cpu, memory] of pairs) expect(errorsAfter(sized(String(cpu), String(memory))), `${cpu}/${memory}`).toEqual({});
  });

  it("names the allowed memory for an off-step value, at memory", () => {
    expect(errorsAfter(sized("256", "1536"))).toEqual({ memory: "With cpu 256, Fargate allows memory 512, 1024, 2048 (MiB)." });
    expect(errorsAfter(sized("8192", "17408")).memory).toContain("16384, 20480, 24576");
    expect(errorsAfter(sized("16384", "30720")).memory).toContain("32768, 40960");
    expect(errorsAfter(sized("0.25 vCPU", "0.5 GB"))).toEqual({});
  });

  it("names the allowed cpu values, at cpu", () => {
    expect(errorsAfter(sized("384", "1024"))).toEqual({ cpu: "Fargate allows task cpu 256, 512, 1024, 2048, 4096, 8192, 16384 (CPU units)." });
  });

  it("requires task-level cpu and memory and awsvpc", () => {
    expect(errorsAfter(sized(undefined, "2048"))).toHaveProperty(["cpu"]);
    expect(errorsAfter(sized("1024", undefined))).toHaveProperty(["memory"]);
    expect(errorsAfter((task) => Object.assign(task, { networkMode: "bridge" }))).toHaveProperty(["networkMode"]);
  });
});

describe("memory and cpu shared out of the task", () => {
  it("refuses containers that together reserve more than the task, at that container", () => {
    const errors = errorsAfter((task) => (task.containerDefinitions![1].memoryReservation = 1537));
    expect(errors).toEqual({ "containerDefinitions.1.memoryReservation": expect.stringContaining("2049 MiB") });
    expect(errorsAfter((task) => (task.containerDefinitions![1].memoryReservation = 1536))).toEqual({});
  });

  it("refuses containers that together use more cpu than the task", () => {
    expect(errorsAfter((task) => (task.containerDefinitions![1].cpu = 513))).toHaveProperty(["containerDefinitions.1.cpu"]);
    expect(errorsAfter((task) => (task.containerDefinitions![1].cpu = 512))).toEqual({});
  });

  it("without task memory, needs memory or a reservation in each container (EC2)", () => {
    const ec2: Edit = (task) => Object.assign(task, { requiresCompatibilities: ["EC2"], memory: undefined });
    expect(errorsAfter(ec2)).toEqual({});
    expect(errorsAfter((task, c) => (ec2(task, c), (task.containerDefinitions![1].memoryReservation = undefined)))).toHaveProperty([
      "containerDefinitions.1.memory",
    ]);
  });
});
