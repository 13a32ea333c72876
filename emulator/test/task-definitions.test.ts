import {
  DeleteTaskDefinitionsCommand,
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  paginateListTaskDefinitions,
  RegisterTaskDefinitionCommand,
  type ECSClient,
  type RegisterTaskDefinitionCommandInput,
  type TaskDefinition,
} from "@aws-sdk/client-ecs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./harness";

const ACCOUNT = "000000000000";
const arnOf = (familyRevision: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${familyRevision}`;

const fargateInput = (family: string, overrides: Partial<RegisterTaskDefinitionCommandInput> = {}): RegisterTaskDefinitionCommandInput => ({
  family,
  requiresCompatibilities: ["FARGATE"],
  networkMode: "awsvpc",
  cpu: "256",
  memory: "512",
  containerDefinitions: [{ name: "web", image: "nginx:1.27", portMappings: [{ containerPort: 80 }] }],
  ...overrides,
});

const bridgeInput = (family: string): RegisterTaskDefinitionCommandInput => ({
  family,
  containerDefinitions: [{ name: "worker", image: "busybox", memory: 128, portMappings: [{ containerPort: 8080 }] }],
});

async function register(ecs: ECSClient, input: RegisterTaskDefinitionCommandInput): Promise<TaskDefinition> {
  return (await ecs.send(new RegisterTaskDefinitionCommand(input))).taskDefinition!;
}

/** The AWS error a call fails with; fails the test if the call succeeds. */
async function awsError(call: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

describe("RegisterTaskDefinition", () => {
  it("registers revision 1 with what ECS fills in", async () => {
    const before = local.emulator.world.clock.nowMs();
    const td = await register(
      local.ecs,
      fargateInput("web", {
        cpu: "0.25 vCPU",
        memory: "0.5 GB",
        taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-task`,
        containerDefinitions: [
          {
            name: "web",
            image: "nginx:1.27",
            portMappings: [{ containerPort: 80, name: "http", appProtocol: "http" }],
            healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] },
            command: ["nginx", "-g", "daemon off;"],
          },
        ],
      }),
    );
    expect(td).toMatchObject({
      taskDefinitionArn: arnOf("web:1"),
      family: "web",
      revision: 1,
      status: "ACTIVE",
      networkMode: "awsvpc",
      cpu: "256",
      memory: "512",
      requiresCompatibilities: ["FARGATE"],
      compatibilities: ["EC2", "FARGATE"],
      registeredBy: `arn:aws:iam::${ACCOUNT}:root`,
      volumes: [],
      placementConstraints: [],
    });
    expect(td.registeredAt!.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(td.requiresAttributes).toEqual(
      expect.arrayContaining([{ name: "ecs.capability.task-eni" }, { name: "com.amazonaws.ecs.capability.task-iam-role" }]),
    );
    expect(td.containerDefinitions).toEqual([
      {
        name: "web",
        image: "nginx:1.27",
        cpu: 0,
        essential: true,
        portMappings: [{ containerPort: 80, hostPort: 80, protocol: "tcp", name: "http", appProtocol: "http" }],
        command: ["nginx", "-g", "daemon off;"],
        environment: [],
        mountPoints: [],
        volumesFrom: [],
        systemControls: [],
        healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval: 30, timeout: 5, retries: 3, startPeriod: 0 },
      },
    ]);
  });

  it("counts revisions up per family", async () => {
    const revisions = [];
    for (let i = 0; i < 3; i++) revisions.push((await register(local.ecs, bridgeInput("counter"))).revision);
    expect(revisions).toEqual([1, 2, 3]);
    expect((await register(local.ecs, bridgeInput("counter-other"))).revision).toBe(1);
  });

  it("keeps bridge definitions EC2-only and leaves dynamic host ports alone", async () => {
    const td = await register(local.ecs, bridgeInput("bridge-app"));
    expect(td.networkMode).toBe("bridge");
    expect(td.compatibilities).toEqual(["EC2"]);
    expect(td.containerDefinitions![0].portMappings).toEqual([{ containerPort: 8080, protocol: "tcp" }]);
  });

  it("lists FARGATE for an EC2 definition that meets Fargate's rules", async () => {
    const td = await register(local.ecs, fargateInput("ec2-awsvpc", { requiresCompatibilities: ["EC2"] }));
    expect(td.compatibilities).toEqual(["EC2", "FARGATE"]);
  });

  it("keeps the fields people use", async () => {
    const td = await register(local.ecs, {
      family: "full",
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/exec`,
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      cpu: "1024",
      memory: "2048",
      runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" },
      volumes: [{ name: "cache" }],
      containerDefinitions: [
        {
          name: "app",
          image: "app:2",
          cpu: 512,
          memory: 1024,
          memoryReservation: 512,
          environment: [{ name: "MODE", value: "prod" }],
          secrets: [{ name: "DB", valueFrom: "arn:aws:ssm:us-east-1:000000000000:parameter/db" }],
          entryPoint: ["/bin/sh", "-c"],
          logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/app" } },
          stopTimeout: 60,
          dependsOn: [{ containerName: "init", condition: "SUCCESS" }],
          mountPoints: [{ sourceVolume: "cache", containerPath: "/cache", readOnly: false }],
        },
        { name: "init", image: "busybox", essential: false },
      ],
    });
    expect(td).toMatchObject({ runtimePlatform: { cpuArchitecture: "ARM64" }, volumes: [{ name: "cache" }], executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/exec` });
    expect(td.containerDefinitions![0]).toMatchObject({
      memoryReservation: 512,
      environment: [{ name: "MODE", value: "prod" }],
      secrets: [{ name: "DB", valueFrom: "arn:aws:ssm:us-east-1:000000000000:parameter/db" }],
      entryPoint: ["/bin/sh", "-c"],
      logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/app" } },
      stopTimeout: 60,
      dependsOn: [{ containerName: "init", condition: "SUCCESS" }],
    });
    expect(td.containerDefinitions![1]).toMatchObject({ name: "init", essential: false, cpu: 0 });
    expect(td.requiresAttributes).toEqual(expect.arrayContaining([{ name: "ecs.capability.execution-role-awslogs" }, { name: "ecs.capability.container-ordering" }]));
  });

  it.each([
    ["cpu Fargate has no size for", { cpu: "384" }, "Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."],
    ["memory outside the cpu's range", { cpu: "256", memory: "4096" }, "No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid values."],
    ["unreadable memory", { memory: "lots" }, "Invalid 'memory' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."],
    ["bridge networking", { networkMode: "bridge" as const }, "Fargate only supports network mode \u2018awsvpc\u2019."],
  ])("refuses a Fargate definition with %s (ClientException)", async (_, overrides, message) => {
    const error = await awsError(local.ecs.send(new RegisterTaskDefinitionCommand(fargateInput("bad-fargate", overrides))));
    expect(error.name).toBe("ClientException");
    expect(error.message).toBe(message);
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it("refuses duplicate container names and a definition without an essential container", async () => {
    const twins = fargateInput("twins", { containerDefinitions: [{ name: "a", image: "x" }, { name: "a", image: "y" }] });
    const duplicate = await awsError(local.ecs.send(new RegisterTaskDefinitionCommand(twins)));
    expect([duplicate.name, duplicate.message]).toEqual(["ClientException", "Container names must be unique within a Task Definition."]);
    const idle = fargateInput("idle", { containerDefinitions: [{ name: "a", image: "x", essential: false }] });
    const noEssential = await awsError(local.ecs.send(new RegisterTaskDefinitionCommand(idle)));
    expect([noEssential.name, noEssential.message]).toEqual(["ClientException", "Task definition doesn't have any essential container."]);
  });

  it("uses no revision number for a refused registration", async () => {
    await register(local.ecs, bridgeInput("refused"));
    await awsError(local.ecs.send(new RegisterTaskDefinitionCommand({ ...bridgeInput("refused"), containerDefinitions: [] })));
    await awsError(local.ecs.send(new RegisterTaskDefinitionCommand({ ...bridgeInput("refused"), tags: [{ key: "aws:reserved", value: "x" }] })));
    expect((await register(local.ecs, bridgeInput("refused"))).revision).toBe(2);
  });
});

describe("malformed requests on the wire", () => {
  async function registerRaw(body: unknown) {
    const response = await fetch(local.emulator.endpoint, {
      method: "POST",
      headers: {
        "x-amz-target": "AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition",
        "content-type": "application/x-amz-json-1.1",
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { __type: string; message: string } };
  }

  it.each([
    ["a string where a list belongs", { family: "raw", containerDefinitions: "nginx" }, /containerDefinitions/],
    ["null containers", { family: "raw", containerDefinitions: null }, /Container list cannot be empty/],
    ["a number as a container name", { family: "raw", containerDefinitions: [{ name: 7, image: "x" }] }, /containerDefinitions\[0\]\.name/],
    ["a number as the family", { family: 7, containerDefinitions: [] }, /'family'/],
    ["a string as a port", { family: "raw", containerDefinitions: [{ name: "a", image: "x", memory: 64, portMappings: [{ containerPort: "80" }] }] }, /containerPort/],
    ["an object as tags", { ...bridgeInput("raw"), tags: { team: "x" } }, /'tags'/],
  ])("answers %s with a 400 ClientException", async (_, body, message) => {
    const response = await registerRaw(body);
    expect(response.status).toBe(400);
    expect(response.body.__type).toBe("ClientException");
    expect(response.body.message).toMatch(message);
  });
});

describe("DescribeTaskDefinition", () => {
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) await register(local.ecs, bridgeInput("described"));
    await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: "described:3" }));
  });

  const describeDefinition = async (taskDefinition: string) =>
    (await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }))).taskDefinition!;

  it("resolves a family to its latest ACTIVE revision", async () => {
    expect((await describeDefinition("described")).revision).toBe(2);
  });

  it("resolves family:revision and full ARNs, including INACTIVE revisions", async () => {
    expect((await describeDefinition("described:1")).taskDefinitionArn).toBe(arnOf("described:1"));
    const inactive = await describeDefinition(arnOf("described:3"));
    expect([inactive.revision, inactive.status]).toEqual([3, "INACTIVE"]);
  });

  it.each(["nope", "described:9", "described:x", "arn:aws:ecs:eu-west-1:000000000000:task-definition/described:1"])(
    "answers %j with ClientException",
    async (reference) => {
      const error = await awsError(local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: reference })));
      expect([error.name, error.message]).toEqual(["ClientException", "Unable to describe task definition."]);
    },
  );
});

describe("tags", () => {
  it("returns tags from Register and from Describe with include TAGS", async () => {
    const tags = [{ key: "team", value: "shop" }, { key: "env", value: "prod" }];
    const registered = await local.ecs.send(new RegisterTaskDefinitionCommand({ ...bridgeInput("tagged"), tags }));
    expect(registered.tags).toEqual(tags);
    const described = await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "tagged:1", include: ["TAGS"] }));
    expect(described.tags).toEqual(tags);
    const plain = await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "tagged:1" }));
    expect(plain.tags).toBeUndefined();
  });

  it("refuses invalid tags", async () => {
    const error = await awsError(local.ecs.send(new RegisterTaskDefinitionCommand({ ...bridgeInput("tagged"), tags: [{ key: "", value: "x" }] })));
    expect(error.name).toBe("InvalidParameterException");
  });
});

describe("DeregisterTaskDefinition", () => {
  it("makes an ACTIVE revision INACTIVE and records when", async () => {
    await register(local.ecs, bridgeInput("retired"));
    const before = local.emulator.world.clock.nowMs();
    const { taskDefinition } = await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arnOf("retired:1") }));
    expect(taskDefinition!.status).toBe("INACTIVE");
    expect(taskDefinition!.deregisteredAt!.getTime()).toBeGreaterThanOrEqual(before - 1);
    const again = await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: "retired:1" }));
    expect(again.taskDefinition).toMatchObject({ status: "INACTIVE", deregisteredAt: taskDefinition!.deregisteredAt });
  });

  it.each(["retired", "ghost:1", "retired:0"])("answers %j with ClientException", async (reference) => {
    const error = await awsError(local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: reference })));
    expect(error.name).toBe("ClientException");
  });
});

describe("DeleteTaskDefinitions", () => {
  it("deletes only INACTIVE revisions and reports the rest as failures", async () => {
    await register(local.ecs, bridgeInput("doomed"));
    await register(local.ecs, bridgeInput("doomed"));
    await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: "doomed:1" }));
    const result = await local.ecs.send(
      new DeleteTaskDefinitionsCommand({ taskDefinitions: [arnOf("doomed:1"), "doomed:2", "doomed:7", "doomed"] }),
    );
    expect(result.taskDefinitions!.map((td) => [td.taskDefinitionArn, td.status])).toEqual([[arnOf("doomed:1"), "DELETE_IN_PROGRESS"]]);
    expect(result.taskDefinitions![0].deleteRequestedAt).toBeInstanceOf(Date);
    expect(result.failures).toEqual([
      { arn: "doomed:2", reason: "The specified task definition is still in ACTIVE status. Please deregister the target and try again." },
      { arn: "doomed:7", reason: "The specified task definition does not exist. Specify a valid account, family, revision and try again." },
      { arn: "doomed", reason: "The specified task definition identifier is invalid. Specify a valid name or ARN and try again." },
    ]);
  });

  it("keeps a deleting revision visible and never reuses its number", async () => {
    await register(local.ecs, bridgeInput("recycled"));
    await local.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: "recycled:1" }));
    await local.ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: ["recycled:1"] }));
    const described = await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "recycled:1" }));
    expect(described.taskDefinition!.status).toBe("DELETE_IN_PROGRESS");
    const listed = await local.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "recycled", status: "DELETE_IN_PROGRESS" }));
    expect(listed.taskDefinitionArns).toEqual([arnOf("recycled:1")]);
    expect((await register(local.ecs, bridgeInput("recycled"))).revision).toBe(2);
  });

  it("refuses more than 10 task definitions, or none, with InvalidParameterException", async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `doomed:${i + 1}`);
    expect((await awsError(local.ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: eleven })))).name).toBe("InvalidParameterException");
    expect((await awsError(local.ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: [] })))).name).toBe("InvalidParameterException");
  });
});

describe("listing", () => {
  let listing: TestEmulator;
  beforeAll(async () => {
    listing = await startTestEmulator();
    for (const family of ["beta", "alpha", "gamma"]) {
      for (let i = 0; i < 2; i++) await register(listing.ecs, bridgeInput(family));
    }
    await register(listing.ecs, bridgeInput("alphabet"));
    // gamma keeps no ACTIVE revision; beta keeps one.
    for (const reference of ["gamma:1", "gamma:2", "beta:1"]) {
      await listing.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: reference }));
    }
  });
  afterAll(() => listing.stop());

  it("lists ACTIVE revisions by family then revision, ascending by default", async () => {
    const { taskDefinitionArns } = await listing.ecs.send(new ListTaskDefinitionsCommand({}));
    expect(taskDefinitionArns).toEqual(["alpha:1", "alpha:2", "alphabet:1", "beta:2"].map(arnOf));
  });

  it("sorts DESC, filters by status and by the full family name", async () => {
    const desc = await listing.ecs.send(new ListTaskDefinitionsCommand({ sort: "DESC" }));
    expect(desc.taskDefinitionArns).toEqual(["beta:2", "alphabet:1", "alpha:2", "alpha:1"].map(arnOf));
    const inactive = await listing.ecs.send(new ListTaskDefinitionsCommand({ status: "INACTIVE" }));
    expect(inactive.taskDefinitionArns).toEqual(["beta:1", "gamma:1", "gamma:2"].map(arnOf));
    const alpha = await listing.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "alpha", sort: "DESC" }));
    expect(alpha.taskDefinitionArns).toEqual(["alpha:2", "alpha:1"].map(arnOf));
  });

  it("pages with maxResults and a nextToken that round-trips", async () => {
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await listing.ecs.send(new ListTaskDefinitionsCommand({ status: "INACTIVE", maxResults: 2, nextToken }));
      pages.push(page.taskDefinitionArns!);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages).toEqual([["beta:1", "gamma:1"].map(arnOf), ["gamma:2"].map(arnOf)]);

    const viaPaginator: string[] = [];
    for await (const page of paginateListTaskDefinitions({ client: listing.ecs, pageSize: 1 }, { sort: "DESC" })) {
      viaPaginator.push(...page.taskDefinitionArns!);
    }
    expect(viaPaginator).toEqual(["beta:2", "alphabet:1", "alpha:2", "alpha:1"].map(arnOf));
  });

  it("refuses a bad maxResults or nextToken with InvalidParameterException", async () => {
    for (const request of [{ maxResults: 0 }, { maxResults: 101 }, { nextToken: "not-a-token" }]) {
      const error = await awsError(listing.ecs.send(new ListTaskDefinitionsCommand(request)));
      expect(error.name).toBe("InvalidParameterException");
    }
  });

  it("lists families with and without ACTIVE revisions", async () => {
    const families = async (status?: "ACTIVE" | "INACTIVE" | "ALL") =>
      (await listing.ecs.send(new ListTaskDefinitionFamiliesCommand({ status }))).families;
    expect(await families()).toEqual(["alpha", "alphabet", "beta", "gamma"]);
    expect(await families("ALL")).toEqual(["alpha", "alphabet", "beta", "gamma"]);
    expect(await families("ACTIVE")).toEqual(["alpha", "alphabet", "beta"]);
    expect(await families("INACTIVE")).toEqual(["gamma"]);
  });

  it("filters families by prefix and pages them", async () => {
    const first = await listing.ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: "alph", maxResults: 1 }));
    expect(first.families).toEqual(["alpha"]);
    const second = await listing.ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: "alph", maxResults: 1, nextToken: first.nextToken }));
    expect([second.families, second.nextToken]).toEqual([["alphabet"], undefined]);
  });

  it("refuses an unknown status", async () => {
    const error = await awsError(listing.ecs.send(new ListTaskDefinitionsCommand({ status: "GONE" as never })));
    expect(error.name).toBe("ClientException");
  });
});

describe("across a restart", () => {
  it("keeps task definitions and continues their revisions", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "local-ecs-td-"));
    try {
      const first = await startTestEmulator({ dataDir });
      await register(first.ecs, bridgeInput("durable"));
      await first.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: "durable:1" }));
      await first.stop();

      const second = await startTestEmulator({ dataDir });
      try {
        const { taskDefinition } = await second.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "durable:1" }));
        expect(taskDefinition!.status).toBe("INACTIVE");
        expect(taskDefinition!.registeredAt).toBeInstanceOf(Date);
        expect((await register(second.ecs, bridgeInput("durable"))).revision).toBe(2);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
