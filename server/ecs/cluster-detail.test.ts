import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, seedCluster, startCountedLocalEcs } from "@/server/aws/test-local-ecs";
import { readClusterDetail, readClusterTasks } from "./cluster-detail";
import { buildBatchCluster, buildShopCluster, expectAwsCalls, STOP_REASON, type BatchCluster, type ShopCluster, valueOf } from "./test-account";

let local: CountedLocalEcs;
let shop: ShopCluster;
let batch: BatchCluster;

beforeAll(async () => {
  local = await startCountedLocalEcs();
  shop = await buildShopCluster(local.ecs, local.elb);
  batch = await buildBatchCluster(local.ecs);
});
afterAll(() => local.stop());

measureEachTestAgainst(() => local);

describe("a cluster's page", () => {
  it("lists every service with its counts, revision, strategy and rollout, and the running tasks", async () => {
    const [detail, { tasks, error }] = await Promise.all([readClusterDetail(CONNECTION, "batch"), readClusterTasks(CONNECTION, "batch")]);

    expect(valueOf(detail.cluster)).toMatchObject({ name: "batch", activeServices: 12, runningTasks: 2 });
    expect(detail.error).toBeUndefined();
    const services = valueOf(detail.services);
    expect(services.map((row) => row.name)).toEqual([...batch.idleServices, "worker"]);
    expect(services.at(-1)).toEqual({
      name: "worker",
      arn: "arn:aws:ecs:us-east-1:000000000000:service/batch/worker",
      status: "ACTIVE",
      desired: 2,
      running: 2,
      pending: 0,
      taskDefinition: { arn: "arn:aws:ecs:us-east-1:000000000000:task-definition/batch-worker:1", family: "batch-worker", revision: 1, label: "batch-worker:1" },
      strategy: "Rolling",
      capacity: "FARGATE (weight 1)",
      rollout: { state: "COMPLETED", reason: expect.stringMatching(/completed/), inProgress: false },
      loadBalancing: [],
      network: { subnets: ["subnet-0a1b2c3d"], securityGroups: [], assignPublicIp: "ENABLED" },
    });
    expect(error).toBeUndefined();
    expect(tasks.map((task) => [task.service, task.lastStatus, task.desiredStatus, task.taskDefinition?.label])).toEqual([
      ["worker", "RUNNING", "RUNNING", "batch-worker:1"],
      ["worker", "RUNNING", "RUNNING", "batch-worker:1"],
    ]);

    // No deployment in progress, so no service deployment is described.
    expectAwsCalls(local, { "ecs:DescribeClusters": 1, "ecs:ListServices": 1, "ecs:DescribeServices": 2, "ecs:ListTasks": 1, "ecs:DescribeTasks": 1 });
  });

  it("shows the deploying service awaiting approval, and one service's tasks with its stopped ones when asked", async () => {
    const [detail, { tasks }] = await Promise.all([
      readClusterDetail(CONNECTION, "shop"),
      readClusterTasks(CONNECTION, "shop", { includeStoppedTasks: true, service: "web" }),
    ]);

    expect(valueOf(detail.services)).toEqual([
      expect.objectContaining({
        name: "web",
        strategy: "Canary 10 % with approval",
        rollout: expect.objectContaining({ state: "IN_PROGRESS", inProgress: true }),
        awaitingApproval: expect.objectContaining({ hookId: shop.pausedHookId, serviceDeploymentArn: shop.pausedDeployment }),
        loadBalancing: [{ loadBalancer: "shop-alb", targetGroup: "shop-blue" }],
      }),
    ]);
    const running = tasks.filter((task) => task.desiredStatus === "RUNNING");
    expect(running.map((task) => task.taskDefinition?.label).sort()).toEqual(["shop-web:1", "shop-web:1", "shop-web:3", "shop-web:3"]);
    const stoppedByHand = tasks.find((task) => task.arn === shop.stoppedTask);
    expect(stoppedByHand).toMatchObject({ desiredStatus: "STOPPED", lastStatus: "STOPPED", stopCode: "UserInitiated", stoppedReason: STOP_REASON });
    // The v2 tasks were stopped by the rollback.
    expect(tasks.filter((task) => task.taskDefinition?.label === "shop-web:2").map((task) => task.stopCode)).toEqual([
      "ServiceSchedulerInitiated",
      "ServiceSchedulerInitiated",
    ]);

    expectAwsCalls(local, {
      "ecs:DescribeClusters": 1,
      "ecs:ListServices": 1,
      "ecs:DescribeServices": 1,
      "ecs:DescribeServiceDeployments": 1,
      "ecs:ListTasks": 2,
      "ecs:DescribeTasks": 1,
    });
  });

  it("batches a big cluster: 25 services and 250 tasks in 3 describes each", async () => {
    await seedCluster(local.ecs, "big", { services: 25, tasks: 250 });
    local.resetCalls();

    const [detail, { tasks }] = await Promise.all([readClusterDetail(CONNECTION, "big"), readClusterTasks(CONNECTION, "big")]);

    expect(valueOf(detail.services)).toHaveLength(25);
    expect(tasks).toHaveLength(250);
    expectAwsCalls(local, { "ecs:DescribeClusters": 1, "ecs:ListServices": 1, "ecs:DescribeServices": 3, "ecs:ListTasks": 3, "ecs:DescribeTasks": 3 });
  });

  it("says a cluster that does not exist is not found, in every part", async () => {
    const nowhere = "arn:aws:ecs:us-east-1:000000000000:cluster/nowhere";
    const [detail, tasks] = await Promise.all([readClusterDetail(CONNECTION, nowhere), readClusterTasks(CONNECTION, nowhere)]);
    expect(detail.clusterName).toBe("nowhere");
    expect(detail.error).toMatchObject({ code: "not-found", awsCode: "ClusterNotFoundException" });
    for (const part of [detail.cluster, detail.services]) expect(part).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(tasks).toMatchObject({ tasks: [], error: { code: "not-found" } });
  });
});
