import {
  ContinueServiceDeploymentCommand,
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeTasksCommand,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type ECSClient,
  type ListServiceDeploymentsCommandInput,
  type ServiceDeployment,
  type Task,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./harness";
import {
  awsError,
  createFargateCluster,
  describeService,
  describeServiceDeployment,
  NETWORK,
  registerWebApp,
  waitFor,
  waitForSteadyState,
} from "./fixtures";

const UNKNOWN_DEPLOYMENT_ARN = "arn:aws:ecs:us-east-1:000000000000:service-deployment/history/web/doesNotExist1";

/** Polls a service deployment until `done`, recording each status it shows on the way. */
async function watchStatuses(ecs: ECSClient, arn: string, done: string): Promise<{ seen: string[]; last: ServiceDeployment }> {
  const seen: string[] = [];
  const last = await waitFor(`service deployment to be ${done}`, async () => {
    const sd = await describeServiceDeployment(ecs, arn);
    if (seen.at(-1) !== sd.status) seen.push(sd.status!);
    return sd.status === done ? sd : undefined;
  }, 30_000, 10);
  return { seen, last };
}

describe("service deployment history", () => {
  const CLUSTER = "history";
  let local: TestEmulator;
  let ecs: ECSClient;
  let taskDefinition: string;
  /** The service's deployments, oldest first. */
  const arns: string[] = [];

  beforeAll(async () => {
    local = await startTestEmulator({ timeScale: 60 });
    ecs = local.ecs;
    await createFargateCluster(ecs, CLUSTER);
    taskDefinition = await registerWebApp(ecs, "history-web", "public.ecr.aws/slipway/web:1.0.0");
  });
  afterAll(() => local.stop());

  const list = async (input: Partial<ListServiceDeploymentsCommandInput> = {}) =>
    ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: "web", ...input }));

  it("CreateService makes one service deployment, which ends SUCCESSFUL with the target revision's counts", async () => {
    const { service } = await ecs.send(
      new CreateServiceCommand({ cluster: CLUSTER, serviceName: "web", taskDefinition, desiredCount: 2, networkConfiguration: NETWORK }),
    );
    arns.push(service!.currentServiceDeployment!);
    expect(arns[0]).toMatch(/^arn:aws:ecs:us-east-1:000000000000:service-deployment\/history\/web\/\S+$/);
    const briefs = (await list()).serviceDeployments!;
    expect(briefs).toHaveLength(1);
    expect(briefs[0]).toMatchObject({ serviceDeploymentArn: arns[0], serviceArn: service!.serviceArn, clusterArn: service!.clusterArn });

    const { last } = await watchStatuses(ecs, arns[0], "SUCCESSFUL");
    expect(briefs[0].targetServiceRevisionArn).toBe(last.targetServiceRevision!.arn);
    expect(last.targetServiceRevision).toMatchObject({ requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0 });
    expect(last.sourceServiceRevisions).toEqual([]);
    expect(last.finishedAt).toBeInstanceOf(Date);
    expect(last.deploymentConfiguration).toMatchObject({ minimumHealthyPercent: 100, maximumPercent: 200 });
  });

  it("DescribeServiceRevisions returns the revision with its task definition and container images", async () => {
    const sd = await describeServiceDeployment(ecs, arns[0]);
    const revisionArn = sd.targetServiceRevision!.arn!;
    const missingArn = revisionArn.replace(/[^/]+$/, "doesNotExist1");
    const { serviceRevisions, failures } = await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [revisionArn, missingArn] }));
    expect(serviceRevisions).toHaveLength(1);
    expect(serviceRevisions![0]).toMatchObject({ serviceRevisionArn: revisionArn, serviceArn: sd.serviceArn, taskDefinition, networkConfiguration: NETWORK });
    expect(serviceRevisions![0].containerImages).toEqual([
      { containerName: "app", image: "public.ecr.aws/slipway/web:1.0.0", imageDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
    ]);
    expect(failures).toEqual([{ arn: missingArn, reason: "MISSING" }]);
  });

  it("ListServiceDeployments lists newest first, by status and by creation time", async () => {
    for (let i = 0; i < 2; i++) {
      const { service } = await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "web", forceNewDeployment: true }));
      arns.push(service!.currentServiceDeployment!);
      await watchStatuses(ecs, arns.at(-1)!, "SUCCESSFUL");
    }
    const newestFirst = [...arns].reverse();
    expect((await list()).serviceDeployments!.map((d) => d.serviceDeploymentArn)).toEqual(newestFirst);
    expect((await list({ status: ["SUCCESSFUL"] })).serviceDeployments).toHaveLength(3);
    expect((await list({ status: ["IN_PROGRESS", "ROLLBACK_FAILED"] })).serviceDeployments).toEqual([]);

    const created = await Promise.all(arns.map(async (arn) => (await describeServiceDeployment(ecs, arn)).createdAt!.getTime()));
    const between = (a: number, b: number) => new Date((a + b) / 2);
    const after = between(created[0], created[1]);
    const before = between(created[1], created[2]);
    const arnsOf = async (input: Partial<ListServiceDeploymentsCommandInput>) =>
      (await list(input)).serviceDeployments!.map((d) => d.serviceDeploymentArn);
    expect(await arnsOf({ createdAt: { after } })).toEqual([arns[2], arns[1]]);
    expect(await arnsOf({ createdAt: { before } })).toEqual([arns[1], arns[0]]);
    expect(await arnsOf({ createdAt: { after, before } })).toEqual([arns[1]]);
  });

  it("ListServiceDeployments pages with maxResults and nextToken", async () => {
    const first = await list({ maxResults: 2 });
    expect(first.serviceDeployments!.map((d) => d.serviceDeploymentArn)).toEqual([arns[2], arns[1]]);
    const second = await list({ maxResults: 2, nextToken: first.nextToken });
    expect(second.serviceDeployments!.map((d) => d.serviceDeploymentArn)).toEqual([arns[0]]);
    expect(second.nextToken).toBeUndefined();
    for (const maxResults of [0, 101]) expect((await awsError(list({ maxResults }))).name).toBe("InvalidParameterException");
    expect((await awsError(list({ nextToken: "bogus" }))).name).toBe("InvalidParameterException");
    expect((await awsError(list({ service: "ghost" }))).name).toBe("ServiceNotFoundException");
  });

  it("DescribeServiceDeployments reports unknown ARNs as MISSING and refuses none or more than 20", async () => {
    const { serviceDeployments, failures } = await ecs.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arns[0], UNKNOWN_DEPLOYMENT_ARN] }),
    );
    expect(serviceDeployments!.map((d) => d.serviceDeploymentArn)).toEqual([arns[0]]);
    expect(failures).toEqual([{ arn: UNKNOWN_DEPLOYMENT_ARN, reason: "MISSING" }]);
    const describe = (serviceDeploymentArns: string[]) => ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns }));
    expect((await awsError(describe([]))).name).toBe("InvalidParameterException");
    const twentyOne = Array.from({ length: 21 }, (_, i) => `${UNKNOWN_DEPLOYMENT_ARN}${i}`);
    expect((await awsError(describe(twentyOne))).name).toBe("InvalidParameterException");
    expect((await describe(twentyOne.slice(0, 20))).failures).toHaveLength(20);
    const revisions = await awsError(ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: twentyOne })));
    expect(revisions.name).toBe("InvalidParameterException");
  });
});

describe("service deployments created in the same emulated millisecond", () => {
  let local: TestEmulator;
  // Emulated time all but stands still, so both deployments below get the same createdAt.
  beforeAll(async () => {
    local = await startTestEmulator({ timeScale: 0.00001 });
    await createFargateCluster(local.ecs, "frozen");
  });
  afterAll(() => local.stop());

  it("are still listed newest first", async () => {
    const { ecs } = local;
    const taskDefinition = await registerWebApp(ecs, "frozen-web", "public.ecr.aws/slipway/web:1.0.0");
    const created = await ecs.send(
      new CreateServiceCommand({ cluster: "frozen", serviceName: "web", taskDefinition, desiredCount: 0, networkConfiguration: NETWORK }),
    );
    const updated = await ecs.send(new UpdateServiceCommand({ cluster: "frozen", service: "web", forceNewDeployment: true }));
    const listed = (await ecs.send(new ListServiceDeploymentsCommand({ cluster: "frozen", service: "web" }))).serviceDeployments!;
    expect(listed.map((d) => d.serviceDeploymentArn)).toEqual([updated.service!.currentServiceDeployment, created.service!.currentServiceDeployment]);
    expect(listed[0].createdAt).toEqual(listed[1].createdAt);
  });
});

describe("stopping a service deployment", () => {
  const CLUSTER = "stops";
  let local: TestEmulator;
  let ecs: ECSClient;
  let v1: string;
  let slowV2: string;

  beforeAll(async () => {
    // Slow enough to see each requested / in-progress status (each lasts about 100 ms here).
    local = await startTestEmulator({ timeScale: 10 });
    ecs = local.ecs;
    await createFargateCluster(ecs, CLUSTER);
    v1 = await registerWebApp(ecs, "stops-web", "public.ecr.aws/slipway/web:1.0.0");
    slowV2 = await registerWebApp(ecs, "stops-web", "public.ecr.aws/slipway/web:2.0.0", [{ name: "SLIPWAY_STARTUP_SECONDS", value: "600" }]);
  });
  afterAll(() => local.stop());

  async function serviceTasks(serviceName: string): Promise<Task[]> {
    const arns = (await ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName }))).taskArns!;
    return (await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: arns }))).tasks!;
  }

  /** A steady service of 2 on v1, then a rolling deployment to v2 whose tasks stay PENDING. */
  async function stuckDeployment(serviceName: string): Promise<{ arn: string; firstArn: string; v1Tasks: string[] }> {
    const created = await ecs.send(
      new CreateServiceCommand({ cluster: CLUSTER, serviceName, taskDefinition: v1, desiredCount: 2, networkConfiguration: NETWORK }),
    );
    await waitForSteadyState(ecs, CLUSTER, serviceName);
    const v1Tasks = (await serviceTasks(serviceName)).map((t) => t.taskArn!).sort();
    const { service } = await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: serviceName, taskDefinition: slowV2 }));
    await waitFor("the new tasks to be PENDING", async () => {
      const pending = (await serviceTasks(serviceName)).filter((t) => t.taskDefinitionArn === slowV2 && t.lastStatus === "PENDING");
      return pending.length === 2 ? pending : undefined;
    });
    expect((await describeServiceDeployment(ecs, service!.currentServiceDeployment!)).status).toBe("IN_PROGRESS");
    return { arn: service!.currentServiceDeployment!, firstArn: created.service!.currentServiceDeployment!, v1Tasks };
  }

  it("ROLLBACK goes ROLLBACK_REQUESTED → ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCESSFUL, back on the old task definition", async () => {
    const { arn, v1Tasks } = await stuckDeployment("rollback");
    const stopped = await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: "ROLLBACK" }));
    expect(stopped.serviceDeploymentArn).toBe(arn);
    const { seen, last } = await watchStatuses(ecs, arn, "ROLLBACK_SUCCESSFUL");

    expect(seen).toEqual(["ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL"]);
    expect(last.rollback?.serviceRevisionArn).toBe(last.sourceServiceRevisions![0].arn);
    const service = await waitForSteadyState(ecs, CLUSTER, "rollback");
    expect(service.taskDefinition).toBe(v1);
    expect(service.events!.some((e) => e.message?.startsWith("(service rollback) rolling back to deployment"))).toBe(true);
    // The old tasks kept serving throughout; only the new ones went.
    expect((await serviceTasks("rollback")).map((t) => t.taskArn!).sort()).toEqual(v1Tasks);
    const stoppedArns = (await ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName: "rollback", desiredStatus: "STOPPED" }))).taskArns!;
    const stoppedTasks = (await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: stoppedArns }))).tasks!;
    expect(stoppedTasks.map((t) => t.taskDefinitionArn)).toEqual([slowV2, slowV2]);
  });

  it("ABORT goes STOP_REQUESTED → STOPPED and leaves the tasks where they are", async () => {
    const { arn } = await stuckDeployment("abort");
    const before = (await serviceTasks("abort")).map((t) => t.taskArn!).sort();
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: "ABORT" }));
    const { seen, last } = await watchStatuses(ecs, arn, "STOPPED");

    expect(seen).toEqual(["STOP_REQUESTED", "STOPPED"]);
    expect(last.stoppedAt).toBeInstanceOf(Date);
    const tasks = await serviceTasks("abort");
    expect(tasks.map((t) => t.taskArn!).sort()).toEqual(before);
    expect(tasks.filter((t) => t.taskDefinitionArn === slowV2).map((t) => t.lastStatus)).toEqual(["PENDING", "PENDING"]);
    const service = await describeService(ecs, CLUSTER, "abort");
    expect(service.deployments![0]).toMatchObject({ taskDefinition: slowV2, rolloutState: "FAILED" });

    const again = await awsError(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: "ABORT" })));
    expect(again.name).toBe("ConflictException");
  });

  it("refuses to stop a finished deployment, or one that does not exist", async () => {
    const { firstArn } = await stuckDeployment("finished");
    expect((await describeServiceDeployment(ecs, firstArn)).status).toBe("SUCCESSFUL");
    const finished = await awsError(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: firstArn, stopType: "ROLLBACK" })));
    expect(finished.name).toBe("ConflictException");
    const unknown = await awsError(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: UNKNOWN_DEPLOYMENT_ARN })));
    expect(unknown.name).toBe("ServiceDeploymentNotFoundException");
  });

  it("ContinueServiceDeployment refuses a hook the deployment does not have, naming it", async () => {
    const [brief] = (await ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: "finished" }))).serviceDeployments!;
    const error = await awsError(
      ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: brief.serviceDeploymentArn, hookId: "ecs-pause-0000" })),
    );
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toContain("ecs-pause-0000");
    const unknown = await awsError(
      ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: UNKNOWN_DEPLOYMENT_ARN, hookId: "ecs-pause-0000" })),
    );
    expect(unknown.name).toBe("ServiceDeploymentNotFoundException");
  });
});
