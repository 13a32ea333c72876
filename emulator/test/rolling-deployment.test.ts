import {
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeTasksCommand,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  UpdateServiceCommand,
  type ECSClient,
  type ServiceDeployment,
  type Task,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./harness";
import { createFargateCluster, describeService, NETWORK, registerWebApp, waitFor, waitForSteadyState } from "./fixtures";

let local: TestEmulator;
const CLUSTER = "rolling";
const ACTIVE_STATUSES = new Set(["PROVISIONING", "PENDING", "ACTIVATING", "RUNNING"]);

beforeAll(async () => {
  // Slow enough that the sampler sees every step of the rollout.
  local = await startTestEmulator({ timeScale: 15 });
  await createFargateCluster(local.ecs, CLUSTER);
});
afterAll(() => local.stop());

async function allServiceTasks(ecs: ECSClient, serviceName: string): Promise<Task[]> {
  const arns: string[] = [];
  for (const desiredStatus of ["RUNNING", "STOPPED"] as const) {
    arns.push(...((await ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName, desiredStatus }))).taskArns ?? []));
  }
  const tasks: Task[] = [];
  for (let i = 0; i < arns.length; i += 100) {
    tasks.push(...((await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: arns.slice(i, i + 100) }))).tasks ?? []));
  }
  return tasks;
}

async function serviceDeployment(ecs: ECSClient, arn: string): Promise<ServiceDeployment> {
  return (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];
}

describe("a rolling deployment, desired 4, minimum 50 %, maximum 200 %", () => {
  const serviceName = "web";
  let v2: string;

  it("keeps at least 2 tasks healthy and at most 8 running or pending, sampled throughout", async () => {
    const { ecs } = local;
    const v1 = await registerWebApp(ecs, "rolling-web", "public.ecr.aws/slipway/web:1.0.0");
    await ecs.send(
      new CreateServiceCommand({
        cluster: CLUSTER,
        serviceName,
        taskDefinition: v1,
        desiredCount: 4,
        networkConfiguration: NETWORK,
        deploymentConfiguration: {
          minimumHealthyPercent: 50,
          maximumPercent: 200,
          deploymentCircuitBreaker: { enable: true, rollback: true },
        },
      }),
    );
    await waitForSteadyState(ecs, CLUSTER, serviceName);

    v2 = await registerWebApp(ecs, "rolling-web", "public.ecr.aws/slipway/web:1.1.0");
    const updated = (await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: serviceName, taskDefinition: v2 }))).service!;
    const deploymentArn = updated.currentServiceDeployment!;
    let minHealthy = Infinity;
    let maxActive = 0;
    let samples = 0;
    const seenStatuses = new Set<string>();
    await waitFor("the deployment to complete", async () => {
      const tasks = await allServiceTasks(ecs, serviceName);
      const healthy = tasks.filter((t) => t.lastStatus === "RUNNING" && t.desiredStatus === "RUNNING" && t.healthStatus === "HEALTHY").length;
      const active = tasks.filter((t) => ACTIVE_STATUSES.has(t.lastStatus!)).length;
      minHealthy = Math.min(minHealthy, healthy);
      maxActive = Math.max(maxActive, active);
      samples++;
      const sd = await serviceDeployment(ecs, deploymentArn);
      seenStatuses.add(sd.status!);
      return sd.status === "SUCCESSFUL" ? sd : undefined;
    }, 60_000, 20);

    expect(samples).toBeGreaterThan(20);
    expect(minHealthy).toBeGreaterThanOrEqual(2);
    expect(maxActive).toBeLessThanOrEqual(8);
    expect(seenStatuses.has("IN_PROGRESS")).toBe(true);

    const service = await waitForSteadyState(ecs, CLUSTER, serviceName);
    expect(service.taskDefinition).toBe(v2);
    expect(service.events!.some((e) => e.message === "(service web) has reached a steady state.")).toBe(true);
    const running = (await allServiceTasks(ecs, serviceName)).filter((t) => t.lastStatus === "RUNNING");
    expect(running).toHaveLength(4);
    expect(running.every((t) => t.taskDefinitionArn === v2)).toBe(true);
  });

  it("trips the circuit breaker at 3 failed tasks and rolls back to the last completed deployment", async () => {
    const { ecs } = local;
    const broken = await registerWebApp(ecs, "rolling-web", "public.ecr.aws/slipway/web:2.0.0-broken", [
      { name: "SLIPWAY_FAIL_TO_START", value: "true" },
    ]);
    const updated = (await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: serviceName, taskDefinition: broken }))).service!;
    const deploymentArn = updated.currentServiceDeployment!;
    const statuses: string[] = [];
    const finished = await waitFor("the rollback to finish", async () => {
      const sd = await serviceDeployment(ecs, deploymentArn);
      if (statuses.at(-1) !== sd.status) statuses.push(sd.status!);
      return sd.status === "ROLLBACK_SUCCESSFUL" ? sd : undefined;
    }, 60_000, 20);

    expect(statuses).toEqual(["IN_PROGRESS", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL"]);
    expect(finished.deploymentCircuitBreaker).toEqual({ status: "TRIGGERED", failureCount: 3, threshold: 3 });
    expect(finished.rollback?.reason).toBe("Circuit breaker was triggered");
    expect(finished.rollback?.serviceRevisionArn).toBe(finished.sourceServiceRevisions![0].arn);

    const service = await waitForSteadyState(ecs, CLUSTER, serviceName);
    expect(service.taskDefinition).toBe(v2);
    expect(service.events!.some((e) => e.message?.includes("deployment failed: tasks failed to start."))).toBe(true);
    const brokenTasks = (await allServiceTasks(ecs, serviceName)).filter((t) => t.taskDefinitionArn === broken);
    // Three failed to start; any still starting when the rollback began were stopped by it.
    expect(brokenTasks.filter((t) => t.stopCode === "TaskFailedToStart").length).toBeGreaterThanOrEqual(3);
    expect(brokenTasks.every((t) => t.desiredStatus === "STOPPED")).toBe(true);

    const history = (await ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: serviceName }))).serviceDeployments!;
    expect(history.map((d) => d.status)).toEqual(["ROLLBACK_SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL"]);
  });

  it("without rollback, a tripped breaker leaves the deployment FAILED and launches nothing more", async () => {
    const { ecs } = local;
    const broken = await registerWebApp(ecs, "rolling-web", "public.ecr.aws/slipway/web:2.0.1-broken", [
      { name: "SLIPWAY_FAIL_TO_START", value: "true" },
    ]);
    await ecs.send(
      new UpdateServiceCommand({
        cluster: CLUSTER,
        service: serviceName,
        taskDefinition: broken,
        deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: false } },
      }),
    );
    const failed = await waitFor("the rollout to fail", async () => {
      const service = await describeService(ecs, CLUSTER, serviceName);
      return service.deployments?.[0].rolloutState === "FAILED" ? service : undefined;
    }, 60_000);
    expect(failed.deployments![0].rolloutStateReason).toBe("ECS deployment circuit breaker: tasks failed to start.");
    const sd = await serviceDeployment(ecs, failed.currentServiceDeployment!);
    expect(sd.status).toBe("STOPPED");
    const before = (await allServiceTasks(ecs, serviceName)).filter((t) => t.taskDefinitionArn === broken).length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = (await allServiceTasks(ecs, serviceName)).filter((t) => t.taskDefinitionArn === broken).length;
    expect(after).toBe(before);
  });
});
