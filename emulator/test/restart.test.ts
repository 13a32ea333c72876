import {
  ContinueServiceDeploymentCommand,
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeTasksCommand,
  ListServiceDeploymentsCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { freePort, killHard, startChildEmulator, type ChildEmulator } from "./child-emulator";
import { createFargateCluster, describeService, NETWORK, registerWebApp, waitFor, waitForSteadyState } from "./fixtures";
import { ecsClientFor, elbClientFor } from "./harness";
import { createWebStack, describeServiceDeployment, registerWebImage, ruleWeights, splitOfRequests } from "./load-balanced-fixtures";

const dataDir = mkdtempSync(join(tmpdir(), "local-ecs-restart-"));
const children: ChildEmulator[] = [];
const clients: Array<{ destroy(): void }> = [];

afterAll(async () => {
  for (const child of children) await killHard(child);
  for (const client of clients) client.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port: number, dir = dataDir) {
  const child = await startChildEmulator(["--no-seed", "--data-dir", dir, "--time-scale", "30"], port);
  children.push(child);
  const ecs = ecsClientFor(child.endpoint);
  const elb = elbClientFor(child.endpoint);
  clients.push(ecs, elb);
  return { child, ecs, elb };
}

it("finishes a deployment that was under way when local ECS was killed with SIGKILL", async () => {
  const port = await freePort();
  const first = await start(port);
  await createFargateCluster(first.ecs, "restart");
  const v1 = await registerWebApp(first.ecs, "restart-web", "public.ecr.aws/slipway/web:1.0.0");
  await first.ecs.send(new CreateServiceCommand({ cluster: "restart", serviceName: "web", taskDefinition: v1, desiredCount: 3, networkConfiguration: NETWORK }));
  await waitForSteadyState(first.ecs, "restart", "web", 60_000);

  // New tasks take 20 emulated seconds longer to start, so the kill lands mid-deployment.
  const v2 = await registerWebApp(first.ecs, "restart-web", "public.ecr.aws/slipway/web:1.1.0", [{ name: "SLIPWAY_STARTUP_SECONDS", value: "20" }]);
  const updated = (await first.ecs.send(new UpdateServiceCommand({ cluster: "restart", service: "web", taskDefinition: v2 }))).service!;
  await waitFor("the new deployment to start tasks", async () => {
    const service = await describeService(first.ecs, "restart", "web");
    return (service.deployments?.[0].pendingCount ?? 0) > 0 ? service : undefined;
  });
  await killHard(first.child);

  const second = await start(port);
  const deployment = await waitFor("the deployment to finish after the restart", async () => {
    const result = await second.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [updated.currentServiceDeployment!] }));
    const sd = result.serviceDeployments![0];
    return sd.status === "SUCCESSFUL" ? sd : undefined;
  }, 60_000);
  expect(deployment.targetServiceRevision?.runningTaskCount).toBe(3);

  const service = await waitForSteadyState(second.ecs, "restart", "web", 60_000);
  expect(service.taskDefinition).toBe(v2);
  const arns = (await second.ecs.send(new ListTasksCommand({ cluster: "restart", serviceName: "web" }))).taskArns!;
  const tasks = (await second.ecs.send(new DescribeTasksCommand({ cluster: "restart", tasks: arns }))).tasks!;
  expect(tasks.filter((t) => t.lastStatus === "RUNNING")).toHaveLength(3);
  for (const task of tasks) {
    expect(task.taskDefinitionArn).toBe(v2);
    const binding = task.containers![0].networkBindings![0];
    const response = await fetch(`http://${binding.bindIP}:${binding.hostPort}/health`);
    expect(response.status).toBe(200);
  }

  // Nothing registered before the kill is lost.
  const definitions = (await second.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "restart-web" }))).taskDefinitionArns;
  expect(definitions).toEqual([v1, v2]);
  const history = (await second.ecs.send(new ListServiceDeploymentsCommand({ cluster: "restart", service: "web" }))).serviceDeployments!;
  expect(history.map((d) => d.status)).toEqual(["SUCCESSFUL", "SUCCESSFUL"]);
});

it("keeps a canary paused for approval across a SIGKILL, with its listener weights and address, and finishes it after", async () => {
  const port = await freePort();
  const dir = join(dataDir, "canary");
  const first = await start(port, dir);
  const v1 = await registerWebImage(first.ecs, "restart-canary", "1.0.0");
  const stack = await createWebStack(first.ecs, first.elb, "restartcanary", {
    taskDefinition: v1,
    desiredCount: 1,
    deploymentConfiguration: {
      strategy: "CANARY",
      canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 0 },
      lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["POST_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 600, action: "ROLLBACK" } }],
    },
  });
  await waitForSteadyState(first.ecs, stack.cluster, stack.service, 60_000);
  const v2 = await registerWebImage(first.ecs, "restart-canary", "2.0.0");
  const { service } = await first.ecs.send(new UpdateServiceCommand({ cluster: stack.cluster, service: stack.service, taskDefinition: v2 }));
  const arn = service!.currentServiceDeployment!;
  // With no bake, the canary steps 20 % then 100 %; the pause after the last shift holds it at 100 %.
  const paused = await waitFor("the pause", async () => {
    const sd = await describeServiceDeployment(first.ecs, arn);
    return sd.lifecycleHookDetails?.some((h) => h.status === "AWAITING_ACTION") ? sd : undefined;
  }, 60_000);
  expect(paused.lifecycleStage).toBe("POST_PRODUCTION_TRAFFIC_SHIFT");
  await killHard(first.child);

  const second = await start(port, dir);
  const after = await describeServiceDeployment(second.ecs, arn);
  expect(after.status).toBe("IN_PROGRESS");
  expect(after.lifecycleHookDetails).toEqual(paused.lifecycleHookDetails);
  expect(await ruleWeights(second.elb, stack.productionRuleArn)).toEqual({ [stack.blueTargetGroupArn]: 0, [stack.greenTargetGroupArn]: 100 });
  const split = await waitFor("the listener to answer again", async () => {
    const answers = await splitOfRequests(stack.productionUrl, 20);
    return answers["public.ecr.aws/slipway/restart-canary:2.0.0"] === 20 ? answers : undefined;
  }, 30_000, 200);
  expect(split).toEqual({ "public.ecr.aws/slipway/restart-canary:2.0.0": 20 });

  const hookId = paused.lifecycleHookDetails!.find((h) => h.status === "AWAITING_ACTION")!.hookId!;
  await second.ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId }));
  await waitFor("the canary to finish", async () => {
    const sd = await describeServiceDeployment(second.ecs, arn);
    return sd.status === "SUCCESSFUL" ? sd : undefined;
  }, 60_000);
  expect((await waitForSteadyState(second.ecs, stack.cluster, stack.service, 60_000)).taskDefinition).toBe(v2);
});
