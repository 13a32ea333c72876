import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListServiceDeploymentsCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  type Service,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../test/harness";
import { seedDemo } from "./demo";

let local: TestEmulator;
beforeAll(async () => {
  // Ten emulated minutes per real second: health checks and rollouts finish in moments.
  local = await startTestEmulator({ timeScale: 600 });
  await seedDemo(local.emulator.endpoint);
}, 120_000);
afterAll(() => local?.stop());

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function services(cluster: string, names: string[]): Promise<Service[]> {
  return (await local.ecs.send(new DescribeServicesCommand({ cluster, services: names }))).services ?? [];
}

describe("the demo account", () => {
  it("has the clusters demo (Fargate and Fargate Spot, 1:1) and staging (Fargate)", async () => {
    const { clusterArns } = await local.ecs.send(new ListClustersCommand({}));
    expect(clusterArns?.map((arn) => arn.split("/").pop()).sort()).toEqual(["demo", "staging"]);
    const { clusters } = await local.ecs.send(new DescribeClustersCommand({ clusters: ["demo", "staging"] }));
    const [demo, staging] = clusters ?? [];
    expect(demo.capacityProviders).toEqual(["FARGATE", "FARGATE_SPOT"]);
    expect(demo.defaultCapacityProviderStrategy).toEqual([
      expect.objectContaining({ capacityProvider: "FARGATE", weight: 1 }),
      expect.objectContaining({ capacityProvider: "FARGATE_SPOT", weight: 1 }),
    ]);
    expect(staging.capacityProviders).toEqual(["FARGATE"]);
  });

  it("has the families web, api and worker, each with several revisions", async () => {
    const { families } = await local.ecs.send(new ListTaskDefinitionFamiliesCommand({}));
    expect(families?.sort()).toEqual(["api", "web", "worker"]);
    const revisions = async (family: string) =>
      (await local.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family }))).taskDefinitionArns?.map((arn) => arn.split(":").pop());
    expect(await revisions("web")).toEqual(["1", "2", "3", "4", "5"]);
    expect(await revisions("api")).toEqual(["1", "2", "3"]);
    expect(await revisions("worker")).toEqual(["1", "2"]);
  });

  it("runs web (3), api (2) and worker (2) in demo and web (1) in staging, on the expected revisions", async () => {
    const demo = await services("demo", ["web", "api", "worker"]);
    expect(demo.map((s) => [s.serviceName, s.desiredCount, s.taskDefinition?.split("/").pop()])).toEqual([
      ["web", 3, "web:4"],
      ["api", 2, "api:3"],
      ["worker", 2, "worker:2"],
    ]);
    const staging = await services("staging", ["web"]);
    expect(staging.map((s) => [s.serviceName, s.desiredCount, s.taskDefinition?.split("/").pop()])).toEqual([["web", 1, "web:5"]]);
  });

  it("brings every task to RUNNING, on the images of the latest deployments", async () => {
    const stable = (list: Service[]) => list.every((s) => s.deployments?.length === 1 && s.runningCount === s.desiredCount);
    expect(stable(await eventually(() => services("demo", ["web", "api", "worker"]), stable))).toBe(true);
    expect(stable(await eventually(() => services("staging", ["web"]), stable))).toBe(true);

    const { taskArns } = await local.ecs.send(new ListTasksCommand({ cluster: "demo", serviceName: "web" }));
    const { tasks } = await local.ecs.send(new DescribeTasksCommand({ cluster: "demo", tasks: taskArns ?? [] }));
    expect(tasks?.map((t) => t.lastStatus)).toEqual(["RUNNING", "RUNNING", "RUNNING"]);
    expect(new Set(tasks?.map((t) => t.containers?.[0].image))).toEqual(new Set(["public.ecr.aws/slipway/web:1.4.2"]));
    expect(tasks?.every((t) => t.healthStatus === "HEALTHY")).toBe(true);
  });

  it("keeps history: web and api were rolled forward from an earlier, successful deployment", async () => {
    for (const service of ["web", "api"]) {
      const { serviceDeployments } = await local.ecs.send(new ListServiceDeploymentsCommand({ cluster: "demo", service }));
      expect(serviceDeployments?.length).toBe(2);
      const statuses = await eventually(
        async () => (await local.ecs.send(new ListServiceDeploymentsCommand({ cluster: "demo", service }))).serviceDeployments?.map((d) => d.status),
        (list) => list?.every((status) => status === "SUCCESSFUL") ?? false,
      );
      expect(statuses).toEqual(["SUCCESSFUL", "SUCCESSFUL"]);
    }
  });

  it("is created once: seeding again changes nothing", async () => {
    await seedDemo(local.emulator.endpoint);
    const { taskDefinitionArns } = await local.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "web" }));
    expect(taskDefinitionArns).toHaveLength(5);
  });
});
