import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTasksCommand,
  UpdateServiceCommand,
  type CreateServiceCommandInput,
  type DesiredStatus,
  type ECSClient,
  type Task,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./harness";
import { awsError, createFargateCluster, describeService, NETWORK, registerWebApp, waitFor, waitForSteadyState } from "./fixtures";

const CLUSTER = "services";
const SERVICE_ARN_PREFIX = `arn:aws:ecs:us-east-1:000000000000:service/${CLUSTER}/`;

let local: TestEmulator;
let ecs: ECSClient;
let webV1: string;
let webV2: string;

beforeAll(async () => {
  local = await startTestEmulator({ timeScale: 60 });
  ecs = local.ecs;
  await createFargateCluster(ecs, CLUSTER);
  webV1 = await registerWebApp(ecs, "svc-web", "public.ecr.aws/slipway/web:1.0.0");
  webV2 = await registerWebApp(ecs, "svc-web", "public.ecr.aws/slipway/web:1.1.0");
});
afterAll(() => local.stop());

const createService = (input: Partial<CreateServiceCommandInput> & { serviceName: string }) =>
  ecs.send(new CreateServiceCommand({ cluster: CLUSTER, taskDefinition: webV1, desiredCount: 2, networkConfiguration: NETWORK, ...input }));

async function serviceTasks(serviceName: string, desiredStatus: DesiredStatus = "RUNNING"): Promise<Task[]> {
  const arns = (await ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName, desiredStatus }))).taskArns!;
  if (arns.length === 0) return [];
  return (await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: arns }))).tasks!;
}

const serviceDeployments = async (service: string) =>
  (await ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service }))).serviceDeployments!;

const taskId = (task: Task) => task.taskArn!.split("/").pop();

describe("CreateService", () => {
  it("fills in ECS's defaults, starts the tasks and reports it in ECS's words", async () => {
    const { service } = await createService({ serviceName: "web" });
    expect(service).toMatchObject({
      serviceArn: `${SERVICE_ARN_PREFIX}web`,
      serviceName: "web",
      status: "ACTIVE",
      desiredCount: 2,
      taskDefinition: webV1,
      schedulingStrategy: "REPLICA",
      deploymentController: { type: "ECS" },
      propagateTags: "NONE",
      capacityProviderStrategy: [expect.objectContaining({ capacityProvider: "FARGATE", weight: 1 })],
    });
    expect(service!.deploymentConfiguration).toEqual({
      deploymentCircuitBreaker: { enable: false, rollback: false },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      strategy: "ROLLING",
    });
    expect(service!.deployments).toHaveLength(1);
    expect(service!.deployments![0]).toMatchObject({ status: "PRIMARY", rolloutState: "IN_PROGRESS", taskDefinition: webV1, desiredCount: 2 });
    expect(service!.deployments![0].id).toMatch(/^ecs-svc\/\d+$/);

    const steady = await waitForSteadyState(ecs, CLUSTER, "web");
    const tasks = await serviceTasks("web");
    expect(tasks).toHaveLength(2);
    expect(tasks.every((t) => t.group === "service:web" && t.startedBy === service!.deployments![0].id)).toBe(true);
    const messages = steady.events!.map((e) => e.message!);
    const started = messages.find((m) => m.startsWith("(service web) has started 2 tasks:"));
    expect(started).toMatch(/^\(service web\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/);
    for (const task of tasks) expect(started).toContain(`(task ${taskId(task)})`);
    expect(messages).toContain("(service web) has reached a steady state.");
    expect(messages).toContain(`(service web) (deployment ${service!.deployments![0].id}) deployment completed.`);
  });

  it("answers an identical repeat with the existing service, and refuses a different one", async () => {
    const before = await describeService(ecs, CLUSTER, "web");
    const { service } = await createService({ serviceName: "web" });
    expect(service!.serviceArn).toBe(before.serviceArn);
    expect(service!.createdAt).toEqual(before.createdAt);
    expect(service!.deployments!.map((d) => d.id)).toEqual(before.deployments!.map((d) => d.id));
    expect(await serviceDeployments("web")).toHaveLength(1);

    for (const different of [{ desiredCount: 3 }, { taskDefinition: webV2 }]) {
      const error = await awsError(createService({ serviceName: "web", ...different }));
      expect(error.name).toBe("InvalidParameterException");
      expect(error.message).toBe("Creation of service was not idempotent.");
    }
    const after = await describeService(ecs, CLUSTER, "web");
    expect(after).toMatchObject({ desiredCount: 2, taskDefinition: webV1 });
  });

  it.each<[string, Partial<CreateServiceCommandInput>, string]>([
    ["an unknown cluster", { cluster: "no-such-cluster" }, "ClusterNotFoundException"],
    ["an unknown task definition", { taskDefinition: "no-such-family:1" }, "ClientException"],
    ["a bad name", { serviceName: "web app!" }, "InvalidParameterException"],
    ["no desiredCount", { desiredCount: undefined }, "InvalidParameterException"],
    ["minimumHealthyPercent 101", { deploymentConfiguration: { minimumHealthyPercent: 101 } }, "InvalidParameterException"],
    ["maximumPercent 50", { deploymentConfiguration: { maximumPercent: 50 } }, "InvalidParameterException"],
    ["51 tags", { tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" })) }, "InvalidParameterException"],
  ])("refuses %s and creates nothing", async (_what, input, code) => {
    const error = await awsError(createService({ serviceName: "refused", ...input }));
    expect(error.name).toBe(code);
    const described = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ["refused"] }));
    expect(described.failures).toEqual([{ arn: `${SERVICE_ARN_PREFIX}refused`, reason: "MISSING" }]);
  });

  it("leaves no trace of a refused request in a later service's deployment history", async () => {
    const tooManyTags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    expect((await awsError(createService({ serviceName: "second-try", tags: tooManyTags }))).name).toBe("InvalidParameterException");
    await createService({ serviceName: "second-try", desiredCount: 0 });
    expect(await serviceDeployments("second-try")).toHaveLength(1);
  });
  it("gives its tasks the service's tags when propagateTags is SERVICE", async () => {
    const tags = [{ key: "team", value: "payments" }];
    await createService({ serviceName: "tagged", desiredCount: 1, propagateTags: "SERVICE", tags });
    const [task] = await waitFor("a task", async () => {
      const tasks = await serviceTasks("tagged");
      return tasks.length > 0 ? tasks : undefined;
    });
    const described = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [task.taskArn!], include: ["TAGS"] }));
    expect(described.tasks![0].tags).toEqual(tags);
  });
});

describe("UpdateService", () => {
  it("scales with desiredCount alone, in the same deployment", async () => {
    await createService({ serviceName: "scaler", desiredCount: 3 });
    const before = await waitForSteadyState(ecs, CLUSTER, "scaler");
    const deploymentId = before.deployments![0].id;

    const { service } = await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "scaler", desiredCount: 1 }));
    expect(service!.desiredCount).toBe(1);
    expect(service!.deployments!.map((d) => d.id)).toEqual([deploymentId]);
    const scaledIn = await waitFor("the scale-in", async () => {
      const described = await describeService(ecs, CLUSTER, "scaler");
      return described.runningCount === 1 && (await serviceTasks("scaler")).length === 1 ? described : undefined;
    });
    const stopped = await serviceTasks("scaler", "STOPPED");
    expect(stopped).toHaveLength(2);
    expect(stopped.every((t) => t.stopCode === "ServiceSchedulerInitiated")).toBe(true);
    expect(scaledIn.events!.some((e) => e.message!.startsWith("(service scaler) has stopped 2 running tasks:"))).toBe(true);

    await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "scaler", desiredCount: 2 }));
    const scaledOut = await waitForSteadyState(ecs, CLUSTER, "scaler");
    expect(scaledOut.runningCount).toBe(2);
    expect(scaledOut.deployments!.map((d) => d.id)).toEqual([deploymentId]);
    expect(await serviceDeployments("scaler")).toHaveLength(1);
  });

  it("starts a new deployment that replaces every task on forceNewDeployment", async () => {
    const oldTasks = (await serviceTasks("scaler")).map((t) => t.taskArn);
    const { service } = await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "scaler", forceNewDeployment: true }));
    expect(service!.deployments).toHaveLength(2);
    expect(service!.deployments![0]).toMatchObject({ status: "PRIMARY", rolloutState: "IN_PROGRESS", taskDefinition: webV1 });
    const steady = await waitForSteadyState(ecs, CLUSTER, "scaler");
    expect(steady.deployments![0].id).toBe(service!.deployments![0].id);
    const newTasks = (await serviceTasks("scaler")).map((t) => t.taskArn);
    expect(newTasks).toHaveLength(2);
    expect(newTasks.some((arn) => oldTasks.includes(arn))).toBe(false);
    const history = await serviceDeployments("scaler");
    expect(history).toHaveLength(2);
    expect(history[0].serviceDeploymentArn).toBe(service!.currentServiceDeployment);
  });

  it("starts a new deployment for a new task definition", async () => {
    const { service } = await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "scaler", taskDefinition: webV2 }));
    expect(service!.deployments![0]).toMatchObject({ status: "PRIMARY", taskDefinition: webV2 });
    const steady = await waitForSteadyState(ecs, CLUSTER, "scaler");
    expect(steady.taskDefinition).toBe(webV2);
    expect((await serviceTasks("scaler")).map((t) => t.taskDefinitionArn)).toEqual([webV2, webV2]);
    expect(await serviceDeployments("scaler")).toHaveLength(3);
  });

  it("refuses an unknown service", async () => {
    const error = await awsError(ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "ghost", desiredCount: 1 })));
    expect(error.name).toBe("ServiceNotFoundException");
  });

  it("refuses an inactive task definition or a bad deployment configuration, changing nothing", async () => {
    const retired = await registerWebApp(ecs, "svc-retired", "public.ecr.aws/slipway/web:0.9.0");
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: retired }));
    const inactive = await awsError(ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "scaler", desiredCount: 5, taskDefinition: retired })));
    expect(inactive.name).toBe("ClientException");
    const badConfig = await awsError(
      ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "scaler", desiredCount: 5, deploymentConfiguration: { maximumPercent: 50 } })),
    );
    expect(badConfig.name).toBe("InvalidParameterException");
    const after = await describeService(ecs, CLUSTER, "scaler");
    expect(after).toMatchObject({ desiredCount: 2, taskDefinition: webV2 });
    expect(after.deploymentConfiguration?.maximumPercent).toBe(200);
  });
});

describe("DeleteService", () => {
  it("refuses a service scaled above 0 without force", async () => {
    const error = await awsError(ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: "web" })));
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toBe("The service cannot be stopped while it is scaled above 0.");
    expect((await describeService(ecs, CLUSTER, "web")).status).toBe("ACTIVE");
  });

  it("with force drains the service to INACTIVE, after which the name can be used again", async () => {
    await createService({ serviceName: "doomed", tags: [{ key: "owner", value: "old-team" }] });
    await waitForSteadyState(ecs, CLUSTER, "doomed");
    const { service } = await ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: "doomed", force: true }));
    expect(service).toMatchObject({ status: "DRAINING", desiredCount: 0 });
    const notActive = await awsError(ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "doomed", desiredCount: 1 })));
    expect(notActive.name).toBe("ServiceNotActiveException");

    await waitFor("the service to become INACTIVE", async () =>
      (await describeService(ecs, CLUSTER, "doomed")).status === "INACTIVE" ? true : undefined);
    const stopped = await serviceTasks("doomed", "STOPPED");
    expect(stopped).toHaveLength(2);
    expect(stopped.every((t) => t.lastStatus === "STOPPED" && t.stopCode === "ServiceSchedulerInitiated")).toBe(true);
    expect(await serviceTasks("doomed")).toEqual([]);
    const listed = (await ecs.send(new ListServicesCommand({ cluster: CLUSTER, maxResults: 100 }))).serviceArns!;
    expect(listed).not.toContain(`${SERVICE_ARN_PREFIX}doomed`);
    expect((await awsError(ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: "doomed", force: true })))).name).toBe(
      "ServiceNotActiveException",
    );

    const again = await createService({ serviceName: "doomed", desiredCount: 1, tags: [{ key: "generation", value: "second" }] });
    expect(again.service).toMatchObject({ status: "ACTIVE", desiredCount: 1 });
    await waitForSteadyState(ecs, CLUSTER, "doomed");
    const described = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ["doomed"], include: ["TAGS"] }));
    expect(described.services![0].tags).toEqual([{ key: "generation", value: "second" }]);
  });

  it("deletes a service scaled to 0 without force", async () => {
    await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: "doomed", desiredCount: 0 }));
    const { service } = await ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: "doomed" }));
    expect(service!.status).toBe("DRAINING");
    await waitFor("the service to become INACTIVE", async () =>
      (await describeService(ecs, CLUSTER, "doomed")).status === "INACTIVE" ? true : undefined);
  });
});
