import {
  DescribeClustersCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  DescribeTaskDefinitionCommand,
  ListClustersCommand,
  ListServiceDeploymentsCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  type Service,
  type ServiceDeployment,
} from "@aws-sdk/client-ecs";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listListenerAddresses, type ListenerAddress } from "../load-balancer-addresses";
import { startTestEmulator, type TestEmulator } from "../test/harness";
import { seedDemo, type DemoSummary } from "./demo";

let local: TestEmulator;
let summary: DemoSummary | undefined;
beforeAll(async () => {
  // A minute per second: rollouts finish in moments, and the pause's 24-hour timeout is 24 real minutes away.
  local = await startTestEmulator({ timeScale: 60 });
  summary = await seedDemo(local.emulator.endpoint);
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

async function deploymentsOf(service: string): Promise<ServiceDeployment[]> {
  const { serviceDeployments } = await local.ecs.send(new ListServiceDeploymentsCommand({ cluster: "demo", service }));
  const arns = (serviceDeployments ?? []).map((brief) => brief.serviceDeploymentArn!);
  const described = await local.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns }));
  return (described.serviceDeployments ?? []).sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
}

/** What `curl -H "Host: …" <address>/` gets: the request goes to loopback, the Host header picks the rule. */
function get(address: string, host: string, accept = "application/json"): Promise<{ status: number; body: string }> {
  const { port } = new URL(address);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", headers: { host: `${host}:${port}`, accept } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function servedBy(address: string, host: string): Promise<{ serviceName: string; taskDefinition: string; image: string }> {
  const { status, body } = await get(address, host);
  expect(status, body).toBe(200);
  return JSON.parse(body) as { serviceName: string; taskDefinition: string; image: string };
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

  it("gives each revision a change note, as a tag", async () => {
    const { tags } = await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "web:5", include: ["TAGS"] }));
    expect(tags).toContainEqual({ key: "slipway:change-note", value: "Release candidate: new product search" });
  });

  it("runs web (3, rolling), api (2, canary) and worker (2) in demo and web (1) in staging, on the expected revisions", async () => {
    const demo = await services("demo", ["web", "api", "worker"]);
    expect(demo.map((s) => [s.serviceName, s.desiredCount, s.taskDefinition?.split("/").pop(), s.deploymentConfiguration?.strategy])).toEqual([
      ["web", 3, "web:4", "ROLLING"],
      ["api", 2, "api:3", "CANARY"],
      ["worker", 2, "worker:2", "ROLLING"],
    ]);
    expect(demo[0].loadBalancers).toHaveLength(1);
    expect(demo[1].loadBalancers?.[0].advancedConfiguration?.alternateTargetGroupArn).toBeDefined();
    expect(demo[2].loadBalancers ?? []).toEqual([]);
    const staging = await services("staging", ["web"]);
    expect(staging.map((s) => [s.serviceName, s.desiredCount, s.taskDefinition?.split("/").pop()])).toEqual([["web", 1, "web:5"]]);
  });

  it("brings every task to RUNNING: web on its latest release, api on both sides of its paused canary", async () => {
    const stable = (list: Service[]) => list.every((s) => s.deployments?.length === 1 && s.runningCount === s.desiredCount);
    expect(stable(await eventually(() => services("demo", ["web", "worker"]), stable))).toBe(true);
    expect(stable(await eventually(() => services("staging", ["web"]), stable))).toBe(true);

    const { taskArns } = await local.ecs.send(new ListTasksCommand({ cluster: "demo", serviceName: "web" }));
    const { tasks } = await local.ecs.send(new DescribeTasksCommand({ cluster: "demo", tasks: taskArns ?? [] }));
    expect(tasks?.map((t) => t.lastStatus)).toEqual(["RUNNING", "RUNNING", "RUNNING"]);
    expect(new Set(tasks?.map((t) => t.containers?.[0].image))).toEqual(new Set(["public.ecr.aws/slipway/web:1.4.2"]));
    expect(tasks?.every((t) => t.healthStatus === "HEALTHY")).toBe(true);

    const api = await local.ecs.send(new ListTasksCommand({ cluster: "demo", serviceName: "api" }));
    const apiTasks = (await local.ecs.send(new DescribeTasksCommand({ cluster: "demo", tasks: api.taskArns ?? [] }))).tasks ?? [];
    expect(apiTasks.map((t) => [t.containers?.[0].image, t.lastStatus]).sort()).toEqual([
      ["public.ecr.aws/slipway/api:2.8.0", "RUNNING"],
      ["public.ecr.aws/slipway/api:2.8.0", "RUNNING"],
      ["public.ecr.aws/slipway/api:2.8.1", "RUNNING"],
      ["public.ecr.aws/slipway/api:2.8.1", "RUNNING"],
    ]);
  });

  it("keeps history: web rolled forward once; api went through an approved canary", async () => {
    const web = await eventually(() => deploymentsOf("web"), (list) => list.every((d) => d.status === "SUCCESSFUL"));
    expect(web.map((d) => d.status)).toEqual(["SUCCESSFUL", "SUCCESSFUL"]);

    const [created, promoted, paused] = await deploymentsOf("api");
    expect([created.status, promoted.status, paused.status]).toEqual(["SUCCESSFUL", "SUCCESSFUL", "IN_PROGRESS"]);
    expect(promoted.deploymentConfiguration?.strategy).toBe("CANARY");
    expect(promoted.lifecycleHookDetails?.map((hook) => [hook.targetType, hook.status])).toEqual([
      ["PAUSE", "SUCCEEDED"],
      ["PAUSE", "SUCCEEDED"],
    ]);
    expect(promoted.targetServiceRevision?.requestedProductionTrafficWeight).toBe(100);
  });

  it("leaves an api canary awaiting approval before its first production traffic shift", async () => {
    const paused = (await deploymentsOf("api")).at(-1)!;
    expect(paused.serviceDeploymentArn).toBe(summary?.awaitingApproval.serviceDeploymentArn);
    expect(paused.lifecycleStage).toBe("PRE_PRODUCTION_TRAFFIC_SHIFT");
    expect(paused.lifecycleHookDetails).toEqual([
      expect.objectContaining({ hookId: summary?.awaitingApproval.hookId, targetType: "PAUSE", status: "AWAITING_ACTION", timeoutAction: "ROLLBACK" }),
    ]);
    expect(paused.targetServiceRevision?.requestedProductionTrafficWeight).toBe(0);
    expect(paused.deploymentConfiguration).toMatchObject({
      strategy: "CANARY",
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
      bakeTimeInMinutes: 5,
      lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 1440, action: "ROLLBACK" } }],
    });
  });

  describe("behind the load balancer demo", () => {
    let production: ListenerAddress;
    let test: ListenerAddress;
    let dnsName: string;
    beforeAll(async () => {
      const addresses = await listListenerAddresses(local.elb);
      expect(addresses.map((a) => [a.loadBalancerName, a.listener])).toEqual([["demo", "HTTP:80"], ["demo", "HTTP:8080"]]);
      [production, test] = addresses;
      dnsName = new URL(production.address).hostname;
    });

    it("answers on the address start-up prints, under a name that resolves to this machine", () => {
      expect(production.address).toMatch(/^http:\/\/demo-\d{10}\.us-east-1\.elb\.localhost:\d+$/);
      expect(production.address).toBe(summary?.productionAddress);
      expect(test.address).toBe(summary?.testAddress);
    });

    it("sends web.<name> and the bare name to web, api.<name> to api's production side", async () => {
      expect(await servedBy(production.address, `web.${dnsName}`)).toMatchObject({ serviceName: "web", taskDefinition: "web:4" });
      expect(await servedBy(production.address, dnsName)).toMatchObject({ serviceName: "web" });
      // The canary is paused before its first shift: production is still all on the previous release.
      for (let i = 0; i < 10; i++) {
        expect(await servedBy(production.address, `api.${dnsName}`)).toMatchObject({ serviceName: "api", taskDefinition: "api:2" });
      }
    });

    it("shows web's page to a browser at the bare name", async () => {
      const page = await get(production.address, dnsName, "text/html");
      expect(page.status).toBe(200);
      expect(page.body).toContain("web:4");
    });

    it("sends api's test traffic to the canary's new release", async () => {
      expect(await servedBy(test.address, dnsName)).toMatchObject({ serviceName: "api", taskDefinition: "api:3" });
    });

    it("answers an unknown host name with a 404 that names the ones it serves", async () => {
      const { status, body } = await get(production.address, `shop.${dnsName}`);
      expect(status).toBe(404);
      expect(body).toContain(`web.${dnsName}`);
      expect(body).toContain(`api.${dnsName}`);
    });
  });

  it("is created once: seeding again changes nothing", async () => {
    expect(await seedDemo(local.emulator.endpoint)).toBeUndefined();
    const { taskDefinitionArns } = await local.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "web" }));
    expect(taskDefinitionArns).toHaveLength(5);
    expect(await listListenerAddresses(local.elb)).toHaveLength(2);
  });
});
