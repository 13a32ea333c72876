import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { taskId } from "@/lib/arn";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs, useEndpoint } from "@/server/aws/test-local-ecs";
import { readServiceDetail } from "./service-detail";
import { buildBatchCluster, buildShopCluster, expectAwsCalls, STOP_REASON, type ShopCluster, valueOf } from "./test-account";
import { startEcsProxy, type EcsProxy } from "./test-proxy";

let local: CountedLocalEcs;
let shop: ShopCluster;
let proxy: EcsProxy | undefined;

beforeAll(async () => {
  local = await startCountedLocalEcs();
  shop = await buildShopCluster(local.ecs, local.elb);
  await buildBatchCluster(local.ecs, 0);
});
afterAll(() => local.stop());

measureEachTestAgainst(() => local);
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

const SHOP_CALLS = {
  "ecs:DescribeServices": 1,
  "ecs:ListServiceDeployments": 1,
  "ecs:DescribeServiceDeployments": 1,
  "ecs:DescribeServiceRevisions": 1,
  "ecs:ListTasks": 2,
  "ecs:DescribeTasks": 1,
  "elbv2:DescribeTargetHealth": 2,
  "elbv2:DescribeTargetGroups": 1,
  "elbv2:DescribeLoadBalancers": 1,
  "elbv2:DescribeListeners": 1,
  "elbv2:DescribeRules": 1,
  "elbv2:DescribeTags": 1,
};

describe("a service's page", () => {
  it("shows a paused canary: summary, configuration, events and its deployments ongoing, last and past", async () => {
    const detail = await readServiceDetail(CONNECTION, "shop", "web");

    const { summary, deploymentConfiguration, events } = valueOf(detail.service);
    expect(summary).toMatchObject({ name: "web", clusterName: "shop", desired: 2, running: 4, taskDefinition: { label: "shop-web:3" }, deploymentController: "ECS" });
    expect(deploymentConfiguration).toMatchObject({
      strategy: "CANARY",
      label: "Canary 10 % with approval",
      configuration: { canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } },
    });
    expect(events[0].message).toMatch(/waiting for a lifecycle hook at PRE_PRODUCTION_TRAFFIC_SHIFT/);

    const { ongoing, last, past, revisions, revisionsError } = valueOf(detail.deployments);
    expect(revisionsError).toBeUndefined();
    expect(detail.error).toBeUndefined();
    expect(revisions.map((revision) => revision.taskDefinition?.label).sort()).toEqual(["shop-web:1", "shop-web:2", "shop-web:3"]);
    expect(ongoing).toHaveLength(1);
    expect(ongoing[0]).toMatchObject({
      serviceDeploymentArn: shop.pausedDeployment,
      status: "IN_PROGRESS",
      lifecycleStage: "PRE_PRODUCTION_TRAFFIC_SHIFT",
      awaitingApproval: { hookId: shop.pausedHookId, timeoutAction: "ROLLBACK" },
      target: { revision: { taskDefinition: { label: "shop-web:3" }, images: [{ containerName: "app", image: "public.ecr.aws/slipway/shop-web:3.0.0" }] }, productionTrafficWeight: 0, testTrafficWeight: 100 },
      sources: [{ revision: { taskDefinition: { label: "shop-web:1" } }, productionTrafficWeight: 100 }],
    });
    // Stopped while paused: the hook it waited on still reads AWAITING_ACTION, but nobody can act on it.
    expect(last).toMatchObject({ serviceDeploymentArn: shop.rolledBackDeployment, status: "ROLLBACK_SUCCESSFUL", targetRevision: { taskDefinition: { label: "shop-web:2" } } });
    expect(last?.awaitingApproval).toBeUndefined();
    expect(last?.rollback?.reason).toBeTruthy();
    expect(past).toEqual([expect.objectContaining({ serviceDeploymentArn: shop.createdDeployment, status: "SUCCESSFUL", targetRevision: expect.objectContaining({ taskDefinition: expect.objectContaining({ label: "shop-web:1" }) }) })]);

    expectAwsCalls(local, SHOP_CALLS);
  });

  it("shows target health per target group with each target's task, tasks by revision, and stopped tasks with why", async () => {
    const detail = await readServiceDetail(CONNECTION, "shop", "web");

    const { byRevision, stopped } = valueOf(detail.tasks);
    expect(byRevision.map((group) => [group.taskDefinition?.label, group.running, group.starting])).toEqual([
      ["shop-web:3", 2, 0],
      ["shop-web:1", 2, 0],
    ]);
    const idsOf = (label: string) => byRevision.find((group) => group.taskDefinition?.label === label)!.tasks.map((task) => task.id).sort();

    expect(detail.loadBalancers.map((group) => [group.targetGroupName, group.role, group.containerPort])).toEqual([
      ["shop-blue", "primary", 8080],
      ["shop-green", "alternate", 8080],
    ]);
    const [blue, green] = detail.loadBalancers;
    expect(blue.loadBalancerNames).toEqual({ ok: true, value: ["shop-alb"] });
    // Production (blue) still serves v1; the canary's v3 tasks sit in green, behind the test listener.
    expect(valueOf(blue.targets).map((target) => target.state)).toEqual(["healthy", "healthy"]);
    expect(valueOf(blue.targets).map((target) => target.taskId).sort()).toEqual(idsOf("shop-web:1"));
    expect(valueOf(green.targets).map((target) => target.taskId).sort()).toEqual(idsOf("shop-web:3"));

    expect(stopped.find((task) => task.arn === shop.stoppedTask)).toMatchObject({
      id: taskId(shop.stoppedTask),
      stopCode: "UserInitiated",
      stoppedReason: STOP_REASON,
      containers: [{ name: "app", exitCode: 0 }],
    });
    expect(stopped.filter((task) => task.taskDefinition?.label === "shop-web:2").map((task) => task.stopCode)).toEqual([
      "ServiceSchedulerInitiated",
      "ServiceSchedulerInitiated",
    ]);
    expectAwsCalls(local, SHOP_CALLS);
  });

  it("says where the service answers: its production and test listener rules on the load balancer's DNS name", async () => {
    const detail = await readServiceDetail(CONNECTION, "shop", "web");

    const entryPoints = valueOf(detail.entryPoints);
    const port = (url: string | undefined) => (url ? new URL(url).port : undefined);
    expect(entryPoints.map((entry) => [entry.role, entry.loadBalancerName, entry.conditions])).toEqual([
      ["production", "shop-alb", ["Path is /*"]],
      ["test", "shop-alb", ["Path is /*"]],
    ]);
    const [production, test] = entryPoints;
    expect(production.dnsName).toMatch(/^shop-alb-.*\.elb\.localhost$/);
    // Local ECS answers on a real loopback port, which it names on the listener.
    expect(production.url).toBe(`http://${production.dnsName}:${port(shop.stack.productionUrl)}`);
    expect(port(test.url)).toBe(port(shop.stack.testUrl));
    expect(production.forwards.map((target) => target.targetGroupName)).toEqual(["shop-blue", "shop-green"]);
    expectAwsCalls(local, SHOP_CALLS);
  });

  it("offers every earlier revision to roll back to, named", async () => {
    const detail = await readServiceDetail(CONNECTION, "shop", "web");
    const { last, past } = valueOf(detail.deployments);
    expect([last?.targetRevision?.taskDefinition?.label, ...past.map((deployment) => deployment.targetRevision?.taskDefinition?.label)]).toEqual(["shop-web:2", "shop-web:1"]);
  });

  it("costs no ELBv2 call for a service without a load balancer", async () => {
    const detail = await readServiceDetail(CONNECTION, "batch", "worker");

    expect(detail.loadBalancers).toEqual([]);
    const { ongoing, last, past } = valueOf(detail.deployments);
    expect([ongoing, past]).toEqual([[], []]);
    expect(last).toMatchObject({ status: "SUCCESSFUL", strategy: "Rolling", sources: [], target: { requestedTasks: 2, runningTasks: 2 } });
    expect(valueOf(detail.tasks).byRevision).toEqual([expect.objectContaining({ running: 2, taskDefinition: expect.objectContaining({ label: "batch-worker:1" }) })]);
    expectAwsCalls(local, {
      "ecs:DescribeServices": 1,
      "ecs:ListServiceDeployments": 1,
      "ecs:DescribeServiceDeployments": 1,
      "ecs:DescribeServiceRevisions": 1,
      "ecs:ListTasks": 2,
      "ecs:DescribeTasks": 1,
    });
  });

  it("keeps the deployments shown, without their revisions, when the revisions cannot be read", async () => {
    proxy = await startEcsProxy(local.emulator.endpoint, {
      refuse: ({ operation }) =>
        operation === "DescribeServiceRevisions" ? { status: 400, type: "AccessDeniedException", message: "not authorized to perform ecs:DescribeServiceRevisions" } : undefined,
    });
    useEndpoint(proxy.endpoint);

    const detail = await readServiceDetail(CONNECTION, "shop", "web");

    const deployments = valueOf(detail.deployments);
    expect(deployments.revisionsError).toMatchObject({ code: "access-denied" });
    expect(deployments.ongoing[0]).toMatchObject({ awaitingApproval: { hookId: shop.pausedHookId }, target: { productionTrafficWeight: 0 } });
    expect(deployments.ongoing[0].target?.revision).toBeUndefined();
    expect(valueOf(detail.service).summary.name).toBe("web");
    expect(detail.loadBalancers).toHaveLength(2);
    expectAwsCalls(local, SHOP_CALLS, { "ecs:DescribeServiceRevisions": 1 });
  });

  it("says a service that does not exist is not found", async () => {
    const detail = await readServiceDetail(CONNECTION, "shop", "ghost");
    expect(detail.error).toMatchObject({ code: "not-found", awsCode: "ServiceNotFoundException" });
    expect(detail.service).toMatchObject({ ok: false, error: { code: "not-found", awsCode: "ServiceNotFoundException" } });
    expect(detail.deployments).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(detail.tasks).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(detail.loadBalancers).toEqual([]);
  });
});
