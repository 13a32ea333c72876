import { DescribeTasksCommand, ListTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand } from "@aws-sdk/client-ecs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NETWORK } from "@/emulator/test/fixtures";
import { taskId } from "@/lib/arn";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs, useEndpoint } from "@/server/aws/test-local-ecs";
import { readTaskDetail } from "./task-detail";
import { buildShopCluster, expectAwsCalls, STOP_REASON, type ShopCluster, valueOf } from "./test-account";
import { startEcsProxy, type EcsProxy } from "./test-proxy";

let local: CountedLocalEcs;
let shop: ShopCluster;
let runningV3: string;
let proxy: EcsProxy | undefined;

beforeAll(async () => {
  local = await startCountedLocalEcs();
  shop = await buildShopCluster(local.ecs, local.elb);
  const { taskArns } = await local.ecs.send(new ListTasksCommand({ cluster: "shop", serviceName: "web" }));
  const { tasks } = await local.ecs.send(new DescribeTasksCommand({ cluster: "shop", tasks: taskArns }));
  runningV3 = tasks!.find((task) => task.taskDefinitionArn === shop.v3)!.taskArn!;
});
afterAll(() => local.stop());

measureEachTestAgainst(() => local);
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

describe("a task's page", () => {
  it("shows a running task's containers with image, status, health and ports, and the task definition it runs", async () => {
    const { task, taskDefinition } = valueOf(await readTaskDetail(CONNECTION, "shop", taskId(runningV3)));

    expect(task).toMatchObject({ id: taskId(runningV3), clusterName: "shop", service: "web", lastStatus: "RUNNING", health: "HEALTHY", capacity: "FARGATE" });
    expect(task.taskDefinition?.label).toBe("shop-web:3");
    expect(task.containers).toEqual([
      {
        name: "app",
        image: "public.ecr.aws/slipway/shop-web:3.0.0",
        imageDigest: undefined,
        lastStatus: "RUNNING",
        exitCode: undefined,
        reason: undefined,
        health: "HEALTHY",
        essential: true,
        ports: [{ containerPort: 8080, hostPort: expect.any(Number), protocol: "tcp", address: "127.0.0.1" }],
      },
    ]);
    expect(task.timestamps.startedAt! >= task.timestamps.createdAt!).toBe(true);
    expect(task.timestamps.stoppedAt).toBeUndefined();
    expect(valueOf(taskDefinition)).toMatchObject({
      ref: { label: "shop-web:3" },
      status: "ACTIVE",
      cpu: "256",
      memory: "512",
      networkMode: "awsvpc",
      containers: [{ name: "app", image: "public.ecr.aws/slipway/shop-web:3.0.0", essential: true, portMappings: [{ containerPort: 8080, protocol: "tcp" }] }],
    });

    expectAwsCalls(local, { "ecs:DescribeTasks": 1, "ecs:DescribeTaskDefinition": 1 });
  });

  it("shows why a stopped task stopped, and when", async () => {
    const { task } = valueOf(await readTaskDetail(CONNECTION, "shop", shop.stoppedTask));
    expect(task).toMatchObject({ lastStatus: "STOPPED", desiredStatus: "STOPPED", stopCode: "UserInitiated", stoppedReason: STOP_REASON });
    expect(task.containers.map((container) => [container.lastStatus, container.exitCode])).toEqual([["STOPPED", 0]]);
    const { createdAt, startedAt, stoppingAt, stoppedAt } = task.timestamps;
    expect([createdAt, startedAt, stoppingAt, stoppedAt].every(Boolean)).toBe(true);
    expect([createdAt!, startedAt!, stoppingAt!, stoppedAt!]).toEqual([createdAt!, startedAt!, stoppingAt!, stoppedAt!].sort());
  });

  it("says a task ECS does not know is not found, for the price of one call", async () => {
    const page = await readTaskDetail(CONNECTION, "shop", "0123456789abcdef0123456789abcdef");
    expect(page).toMatchObject({ ok: false, error: { code: "not-found", detail: expect.stringContaining("0123456789abcdef0123456789abcdef") } });
    expectAwsCalls(local, { "ecs:DescribeTasks": 1 });
  });

  it("keeps the task shown when its task definition cannot be read", async () => {
    proxy = await startEcsProxy(local.emulator.endpoint, {
      refuse: ({ operation }) => (operation === "DescribeTaskDefinition" ? { status: 400, type: "AccessDeniedException", message: "not authorized" } : undefined),
    });
    useEndpoint(proxy.endpoint);

    const { task, taskDefinition } = valueOf(await readTaskDetail(CONNECTION, "shop", runningV3));

    expect(taskDefinition).toMatchObject({ ok: false, error: { code: "access-denied" } });
    expect(task.containers[0]).toMatchObject({ name: "app", health: "HEALTHY", essential: undefined });
    expect(task.containers[0].ports).toHaveLength(1);
  });
});

describe("a task whose definition holds secrets", () => {
  const sessionSecret = "s3ss10n-v4lue-never-shown";
  // Named for what it is for, not what it holds: only its value says it is a secret.
  const githubPat = "ghp_R8vQ2mXk7LpT4wNz9YbC1dFh6JsA3eGu5KiO";
  const secretArn = "arn:aws:secretsmanager:us-east-1:000000000000:secret:shop/db-password-AbCdEf";
  let withSecrets: string;

  beforeAll(async () => {
    const { taskDefinition } = await local.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: "shop-secrets",
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        cpu: "256",
        memory: "512",
        containerDefinitions: [
          {
            name: "app",
            image: "public.ecr.aws/slipway/shop-web:3.0.0",
            environment: [
              { name: "LOG_LEVEL", value: "info" },
              { name: "SESSION_SECRET", value: sessionSecret },
              { name: "GITHUB_PAT", value: githubPat },
            ],
            secrets: [{ name: "DATABASE_PASSWORD", valueFrom: secretArn }],
          },
        ],
      }),
    );
    const { tasks } = await local.ecs.send(
      new RunTaskCommand({ cluster: "shop", taskDefinition: taskDefinition!.taskDefinitionArn, launchType: "FARGATE", networkConfiguration: NETWORK }),
    );
    withSecrets = tasks![0].taskArn!;
  });

  it("masks secret-looking values and secrets' sources by default, at the same cost", async () => {
    const page = valueOf(await readTaskDetail(CONNECTION, "shop", withSecrets));
    const [container] = valueOf(page.taskDefinition).containers;

    expect(container.environment).toEqual([
      { name: "LOG_LEVEL", value: "info", masked: false },
      { name: "SESSION_SECRET", value: "••••••", masked: true },
      { name: "GITHUB_PAT", value: "••••••", masked: true },
    ]);
    expect(container.secrets).toEqual([{ name: "DATABASE_PASSWORD", store: "secrets-manager", source: "••••••", masked: true }]);
    expect(JSON.stringify(page)).not.toMatch(new RegExp(`${sessionSecret}|${githubPat}|ghp_|db-password`));
    expectAwsCalls(local, { "ecs:DescribeTasks": 1, "ecs:DescribeTaskDefinition": 1 });
  });

  it("shows them to a viewer who may see secrets", async () => {
    const [container] = valueOf(valueOf(await readTaskDetail(CONNECTION, "shop", withSecrets, { canSeeSecrets: true })).taskDefinition).containers;
    expect(container.environment[1]).toEqual({ name: "SESSION_SECRET", value: sessionSecret, masked: false });
    expect(container.environment[2]).toEqual({ name: "GITHUB_PAT", value: githubPat, masked: false });
    expect(container.secrets).toEqual([{ name: "DATABASE_PASSWORD", store: "secrets-manager", source: "shop/db-password-AbCdEf", valueFrom: secretArn, masked: false }]);
  });
});
