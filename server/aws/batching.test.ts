import { CreateServiceCommand, DescribeServicesCommand, ListServiceDeploymentsCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NETWORK } from "@/emulator/test/fixtures";
import { describeClusters, describeServiceDeployments, describeServices, describeTasks, describeTasksWhileListing } from "./batching";
import { listTaskArns } from "./ecs-lists";
import { awsCallCounts } from "./instrumentation";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, seedCluster, startCountedLocalEcs } from "./test-local-ecs";

const CLUSTER = "batching";
const SERVICE_NAMES = Array.from({ length: 25 }, (_, i) => `svc-${String(i).padStart(2, "0")}`);

let local: CountedLocalEcs;
let taskArns: string[];

beforeAll(async () => {
  local = await startCountedLocalEcs();
  taskArns = await seedCluster(local.ecs, CLUSTER, { services: SERVICE_NAMES.length, tasks: 250 });
});
afterAll(() => local.stop());

measureEachTestAgainst(() => local);

describe("describeServices", () => {
  it("describes 25 services in exactly 3 DescribeServices calls", async () => {
    const { services, failures } = await describeServices(CONNECTION, CLUSTER, SERVICE_NAMES);
    expect(services.map((service) => service.serviceName)).toEqual(SERVICE_NAMES);
    expect(failures).toEqual([]);
    expect(local.calls("DescribeServices")).toBe(3);
    expect(awsCallCounts()).toEqual({ "ecs:DescribeServices": 3 });
  });

  it("merges the failures of every batch, and asks once for a name given twice", async () => {
    const asked = [...SERVICE_NAMES.slice(0, 9), "ghost-1", SERVICE_NAMES[0], "ghost-2", ...SERVICE_NAMES.slice(9, 12)];
    const { services, failures } = await describeServices(CONNECTION, CLUSTER, asked);
    expect(services).toHaveLength(12);
    expect(failures.map((failure) => [failure.arn?.split("/").pop(), failure.reason])).toEqual([
      ["ghost-1", "MISSING"],
      ["ghost-2", "MISSING"],
    ]);
    expect(local.calls("DescribeServices")).toBe(2);
  });

  it("costs nothing for no services", async () => {
    expect(await describeServices(CONNECTION, CLUSTER, [])).toEqual({ services: [], failures: [] });
    expect(local.calls("DescribeServices")).toBe(0);
  });

  it("passes include on, as ECS's TAGS", async () => {
    await local.ecs.send(
      new CreateServiceCommand({ cluster: CLUSTER, serviceName: "tagged", taskDefinition: "batch-app", desiredCount: 0, tags: [{ key: "team", value: "web" }], networkConfiguration: NETWORK }),
    );
    const { services } = await describeServices(CONNECTION, CLUSTER, ["tagged"], ["TAGS"]);
    expect(services[0].tags).toEqual([{ key: "team", value: "web" }]);
  });
});

describe("describeTasks", () => {
  it("describes 250 tasks in exactly 3 DescribeTasks calls", async () => {
    const { tasks, failures } = await describeTasks(CONNECTION, CLUSTER, taskArns);
    expect(new Set(tasks.map((task) => task.taskArn))).toEqual(new Set(taskArns));
    expect(failures).toEqual([]);
    expect(local.calls("DescribeTasks")).toBe(3);
  });

  it("fails as a whole when a batch fails, with ECS's error", async () => {
    await expect(describeTasks(CONNECTION, "no-such-cluster", taskArns.slice(0, 5))).rejects.toMatchObject({ name: "ClusterNotFoundException" });
  });
});

describe("describeTasksWhileListing", () => {
  it("describes each 100 ARNs as soon as the listing has supplied them, in as few calls as describeTasks", async () => {
    let describesBeforeListingEnded = 0;
    const { tasks, failures } = await describeTasksWhileListing(CONNECTION, CLUSTER, (onArns) =>
      listTaskArns(CONNECTION, { cluster: CLUSTER }, (page) => {
        onArns([...page, page[0]]);
        describesBeforeListingEnded = local.calls("DescribeTasks");
      }),
    );
    expect(new Set(tasks.map((task) => task.taskArn))).toEqual(new Set(taskArns));
    expect(tasks).toHaveLength(250);
    expect(failures).toEqual([]);
    expect(local.calls("ListTasks")).toBe(3);
    expect(local.calls("DescribeTasks")).toBe(3);
    // The first two batches were on their way while the last page was being read.
    expect(describesBeforeListingEnded).toBeGreaterThanOrEqual(1);
  });

  it("fails with the listing's error, and leaves no describe's failure unhandled", async () => {
    await expect(
      describeTasksWhileListing(CONNECTION, "no-such-cluster", async (onArns) => {
        onArns(taskArns.slice(0, 100));
        await listTaskArns(CONNECTION, { cluster: "no-such-cluster" });
      }),
    ).rejects.toMatchObject({ name: "ClusterNotFoundException" });
  });
});

describe("describeClusters", () => {
  it("describes clusters in one call and reports the missing ones", async () => {
    const { clusters, failures } = await describeClusters(CONNECTION, [CLUSTER, "nowhere"], ["STATISTICS"]);
    expect(clusters.map((cluster) => cluster.clusterName)).toEqual([CLUSTER]);
    expect(failures).toHaveLength(1);
    expect(failures[0].reason).toBe("MISSING");
    expect(local.calls("DescribeClusters")).toBe(1);
  });
});

describe("describeServiceDeployments", () => {
  it("describes a service's deployments by ARN, 20 to a call", async () => {
    await local.ecs.send(
      new CreateServiceCommand({ cluster: CLUSTER, serviceName: "deployed", taskDefinition: "batch-app", desiredCount: 0, networkConfiguration: NETWORK }),
    );
    const { serviceDeployments: briefs } = await local.ecs.send(new ListServiceDeploymentsCommand({ cluster: CLUSTER, service: "deployed" }));
    const arns = briefs!.map((brief) => brief.serviceDeploymentArn!);
    expect(arns.length).toBeGreaterThan(0);
    const missing = Array.from({ length: 20 }, (_, i) => `${arns[0].slice(0, arns[0].lastIndexOf("/"))}/missing${i}`);
    const { serviceDeployments, failures } = await describeServiceDeployments(CONNECTION, [...arns, ...missing]);
    expect(serviceDeployments.map((deployment) => deployment.serviceDeploymentArn)).toEqual(arns);
    expect(failures).toHaveLength(20);
    expect(local.calls("DescribeServiceDeployments")).toBe(2);
  });
});

describe("shared batches", () => {
  it("serves the same batch asked again within the cache's life from the first answer", async () => {
    await describeServices(CONNECTION, CLUSTER, SERVICE_NAMES.slice(0, 10));
    await describeServices(CONNECTION, CLUSTER, SERVICE_NAMES.slice(0, 10));
    expect(local.calls("DescribeServices")).toBe(1);
    // The same services through the SDK directly still cost a call: only this layer shares.
    await local.ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: SERVICE_NAMES.slice(0, 10) }));
    expect(local.calls("DescribeServices")).toBe(2);
  });
});
