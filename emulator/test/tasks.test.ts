import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type ECSClient,
  type RunTaskCommandInput,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./harness";
import {
  awsError,
  createFargateCluster,
  describeService,
  describeTask,
  fetchFromTask,
  NETWORK,
  registerWebApp,
  waitFor,
  waitForSteadyState,
  waitForTaskStatus,
} from "./fixtures";

const CLUSTER = "tasks";
const NO_CONTAINER_INSTANCES = "No Container Instances were found in your cluster.";

let local: TestEmulator;
let ecs: ECSClient;
let webApp: string;

beforeAll(async () => {
  local = await startTestEmulator({ timeScale: 60 });
  ecs = local.ecs;
  await createFargateCluster(ecs, CLUSTER);
  webApp = await registerWebApp(ecs, "tasks-web", "public.ecr.aws/slipway/web:1.0.0");
});
afterAll(() => local.stop());

/** An EC2-only task definition in bridge mode. */
async function registerBridgeApp(): Promise<string> {
  const { taskDefinition } = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: "tasks-bridge",
      networkMode: "bridge",
      requiresCompatibilities: ["EC2"],
      containerDefinitions: [{ name: "app", image: "public.ecr.aws/slipway/web:1.0.0", memory: 128, essential: true }],
    }),
  );
  return taskDefinition!.taskDefinitionArn!;
}

const runTask = (input: Partial<RunTaskCommandInput>) =>
  ecs.send(new RunTaskCommand({ cluster: CLUSTER, taskDefinition: webApp, networkConfiguration: NETWORK, ...input }));

describe("RunTask", () => {
  it("starts a task that reaches RUNNING and answers on the address in its network bindings", async () => {
    const { tasks, failures } = await runTask({ startedBy: "ci-job-42" });
    expect(failures).toEqual([]);
    expect(tasks).toHaveLength(1);
    const taskArn = tasks![0].taskArn!;
    expect(tasks![0]).toMatchObject({
      lastStatus: "PROVISIONING",
      desiredStatus: "RUNNING",
      startedBy: "ci-job-42",
      group: "family:tasks-web",
      taskDefinitionArn: webApp,
      launchType: "FARGATE",
      capacityProviderName: "FARGATE",
    });

    const running = await waitForTaskStatus(ecs, CLUSTER, taskArn, "RUNNING");
    expect(running.startedAt).toBeInstanceOf(Date);
    expect(running.containers![0].networkBindings![0]).toMatchObject({ bindIP: "127.0.0.1", containerPort: 8080, protocol: "tcp" });
    const page = await fetchFromTask(running, "/");
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ taskArn, image: "public.ecr.aws/slipway/web:1.0.0", taskDefinition: "tasks-web:1" });
    expect(await fetchFromTask(running, "/health")).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("starts up to 10 tasks at once, in the group it is given", async () => {
    const { tasks, failures } = await runTask({ count: 10, group: "batch:nightly" });
    expect(failures).toEqual([]);
    expect(new Set(tasks!.map((t) => t.taskArn)).size).toBe(10);
    expect(tasks!.every((t) => t.group === "batch:nightly")).toBe(true);
  });

  it.each([[0], [11]])("refuses count %i", async (count) => {
    const error = await awsError(runTask({ count, startedBy: `count-${count}` }));
    expect(error.name).toBe("InvalidParameterException");
    const listed = await ecs.send(new ListTasksCommand({ cluster: CLUSTER, startedBy: `count-${count}` }));
    expect(listed.taskArns).toEqual([]);
  });

  it("spreads tasks over a capacity provider strategy by base and weight", async () => {
    const byWeight = await runTask({
      count: 8,
      capacityProviderStrategy: [
        { capacityProvider: "FARGATE", weight: 1 },
        { capacityProvider: "FARGATE_SPOT", weight: 3 },
      ],
    });
    const providers = byWeight.tasks!.map((t) => t.capacityProviderName);
    expect(providers.filter((p) => p === "FARGATE")).toHaveLength(2);
    expect(providers.filter((p) => p === "FARGATE_SPOT")).toHaveLength(6);

    const withBase = await runTask({
      count: 4,
      capacityProviderStrategy: [
        { capacityProvider: "FARGATE", base: 3, weight: 0 },
        { capacityProvider: "FARGATE_SPOT", weight: 1 },
      ],
    });
    expect(withBase.tasks!.map((t) => t.capacityProviderName).sort()).toEqual(["FARGATE", "FARGATE", "FARGATE", "FARGATE_SPOT"]);
  });

  it("refuses a launch type together with a capacity provider strategy", async () => {
    const error = await awsError(runTask({ launchType: "FARGATE", capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }] }));
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toBe("Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
  });

  it("refuses a strategy naming a capacity provider the cluster does not have", async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: "on-demand-only", capacityProviders: ["FARGATE"] }));
    const error = await awsError(
      runTask({ cluster: "on-demand-only", capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] }),
    );
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toContain("not associated with the cluster");
  });

  it("refuses an awsvpc task without a network configuration, as ECS words it", async () => {
    const error = await awsError(runTask({ networkConfiguration: undefined }));
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toBe("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  });

  it("refuses an unknown task definition and an unknown cluster", async () => {
    expect((await awsError(runTask({ taskDefinition: "no-such-family:1" }))).name).toBe("ClientException");
    expect((await awsError(runTask({ taskDefinition: "no-such-family" }))).name).toBe("ClientException");
    expect((await awsError(runTask({ cluster: "no-such-cluster" }))).name).toBe("ClusterNotFoundException");
  });

  it("refuses a launch the task definition does not fit", async () => {
    const bridge = await registerBridgeApp();
    const fargate = await awsError(runTask({ taskDefinition: bridge, launchType: "FARGATE", networkConfiguration: undefined }));
    expect(fargate.name).toBe("InvalidParameterException");
    expect(fargate.message).toBe("Task definition does not support launch_type FARGATE.");
    const network = await awsError(runTask({ taskDefinition: bridge, launchType: "EC2" }));
    expect(network.name).toBe("InvalidParameterException");
    expect(network.message).toBe("Network Configuration is not valid for the given networkMode of this task definition.");
  });

  it("cannot place an EC2 task, as a cluster without container instances cannot", async () => {
    const bridge = await registerBridgeApp();
    const explicit = await runTask({ taskDefinition: bridge, launchType: "EC2", networkConfiguration: undefined, startedBy: "ec2-job" });
    expect(explicit.tasks).toEqual([]);
    expect(explicit.failures).toEqual([{ reason: NO_CONTAINER_INSTANCES }]);

    // Without a launch type or a default strategy, ECS falls back to EC2.
    await ecs.send(new CreateClusterCommand({ clusterName: "no-providers" }));
    const fallback = await runTask({ cluster: "no-providers", startedBy: "ec2-job" });
    expect(fallback.tasks).toEqual([]);
    expect(fallback.failures).toEqual([{ reason: NO_CONTAINER_INSTANCES }]);
    const listed = await ecs.send(new ListTasksCommand({ cluster: CLUSTER, startedBy: "ec2-job" }));
    expect(listed.taskArns).toEqual([]);
  });

  it("keeps a task's tags, shown when DescribeTasks asks for them", async () => {
    const tags = [{ key: "team", value: "payments" }, { key: "cost-centre", value: "42" }];
    const { tasks } = await runTask({ tags });
    const taskArn = tasks![0].taskArn!;
    const withTags = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [taskArn], include: ["TAGS"] }));
    expect(withTags.tasks![0].tags).toEqual(tags);
    expect((await describeTask(ecs, CLUSTER, taskArn)).tags ?? []).toEqual([]);
  });

  it("refuses more than 50 tags without starting anything", async () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    const error = await awsError(runTask({ tags, startedBy: "too-many-tags" }));
    expect(error.name).toBe("InvalidParameterException");
    const listed = await ecs.send(new ListTasksCommand({ cluster: CLUSTER, startedBy: "too-many-tags" }));
    expect(listed.taskArns).toEqual([]);
  });

  it("applies container overrides: an environment knob makes the task fail to start", async () => {
    const { tasks } = await runTask({
      overrides: { containerOverrides: [{ name: "app", environment: [{ name: "SLIPWAY_FAIL_TO_START", value: "true" }] }] },
    });
    expect(tasks![0].overrides?.containerOverrides?.[0].environment).toEqual([{ name: "SLIPWAY_FAIL_TO_START", value: "true" }]);
    const stopped = await waitForTaskStatus(ecs, CLUSTER, tasks![0].taskArn!, "STOPPED");
    expect(stopped.stopCode).toBe("TaskFailedToStart");
    expect(stopped.stoppedReason).toContain("CannotStartContainerError");
    expect(stopped.startedAt).toBeUndefined();
    expect(stopped.containers![0]).toMatchObject({ lastStatus: "STOPPED", exitCode: 1 });
  });
});

describe("StopTask", () => {
  it("refuses a task that does not exist, by id or ARN", async () => {
    const byId = await awsError(ecs.send(new StopTaskCommand({ cluster: CLUSTER, task: "0123456789abcdef0123456789abcdef" })));
    expect(byId.name).toBe("InvalidParameterException");
    expect(byId.message).toBe("The referenced task was not found.");
    const arn = "arn:aws:ecs:us-east-1:000000000000:task/tasks/0123456789abcdef0123456789abcdef";
    expect((await awsError(ecs.send(new StopTaskCommand({ cluster: CLUSTER, task: arn })))).name).toBe("InvalidParameterException");
  });

  it("a service replaces a task a user stopped", async () => {
    await ecs.send(
      new CreateServiceCommand({ cluster: CLUSTER, serviceName: "keeper", taskDefinition: webApp, desiredCount: 2, networkConfiguration: NETWORK }),
    );
    await waitForSteadyState(ecs, CLUSTER, "keeper");
    const before = (await ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName: "keeper" }))).taskArns!;
    const victim = before[0];
    const { task } = await ecs.send(new StopTaskCommand({ cluster: CLUSTER, task: victim, reason: "Chaos drill" }));
    expect(task).toMatchObject({ desiredStatus: "STOPPED", stopCode: "UserInitiated", stoppedReason: "Chaos drill" });

    const replacements = await waitFor("the service to replace the stopped task", async () => {
      const arns = (await ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName: "keeper" }))).taskArns!;
      const service = await describeService(ecs, CLUSTER, "keeper");
      return arns.length === 2 && !arns.includes(victim) && service.runningCount === 2 ? arns : undefined;
    });
    const replacement = replacements.find((arn) => !before.includes(arn))!;
    const service = await describeService(ecs, CLUSTER, "keeper");
    expect(service.events!.map((e) => e.message)).toContain(`(service keeper) has started 1 tasks: (task ${replacement.split("/").pop()}).`);
  });
});

describe("StopTask, watched at a slow time scale", () => {
  let slow: TestEmulator;
  beforeAll(async () => {
    // Each stopping step lasts 1–2 emulated seconds: 200–400 ms here, long enough to see.
    slow = await startTestEmulator({ timeScale: 5 });
    await createFargateCluster(slow.ecs, CLUSTER);
  });
  afterAll(() => slow.stop());

  it("moves a RUNNING task through DEACTIVATING, STOPPING and DEPROVISIONING to STOPPED, and its address goes quiet", async () => {
    const taskDefinition = await registerWebApp(slow.ecs, "tasks-web", "public.ecr.aws/slipway/web:1.0.0");
    const { tasks } = await slow.ecs.send(new RunTaskCommand({ cluster: CLUSTER, taskDefinition, networkConfiguration: NETWORK }));
    const taskArn = tasks![0].taskArn!;
    const running = await waitForTaskStatus(slow.ecs, CLUSTER, taskArn, "RUNNING");
    expect((await fetchFromTask(running, "/health")).status).toBe(200);

    const { task } = await slow.ecs.send(new StopTaskCommand({ cluster: CLUSTER, task: taskArn, reason: "Maintenance window" }));
    expect(task).toMatchObject({ desiredStatus: "STOPPED", stopCode: "UserInitiated", stoppedReason: "Maintenance window" });
    const seen = [task!.lastStatus];
    const stopped = await waitFor("the task to stop", async () => {
      const current = await describeTask(slow.ecs, CLUSTER, taskArn);
      if (seen.at(-1) !== current.lastStatus) seen.push(current.lastStatus);
      return current.lastStatus === "STOPPED" ? current : undefined;
    }, 30_000, 10);

    expect(seen).toEqual(["DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED"]);
    expect(stopped.stoppingAt).toBeInstanceOf(Date);
    expect(stopped.executionStoppedAt).toBeInstanceOf(Date);
    expect(stopped.stoppedAt!.getTime()).toBeGreaterThan(stopped.executionStoppedAt!.getTime());
    expect(stopped.containers![0]).toMatchObject({ lastStatus: "STOPPED", exitCode: 0 });
    await expect(fetchFromTask(running, "/health")).rejects.toThrow();
  });
});
