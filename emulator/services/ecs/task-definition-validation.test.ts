import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { AwsError } from "../../protocols/aws-error";
import { INVALID_TASK_CPU, INVALID_TASK_MEMORY, validateRegisterTaskDefinition } from "./task-definition-validation";

const web = (overrides: Partial<ContainerDefinition> = {}): ContainerDefinition => ({
  name: "web",
  image: "nginx:1.27",
  portMappings: [{ containerPort: 80 }],
  ...overrides,
});

const fargate = (overrides: Partial<RegisterTaskDefinitionCommandInput> = {}): RegisterTaskDefinitionCommandInput => ({
  family: "web",
  requiresCompatibilities: ["FARGATE"],
  networkMode: "awsvpc",
  cpu: "256",
  memory: "512",
  containerDefinitions: [web()],
  ...overrides,
});

const ec2 = (overrides: Partial<RegisterTaskDefinitionCommandInput> = {}): RegisterTaskDefinitionCommandInput => ({
  family: "worker",
  containerDefinitions: [web({ memory: 256, portMappings: [] })],
  ...overrides,
});

/** The AwsError a validation throws, so tests can assert its code and message. */
function rejection(input: unknown): AwsError {
  try {
    validateRegisterTaskDefinition(input);
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error("expected the input to be rejected");
}

function expectClientError(input: unknown, message: string | RegExp): void {
  const error = rejection(input);
  expect(error.code).toBe("ClientException");
  expect(error.statusCode).toBe(400);
  if (typeof message === "string") expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

describe("task-level cpu and memory", () => {
  it.each([
    ["256", 256],
    ["1024", 1024],
    ["0.25 vCPU", 256],
    [".5 vcpu", 512],
    ["1 vCPU", 1024],
    ["4vCPU", 4096],
  ])("reads cpu %j as %i CPU units", (cpu, units) => {
    expect(validateRegisterTaskDefinition(ec2({ cpu })).cpu).toBe(units);
  });

  it.each([
    ["512", 512],
    ["1 GB", 1024],
    ["1GB", 1024],
    ["0.5GB", 512],
    ["30 gb", 30720],
  ])("reads memory %j as %i MiB", (memory, mib) => {
    expect(validateRegisterTaskDefinition(ec2({ memory })).memory).toBe(mib);
  });

  it.each(["", "abc", "1.5", "0.1 vCPU", "100", "-256", "1 CPU", "196609"])("rejects cpu %j with ECS's message", (cpu) => {
    expectClientError(ec2({ cpu }), INVALID_TASK_CPU);
  });

  it.each(["", "lots", "0", "0.3GB", "512MiB", "1 TB"])("rejects memory %j with ECS's message", (memory) => {
    expectClientError(ec2({ memory }), INVALID_TASK_MEMORY);
  });
});

describe("Fargate", () => {
  const table: Array<[number, number[]]> = [
    [256, [512, 1024, 2048]],
    [512, [1024, 2048, 3072, 4096]],
    [1024, [2048, 5120, 8192]],
    [2048, [4096, 9216, 16384]],
    [4096, [8192, 20480, 30720]],
    [8192, [16384, 20480, 61440]],
    [16384, [32768, 40960, 122880]],
  ];

  it.each(table)("accepts cpu %i with each memory the table allows", (cpu, memories) => {
    for (const memory of memories) {
      const validated = validateRegisterTaskDefinition(fargate({ cpu: String(cpu), memory: String(memory) }));
      expect(validated.fargateCompatible).toBe(true);
    }
  });

  it.each([
    [256, 4096],
    [512, 512],
    [512, 1536],
    [1024, 9216],
    [8192, 18432],
    [16384, 36864],
  ])("rejects cpu %i with memory %i as no Fargate configuration", (cpu, memory) => {
    expectClientError(
      fargate({ cpu: String(cpu), memory: String(memory) }),
      `No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`,
    );
  });

  it("rejects a cpu value Fargate has no size for", () => {
    expectClientError(fargate({ cpu: "384", memory: "1024" }), INVALID_TASK_CPU);
  });

  it("accepts the vCPU and GB forms and converts them", () => {
    const validated = validateRegisterTaskDefinition(fargate({ cpu: "0.5 vCPU", memory: "1 GB" }));
    expect([validated.cpu, validated.memory]).toEqual([512, 1024]);
  });

  it("needs awsvpc networking, task cpu and task memory", () => {
    expectClientError(fargate({ networkMode: "bridge" }), "Fargate only supports network mode \u2018awsvpc\u2019.");
    expectClientError(fargate({ networkMode: undefined }), /only supports network mode/);
    expectClientError(fargate({ cpu: undefined }), "Fargate requires that 'cpu' be defined at the task level.");
    expectClientError(fargate({ memory: undefined }), "Fargate requires that 'memory' be defined at the task level.");
  });

  it("needs an execution role for the awslogs driver", () => {
    const logged = web({ logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web" } } });
    expectClientError(
      fargate({ containerDefinitions: [logged] }),
      "Fargate requires task definition to have execution role ARN to support log driver awslogs.",
    );
    const withRole = fargate({ containerDefinitions: [logged], executionRoleArn: "arn:aws:iam::000000000000:role/exec" });
    expect(validateRegisterTaskDefinition(withRole).fargateCompatible).toBe(true);
  });

  it("marks an EC2 definition Fargate-compatible only when it meets Fargate's rules", () => {
    const awsvpc = ec2({ networkMode: "awsvpc", cpu: "512", memory: "1024" });
    expect(validateRegisterTaskDefinition(awsvpc).fargateCompatible).toBe(true);
    expect(validateRegisterTaskDefinition(ec2({ cpu: "512", memory: "1024" })).fargateCompatible).toBe(false);
    expect(validateRegisterTaskDefinition({ ...awsvpc, memory: "700" }).fargateCompatible).toBe(false);
  });
});

describe("family and containers", () => {
  it("validates the family name", () => {
    expectClientError(ec2({ family: "" }), "Family can not be blank.");
    expectClientError(ec2({ family: undefined }), "Family can not be blank.");
    expectClientError(ec2({ family: "my app" }), "Family contains invalid characters.");
    expectClientError(ec2({ family: "app:1" }), "Family contains invalid characters.");
    expectClientError(ec2({ family: "a".repeat(256) }), /at most 255/);
    expect(validateRegisterTaskDefinition(ec2({ family: `A_${"b".repeat(250)}-9` })).family).toHaveLength(254);
  });

  it("needs between one and ten containers", () => {
    expectClientError(ec2({ containerDefinitions: [] }), "Container list cannot be empty.");
    expectClientError(ec2({ containerDefinitions: undefined }), "Container list cannot be empty.");
    const eleven = Array.from({ length: 11 }, (_, i) => web({ name: `c${i}`, memory: 64, portMappings: [] }));
    expectClientError(ec2({ containerDefinitions: eleven }), "Too many containers.");
  });

  it("validates container names and images", () => {
    expectClientError(ec2({ containerDefinitions: [web({ name: "", memory: 64 })] }), "Container.name should not be null or empty.");
    expectClientError(ec2({ containerDefinitions: [web({ name: "web.app", memory: 64 })] }), "Container.name contains invalid characters.");
    expectClientError(ec2({ containerDefinitions: [web({ image: " ", memory: 64 })] }), "Container.image should not be null or empty.");
    expectClientError(ec2({ containerDefinitions: [web({ image: undefined, memory: 64 })] }), "Container.image should not be null or empty.");
  });

  it("rejects duplicate container names", () => {
    const twins = [web({ memory: 64, portMappings: [] }), web({ memory: 64, portMappings: [] })];
    expectClientError(ec2({ containerDefinitions: twins }), "Container names must be unique within a Task Definition.");
  });

  it("needs at least one essential container (essential defaults to true)", () => {
    const sidecars = [web({ essential: false, memory: 64 }), web({ name: "log", essential: false, memory: 64, portMappings: [] })];
    expectClientError(ec2({ containerDefinitions: sidecars }), "Task definition doesn't have any essential container.");
    const oneDefault = [web({ essential: false, memory: 64 }), web({ name: "app", memory: 64, portMappings: [] })];
    expect(() => validateRegisterTaskDefinition(ec2({ containerDefinitions: oneDefault }))).not.toThrow();
  });
});

describe("container resources", () => {
  it("needs container memory when the task sets none", () => {
    expectClientError(
      ec2({ containerDefinitions: [web({ portMappings: [] })] }),
      "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified.",
    );
    expect(() => validateRegisterTaskDefinition(ec2({ containerDefinitions: [web({ memoryReservation: 128 })] }))).not.toThrow();
  });

  it("keeps container memory within the task's", () => {
    expectClientError(fargate({ containerDefinitions: [web({ memory: 1024 })] }), "The 'memory' setting for container 'web' is greater than for the task.");
    expectClientError(
      fargate({ containerDefinitions: [web({ memory: 300 }), web({ name: "b", memory: 300, portMappings: [] })] }),
      /memory reserved by all containers \(600 MiB\) is greater than for the task \(512 MiB\)/,
    );
    expectClientError(ec2({ containerDefinitions: [web({ memory: 100, memoryReservation: 200 })] }), /'memory' must be greater than or equal to 'memoryReservation'/);
    expectClientError(ec2({ containerDefinitions: [web({ memory: 4 })] }), "Invalid 'memory' setting for container 'web'. The minimum is 6 MiB.");
  });

  it("keeps the containers' total cpu within the task's", () => {
    const containers = [web({ cpu: 200 }), web({ name: "b", cpu: 100, portMappings: [] })];
    expectClientError(fargate({ containerDefinitions: containers }), "The total 'cpu' of all containers (300) is greater than for the task (256).");
    expect(() => validateRegisterTaskDefinition(fargate({ containerDefinitions: [web({ cpu: 256 })] }))).not.toThrow();
    expectClientError(ec2({ containerDefinitions: [web({ memory: 64, cpu: -1 })] }), "Invalid 'cpu' setting for container 'web'.");
  });
});

describe("port mappings", () => {
  const withPorts = (portMappings: ContainerDefinition["portMappings"], networkMode = "awsvpc" as const) =>
    fargate({ networkMode, containerDefinitions: [web({ portMappings })] });

  it("needs matching host and container ports with awsvpc and host networking", () => {
    expectClientError(withPorts([{ containerPort: 80, hostPort: 8080 }]), "When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
    expectClientError(
      ec2({ networkMode: "host", containerDefinitions: [web({ memory: 64, portMappings: [{ containerPort: 80, hostPort: 81 }] })] }),
      "When networkMode=host, the host ports and container ports in port mappings must match.",
    );
    expect(() => validateRegisterTaskDefinition(withPorts([{ containerPort: 80, hostPort: 80 }]))).not.toThrow();
  });

  it("keeps ports within 0–65535", () => {
    expectClientError(withPorts([{ containerPort: 65536 }]), "Invalid 'containerPort' setting for container 'web'.");
    expectClientError(withPorts([{ containerPort: 0 }]), "Invalid 'containerPort' setting for container 'web'.");
    expectClientError(withPorts([{ hostPort: 80 }]), "Invalid 'containerPort' setting for container 'web'.");
    const bridge = (hostPort: number) => ec2({ containerDefinitions: [web({ memory: 64, portMappings: [{ containerPort: 80, hostPort }] })] });
    expectClientError(bridge(-1), "Invalid 'hostPort' setting for container 'web'.");
    expect(() => validateRegisterTaskDefinition(bridge(0))).not.toThrow();
    expect(() => validateRegisterTaskDefinition(bridge(65535))).not.toThrow();
  });

  it("validates protocol and appProtocol", () => {
    expectClientError(withPorts([{ containerPort: 80, protocol: "sctp" as never }]), "Invalid 'protocol' setting for container 'web'.");
    expectClientError(withPorts([{ containerPort: 80, appProtocol: "ftp" as never }]), "Invalid 'appProtocol' setting for container 'web'.");
    expect(() => validateRegisterTaskDefinition(withPorts([{ containerPort: 80, name: "http", appProtocol: "http2" }]))).not.toThrow();
  });

  it("rejects duplicate container ports", () => {
    expectClientError(withPorts([{ containerPort: 80 }, { containerPort: 80 }]), "Container 'web' maps container port 80/tcp more than once.");
    expect(() => validateRegisterTaskDefinition(withPorts([{ containerPort: 53 }, { containerPort: 53, protocol: "udp" }]))).not.toThrow();
    const shared = fargate({ containerDefinitions: [web(), web({ name: "proxy" })] });
    expectClientError(shared, "Container port 80/tcp is mapped by both container 'web' and container 'proxy'.");
  });

  it("lets bridge containers reuse container ports but not host ports", () => {
    const bridge = (a: number | undefined, b: number | undefined) =>
      ec2({
        containerDefinitions: [
          web({ memory: 64, portMappings: [{ containerPort: 80, hostPort: a }] }),
          web({ name: "b", memory: 64, portMappings: [{ containerPort: 80, hostPort: b }] }),
        ],
      });
    expect(() => validateRegisterTaskDefinition(bridge(undefined, undefined))).not.toThrow();
    expect(() => validateRegisterTaskDefinition(bridge(8080, 8081))).not.toThrow();
    expectClientError(bridge(8080, 8080), "Host port 8080/tcp is mapped by both container 'web' and container 'b'.");
  });

  it("rejects duplicate port names and ports with networkMode none", () => {
    const named = fargate({
      containerDefinitions: [web({ portMappings: [{ containerPort: 80, name: "http" }, { containerPort: 81, name: "http" }] })],
    });
    expectClientError(named, "Port mapping name 'http' is used more than once in the task definition.");
    expectClientError(ec2({ networkMode: "none", containerDefinitions: [web({ memory: 64 })] }), /not supported when networkMode=none/);
  });

  it("accepts a containerPortRange instead of a containerPort", () => {
    expect(() => validateRegisterTaskDefinition(withPorts([{ containerPortRange: "8000-8010" }]))).not.toThrow();
    expectClientError(withPorts([{ containerPortRange: "8010-8000" }]), "Invalid 'containerPortRange' setting for container 'web'.");
    expectClientError(withPorts([{ containerPortRange: "8000-8010", containerPort: 8000 }]), /cannot be combined/);
  });
});

describe("environment, secrets and health checks", () => {
  const container = (overrides: Partial<ContainerDefinition>) => fargate({ containerDefinitions: [web(overrides)] });

  it("needs environment names and complete secrets", () => {
    expectClientError(container({ environment: [{ name: "", value: "x" }] }), /Every variable needs a non-empty 'name'/);
    expectClientError(container({ environment: [{ value: "x" }] }), /Every variable needs a non-empty 'name'/);
    expectClientError(container({ secrets: [{ name: "DB_PASSWORD", valueFrom: "" }] }), /Every secret needs a 'name' and a 'valueFrom'/);
    expectClientError(container({ secrets: [{ valueFrom: "arn:aws:ssm:us-east-1:000000000000:parameter/x" } as never] }), /Every secret needs/);
  });

  it("needs a health check command starting with CMD, CMD-SHELL or NONE", () => {
    expectClientError(container({ healthCheck: { command: [] } }), "Invalid 'healthCheck' setting for container 'web'. 'command' should not be null or empty.");
    expectClientError(container({ healthCheck: { command: ["curl", "-f", "http://localhost/"] } }), /must start with CMD, CMD-SHELL or NONE/);
    expectClientError(container({ healthCheck: { command: ["CMD-SHELL"] } }), /needs a command to run after CMD-SHELL/);
    for (const command of [["CMD", "true"], ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], ["NONE"]]) {
      expect(() => validateRegisterTaskDefinition(container({ healthCheck: { command } }))).not.toThrow();
    }
  });

  it.each([
    ["interval", 5, 300],
    ["timeout", 2, 60],
    ["retries", 1, 10],
    ["startPeriod", 0, 300],
  ] as const)("keeps healthCheck.%s within %i–%i", (setting, min, max) => {
    const check = (value: number) => container({ healthCheck: { command: ["CMD", "true"], [setting]: value } });
    expect(() => validateRegisterTaskDefinition(check(min))).not.toThrow();
    expect(() => validateRegisterTaskDefinition(check(max))).not.toThrow();
    expectClientError(check(min - 1), `Invalid 'healthCheck' setting for container 'web'. '${setting}' must be between ${min} and ${max}.`);
    expectClientError(check(max + 1), `Invalid 'healthCheck' setting for container 'web'. '${setting}' must be between ${min} and ${max}.`);
  });

  it("validates the log driver", () => {
    expectClientError(container({ logConfiguration: { logDriver: "stdout" as never } }), /Log driver 'stdout' is not supported/);
  });
});

describe("references between containers and volumes", () => {
  const app = web({ name: "app", portMappings: [] });

  it("checks dependsOn", () => {
    const depends = (dependsOn: ContainerDefinition["dependsOn"], target = web({ essential: false })) =>
      fargate({ containerDefinitions: [target, { ...app, dependsOn }] });
    expectClientError(depends([{ containerName: "db", condition: "START" }]), /depends on 'db', which is not another container/);
    expectClientError(depends([{ containerName: "app", condition: "START" }]), /depends on 'app', which is not another container/);
    expectClientError(depends([{ containerName: "web", condition: "READY" as never }]), /'condition' must be one of/);
    expectClientError(
      depends([{ containerName: "web", condition: "SUCCESS" }], web()),
      "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container",
    );
    expectClientError(depends([{ containerName: "web", condition: "HEALTHY" }]), /'web' has no healthCheck/);
    expect(() => validateRegisterTaskDefinition(depends([{ containerName: "web", condition: "SUCCESS" }]))).not.toThrow();
  });

  it("checks mount points and volume names", () => {
    const mounting = web({ mountPoints: [{ sourceVolume: "data", containerPath: "/data" }] });
    expectClientError(fargate({ containerDefinitions: [mounting] }), /mounts volume 'data', which is not defined/);
    expect(() => validateRegisterTaskDefinition(fargate({ containerDefinitions: [mounting], volumes: [{ name: "data" }] }))).not.toThrow();
    expectClientError(fargate({ volumes: [{ name: "data" }, { name: "data" }] }), "Volume names must be unique within a Task Definition.");
    expectClientError(fargate({ volumes: [{ name: "my data" }] }), "Volume.name contains invalid characters.");
  });
});

describe("malformed JSON types", () => {
  it.each([
    [null, "Invalid type for 'request': expected an object."],
    [[], "Invalid type for 'request': expected an object."],
    [{ family: 42, containerDefinitions: [] }, "Invalid type for 'family': expected a string."],
    [{ family: "web", containerDefinitions: "nginx" }, "Invalid type for 'containerDefinitions': expected a list."],
    [{ family: "web", containerDefinitions: [null] }, "Invalid type for 'containerDefinitions[0]': expected an object."],
    [{ family: "web", containerDefinitions: [{ name: 5 }] }, "Invalid type for 'containerDefinitions[0].name': expected a string."],
    [{ family: "web", containerDefinitions: [{ name: "a", cpu: "256" }] }, "Invalid type for 'containerDefinitions[0].cpu': expected an integer."],
    [{ family: "web", containerDefinitions: [{ name: "a", memory: 1.5 }] }, "Invalid type for 'containerDefinitions[0].memory': expected an integer."],
    [{ family: "web", containerDefinitions: [{ name: "a", essential: "true" }] }, "Invalid type for 'containerDefinitions[0].essential': expected a boolean."],
    [
      { family: "web", containerDefinitions: [{ name: "a", portMappings: [{ containerPort: "80" }] }] },
      "Invalid type for 'containerDefinitions[0].portMappings[0].containerPort': expected an integer.",
    ],
    [{ family: "web", containerDefinitions: [{ name: "a", command: "npm start" }] }, "Invalid type for 'containerDefinitions[0].command': expected a list."],
    [{ family: "web", containerDefinitions: [{ name: "a", dockerLabels: { a: 1 } }] }, "Invalid type for 'containerDefinitions[0].dockerLabels': expected a map of strings."],
    [{ family: "web", cpu: 256, containerDefinitions: [] }, "Invalid type for 'cpu': expected a string."],
    [{ family: "web", requiresCompatibilities: "FARGATE", containerDefinitions: [] }, "Invalid type for 'requiresCompatibilities': expected a list."],
    [{ family: "web", tags: [{ key: 1 }], containerDefinitions: [] }, "Invalid type for 'tags[0].key': expected a string."],
  ])("rejects %j with a ClientException naming the field", (input, message) => {
    expectClientError(input, message);
  });

  it("treats JSON null members as absent and drops members ECS does not know", () => {
    const validated = validateRegisterTaskDefinition({ ...ec2(), taskRoleArn: null, surprise: true, containerDefinitions: [{ ...web({ memory: 64 }), extra: 1 }] });
    expect(validated.request).not.toHaveProperty("surprise");
    expect(validated.request).not.toHaveProperty("taskRoleArn");
    expect(validated.containers[0]).not.toHaveProperty("extra");
  });
});
