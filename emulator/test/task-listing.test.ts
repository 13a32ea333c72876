import {
  CreateServiceCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RunTaskCommand,
  StopTaskCommand,
  type ECSClient,
  type ListTasksCommandInput,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./harness";
import { awsError, createFargateCluster, describeService, NETWORK, registerWebApp, waitForSteadyState } from "./fixtures";

const CLUSTER = "listing";

let local: TestEmulator;
let ecs: ECSClient;
let alphaTasks: string[];
let betaTasks: string[];
let serviceTask: string;
let stoppedAlpha: string;
let slowTask: string;

const runTasks = async (taskDefinition: string, count: number, startedBy: string) =>
  (await ecs.send(new RunTaskCommand({ cluster: CLUSTER, taskDefinition, count, startedBy, networkConfiguration: NETWORK }))).tasks!.map(
    (t) => t.taskArn!,
  );

const listTasks = async (input: Partial<ListTasksCommandInput> = {}) =>
  (await ecs.send(new ListTasksCommand({ cluster: CLUSTER, ...input }))).taskArns!;

beforeAll(async () => {
  local = await startTestEmulator({ timeScale: 60 });
  ecs = local.ecs;
  await createFargateCluster(ecs, CLUSTER);
  const serviceApp = await registerWebApp(ecs, "listed-service", "public.ecr.aws/slipway/web:1.0.0");
  await ecs.send(
    new CreateServiceCommand({ cluster: CLUSTER, serviceName: "lister", taskDefinition: serviceApp, desiredCount: 1, networkConfiguration: NETWORK }),
  );
  await waitForSteadyState(ecs, CLUSTER, "lister");
  [serviceTask] = await listTasks({ serviceName: "lister" });
  alphaTasks = await runTasks(await registerWebApp(ecs, "alpha", "public.ecr.aws/slipway/alpha:1"), 3, "alpha-job");
  betaTasks = await runTasks(await registerWebApp(ecs, "beta", "public.ecr.aws/slipway/beta:1"), 2, "beta-job");
  const slowStart = [{ name: "app", environment: [{ name: "SLIPWAY_STARTUP_SECONDS", value: "600" }] }];
  const slow = await ecs.send(
    new RunTaskCommand({ cluster: CLUSTER, taskDefinition: "beta", startedBy: "slow-job", networkConfiguration: NETWORK, overrides: { containerOverrides: slowStart } }),
  );
  slowTask = slow.tasks![0].taskArn!;
  stoppedAlpha = alphaTasks[0];
  await ecs.send(new StopTaskCommand({ cluster: CLUSTER, task: stoppedAlpha }));
});
afterAll(() => local.stop());

const sorted = (arns: string[]) => [...arns].sort();

describe("ListTasks", () => {
  it("lists the tasks meant to be running by default, service tasks included", async () => {
    expect(sorted(await listTasks())).toEqual(sorted([serviceTask, ...alphaTasks.slice(1), ...betaTasks, slowTask]));
    expect(sorted(await listTasks({ desiredStatus: "RUNNING" }))).toEqual(sorted(await listTasks()));
  });

  it("filters by family, startedBy and launch type", async () => {
    expect(sorted(await listTasks({ family: "alpha" }))).toEqual(sorted(alphaTasks.slice(1)));
    expect(sorted(await listTasks({ family: "beta" }))).toEqual(sorted([...betaTasks, slowTask]));
    expect(await listTasks({ family: "alp" })).toEqual([]);
    expect(sorted(await listTasks({ startedBy: "beta-job" }))).toEqual(sorted(betaTasks));
    expect(await listTasks({ launchType: "FARGATE" })).toHaveLength(6);
    expect(await listTasks({ launchType: "EC2" })).toEqual([]);
  });

  it("filters by desired status: STOPPED finds the stopped task, PENDING (never a desired status) finds nothing", async () => {
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [slowTask] }));
    expect(tasks![0].lastStatus).not.toBe("RUNNING");
    expect(await listTasks({ desiredStatus: "STOPPED" })).toEqual([stoppedAlpha]);
    expect(await listTasks({ desiredStatus: "STOPPED", family: "beta" })).toEqual([]);
    expect(await listTasks({ desiredStatus: "PENDING" })).toEqual([]);
  });

  it("filters by service, and refuses a service that does not exist", async () => {
    const service = await describeService(ecs, CLUSTER, "lister");
    expect(await listTasks({ serviceName: "lister" })).toEqual([serviceTask]);
    expect(await listTasks({ serviceName: service.serviceArn })).toEqual([serviceTask]);
    expect(await listTasks({ startedBy: service.deployments![0].id })).toEqual([serviceTask]);
    expect((await awsError(listTasks({ serviceName: "ghost" }))).name).toBe("ServiceNotFoundException");
  });

  it("pages through the tasks with maxResults and nextToken", async () => {
    const everything = await listTasks();
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await ecs.send(new ListTasksCommand({ cluster: CLUSTER, maxResults: 2, nextToken }));
      pages.push(page.taskArns!);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
    expect(pages.flat()).toEqual(everything);
  });

  it("refuses maxResults outside 1–100 and a nextToken it did not hand out", async () => {
    for (const maxResults of [0, 101]) {
      expect((await awsError(listTasks({ maxResults }))).name).toBe("InvalidParameterException");
    }
    expect((await awsError(listTasks({ nextToken: "not-a-token" }))).name).toBe("InvalidParameterException");
    expect((await awsError(listTasks({ cluster: "no-such-cluster" }))).name).toBe("ClusterNotFoundException");
  });
});

describe("DescribeTasks", () => {
  it("describes tasks by id and by ARN, and reports unknown ones as MISSING", async () => {
    const unknownId = "0123456789abcdef0123456789abcdef";
    const byId = betaTasks[0].split("/").pop()!;
    const { tasks, failures } = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [byId, betaTasks[1], unknownId] }));
    expect(tasks!.map((t) => t.taskArn)).toEqual(betaTasks);
    expect(tasks!.every((t) => t.startedBy === "beta-job" && t.taskDefinitionArn?.includes(":task-definition/beta:1"))).toBe(true);
    expect(failures).toEqual([{ arn: `arn:aws:ecs:us-east-1:000000000000:task/${CLUSTER}/${unknownId}`, reason: "MISSING" }]);
  });

  it("describes a stopped task with its stop code", async () => {
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [stoppedAlpha] }));
    expect(tasks![0]).toMatchObject({ taskArn: stoppedAlpha, desiredStatus: "STOPPED", stopCode: "UserInitiated" });
  });

  it("refuses an empty list and more than 100 tasks", async () => {
    const empty = await awsError(ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [] })));
    expect(empty.name).toBe("InvalidParameterException");
    const tooMany = Array.from({ length: 101 }, (_, i) => i.toString(16).padStart(32, "0"));
    const error = await awsError(ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: tooMany })));
    expect(error.name).toBe("InvalidParameterException");
    const hundred = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: tooMany.slice(0, 100) }));
    expect(hundred.failures).toHaveLength(100);
  });
});
