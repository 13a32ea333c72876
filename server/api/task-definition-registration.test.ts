import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand, type RegisterTaskDefinitionCommandInput } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/task-definitions/[taskDefinition]/registration/route";
import { measureEachTestAgainst, startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { signInForTests, signOutForTests } from "@/server/testing/sign-in";

const run = promisify(execFile);

const WEB: RegisterTaskDefinitionCommandInput = {
  family: "web",
  taskRoleArn: "arn:aws:iam::000000000000:role/web-task",
  executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
  networkMode: "awsvpc",
  requiresCompatibilities: ["FARGATE"],
  cpu: "256",
  memory: "512",
  containerDefinitions: [
    {
      name: "web",
      image: "public.ecr.aws/slipway/web:1.5.0",
      essential: true,
      portMappings: [{ containerPort: 8080, protocol: "tcp" }],
      environment: [
        { name: "API_TOKEN", value: "s3cret-token" },
        { name: "LOG_LEVEL", value: "info" },
        // Secret by its value alone.
        { name: "GITHUB_PAT", value: "ghp_R8vQ2mXk7LpT4wNz9YbC1dFh6JsA3eGu5KiO" },
      ],
      secrets: [{ name: "DATABASE_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf" }],
      logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } },
    },
  ],
  tags: [
    { key: "team", value: "platform" },
    { key: "slipway:change-note", value: "Serve 1.5.0" },
  ],
};

let local: CountedLocalEcs;
beforeAll(async () => {
  local = await startCountedLocalEcs();
  for (let i = 0; i < 5; i++) await local.ecs.send(new RegisterTaskDefinitionCommand(WEB));
});
afterAll(() => local.stop());
measureEachTestAgainst(() => local);

const exportOf = (reference: string) => GET(new Request("http://slipway.test/"), { params: Promise.resolve({ taskDefinition: encodeURIComponent(reference) }) });

/** The AWS CLI test runs wherever the CLI is installed, and only there. */
const awsCliMissing = spawnSync("aws", ["--version"]).error !== undefined;

describe("exporting a revision's registration", () => {
  it("downloads web-5.json: the registration without what ECS sets itself, nor the change note", async () => {
    const response = await exportOf("web:5");

    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="web-5.json"');
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const text = await response.text();
    expect(text.endsWith("}\n")).toBe(true);
    const exported = JSON.parse(text);
    expect(Object.keys(exported)).toEqual(["family", "taskRoleArn", "executionRoleArn", "networkMode", "containerDefinitions", "requiresCompatibilities", "cpu", "memory", "tags"]);
    for (const member of ["revision", "status", "taskDefinitionArn", "registeredAt", "registeredBy", "compatibilities", "requiresAttributes"]) expect(exported).not.toHaveProperty(member);
    expect(exported.tags).toEqual([{ key: "team", value: "platform" }]);
    expect(exported.containerDefinitions[0].secrets[0].valueFrom).toBe(WEB.containerDefinitions![0]!.secrets![0]!.valueFrom);
    expect(local.calls("DescribeTaskDefinition")).toBe(1);
  });

  it("is accepted by RegisterTaskDefinition as it is, and registers the same task definition again", async () => {
    const exported = JSON.parse(await (await exportOf("web:5")).text());
    const { taskDefinition } = await local.ecs.send(new RegisterTaskDefinitionCommand(exported));

    expect(taskDefinition!.revision).toBe(6);
    const original = (await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "web:5" }))).taskDefinition!;
    expect(taskDefinition!.containerDefinitions).toEqual(original.containerDefinitions);
    expect([taskDefinition!.cpu, taskDefinition!.memory, taskDefinition!.networkMode]).toEqual([original.cpu, original.memory, original.networkMode]);
  });

  it.skipIf(awsCliMissing)("is accepted by `aws ecs register-task-definition --cli-input-json`", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "slipway-export-")), "web-5.json");
    await writeFile(file, await (await exportOf("web:5")).text());
    const env = { ...process.env, AWS_ACCESS_KEY_ID: "local", AWS_SECRET_ACCESS_KEY: "local", AWS_DEFAULT_REGION: "us-east-1", AWS_PAGER: "" };
    const { stdout } = await run(
      "aws",
      ["ecs", "register-task-definition", "--cli-input-json", `file://${file}`, "--endpoint-url", local.emulator.endpoint, "--output", "json"],
      { env },
    );

    expect(JSON.parse(stdout).taskDefinition).toMatchObject({ family: "web", status: "ACTIVE", containerDefinitions: [expect.objectContaining({ image: "public.ecr.aws/slipway/web:1.5.0" })] });
  });

  it("hides secret values from someone whose role may not see them, and still downloads", async () => {
    await signInForTests({ id: "vera", name: "Vera", roles: ["viewer"] });
    const text = await (await exportOf("web:1")).text();

    expect(text).not.toContain("s3cret-token");
    expect(text).not.toContain("secret:db-AbCdEf");
    expect(text).not.toContain("ghp_");
    expect(JSON.parse(text).containerDefinitions[0].environment).toContainEqual({ name: "GITHUB_PAT", value: "••••••" });
    expect(text).toContain("LOG_LEVEL");
  });

  it("answers 404 with the reason for a revision ECS does not have", async () => {
    const response = await exportOf("web:99");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: expect.objectContaining({ code: "not-found", detail: expect.stringContaining("web:99") }) });
  });

  it("answers 400 for something that names no revision, before any AWS call", async () => {
    const response = await exportOf("web");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.objectContaining({ code: "invalid-input" }) });
    expect(local.calls("DescribeTaskDefinition")).toBe(0);
  });

  it("answers 401 to someone signed out, with nothing read", async () => {
    await signOutForTests();
    expect((await exportOf("web:5")).status).toBe(401);
    expect(local.calls("DescribeTaskDefinition")).toBe(0);
  });
});
