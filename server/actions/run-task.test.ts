import { CreateClusterCommand, DescribeTasksCommand, ListTasksCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFargateCluster, NETWORK, registerWebApp } from "@/emulator/test/fixtures";
import { measureEachTestAgainst, startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { runTask } from "./run-task";

const network = { subnets: NETWORK.awsvpcConfiguration.subnets, securityGroups: [], assignPublicIp: "ENABLED" as const };

describe("runTask", () => {
  let local: CountedLocalEcs;
  beforeAll(async () => {
    local = await startCountedLocalEcs();
    await createFargateCluster(local.ecs, "shop");
    // No capacity providers: ECS would place tasks on container instances, and there are none.
    await local.ecs.send(new CreateClusterCommand({ clusterName: "bare" }));
    await registerWebApp(local.ecs, "job", "public.ecr.aws/slipway/web:1.0.0", [], { containerHealthCheck: false });
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  const describeTasks = async (arns: string[]) => (await local.ecs.send(new DescribeTasksCommand({ cluster: "shop", tasks: arns }))).tasks ?? [];

  it("starts the tasks on the cluster's default capacity and names them", async () => {
    const result = await runTask({ cluster: "shop", taskDefinition: "job:1", count: "2", capacityProviderStrategy: [], network, group: "nightly" });

    expect(result.ok && result.message).toMatch(/^Started 2 tasks: [0-9a-f]{8}, [0-9a-f]{8}\.$/);
    const arns = result.ok ? result.value.taskArns : [];
    const tasks = await describeTasks(arns);
    expect(tasks.map((task) => [task.group, task.capacityProviderName, task.taskDefinitionArn?.endsWith("task-definition/job:1")])).toEqual([
      ["nightly", "FARGATE", true],
      ["nightly", "FARGATE", true],
    ]);
    const ids = arns.map((arn) => arn.slice(arn.lastIndexOf("/") + 1, arn.lastIndexOf("/") + 9));
    expect(result.ok && result.message).toBe(`Started 2 tasks: ${ids.join(", ")}.`);
    expect(local.calls("RunTask")).toBe(1);
  });

  it("runs on the capacity provider chosen, in the network given", async () => {
    const result = await runTask({
      cluster: "shop",
      taskDefinition: "job",
      count: 1,
      capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }],
      network: { subnets: ["subnet-0a1b2c3d", "subnet-0e1f2a3b"], securityGroups: ["sg-0a1b2c3d"], assignPublicIp: "DISABLED" },
    });
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/^Started 1 task: [0-9a-f]{8}\.$/) });
    const [task] = await describeTasks(result.ok ? result.value.taskArns : []);
    expect(task.capacityProviderName).toBe("FARGATE_SPOT");
    expect(task.group).toBe("family:job");
  });

  it("refuses bad input at its field, and calls nothing", async () => {
    const tooMany = await runTask({ cluster: "shop", taskDefinition: "job:1", count: 11, capacityProviderStrategy: [], network });
    expect(tooMany).toMatchObject({ ok: false, error: { code: "invalid-input" }, fieldErrors: { count: "Count must be at most 10." } });
    const badSubnet = await runTask({ cluster: "shop", taskDefinition: "job:1", count: 1, capacityProviderStrategy: [], network: { ...network, subnets: ["subnet-1", "my-subnet"] } });
    expect(badSubnet).toMatchObject({ ok: false, fieldErrors: { "network.subnets.0": "Subnet ids look like subnet-0a1b2c3d." } });
    const noDefinition = await runTask({ cluster: "shop", taskDefinition: "", count: 1, capacityProviderStrategy: [] });
    expect(noDefinition).toMatchObject({ ok: false, fieldErrors: { taskDefinition: "Pick a task definition." } });
    expect(local.calls("RunTask")).toBe(0);
  });

  it("reports what AWS refused, with its code and request id", async () => {
    const missing = await runTask({ cluster: "nowhere", taskDefinition: "job:1", count: 1, capacityProviderStrategy: [], network });
    expect(missing).toMatchObject({ ok: false, error: { code: "not-found", awsCode: "ClusterNotFoundException" } });
    expect(!missing.ok && missing.error.requestId).toBeTruthy();
    const noNetwork = await runTask({ cluster: "shop", taskDefinition: "job:1", count: 1, capacityProviderStrategy: [] });
    expect(noNetwork).toMatchObject({ ok: false, error: { code: "invalid-input", awsCode: "InvalidParameterException", detail: expect.stringContaining("awsvpc") } });
  });

  it("refuses, with ECS's reasons, when ECS could place none of the tasks", async () => {
    const result = await runTask({ cluster: "bare", taskDefinition: "job:1", count: 2, capacityProviderStrategy: [], network });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid-input", message: "ECS started no task: No Container Instances were found in your cluster (2 tasks)." },
    });
    const { taskArns } = await local.ecs.send(new ListTasksCommand({ cluster: "bare" }));
    expect(taskArns).toEqual([]);
  });
});
