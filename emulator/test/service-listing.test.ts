import {
  CreateServiceCommand,
  DescribeServicesCommand,
  ListServicesCommand,
  type CreateServiceCommandInput,
  type ECSClient,
  type ListServicesCommandInput,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./harness";
import { awsError, createFargateCluster, NETWORK, registerWebApp } from "./fixtures";

const CLUSTER = "catalogue";
const arnOf = (serviceName: string) => `arn:aws:ecs:us-east-1:000000000000:service/${CLUSTER}/${serviceName}`;
/** svc-00 … svc-10, and "fixed" with an explicit launch type: twelve services. */
const NUMBERED = Array.from({ length: 11 }, (_, i) => `svc-${String(i).padStart(2, "0")}`);
const ALL = [...NUMBERED, "fixed"];

let local: TestEmulator;
let ecs: ECSClient;

const createService = async (taskDefinition: string, input: Partial<CreateServiceCommandInput> & { serviceName: string }) =>
  ecs.send(new CreateServiceCommand({ cluster: CLUSTER, taskDefinition, desiredCount: 0, networkConfiguration: NETWORK, ...input }));

const listServices = async (input: Partial<ListServicesCommandInput> = {}) => ecs.send(new ListServicesCommand({ cluster: CLUSTER, ...input }));

beforeAll(async () => {
  local = await startTestEmulator({ timeScale: 60 });
  ecs = local.ecs;
  await createFargateCluster(ecs, CLUSTER);
  const taskDefinition = await registerWebApp(ecs, "catalogue-web", "public.ecr.aws/slipway/web:1.0.0");
  for (const serviceName of NUMBERED) {
    await createService(taskDefinition, { serviceName, tags: [{ key: "index", value: serviceName.slice(4) }] });
  }
  await createService(taskDefinition, { serviceName: "fixed", launchType: "FARGATE" });
});
afterAll(() => local.stop());

describe("ListServices", () => {
  it("pages 10 services at a time by default", async () => {
    const first = await listServices();
    expect(first.serviceArns).toHaveLength(10);
    expect(first.nextToken).toBeDefined();
    const second = await listServices({ nextToken: first.nextToken });
    expect(second.serviceArns).toHaveLength(2);
    expect(second.nextToken).toBeUndefined();
    expect([...first.serviceArns!, ...second.serviceArns!].sort()).toEqual(ALL.map(arnOf).sort());
  });

  it("pages by maxResults, each service once", async () => {
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await listServices({ maxResults: 5, nextToken });
      pages.push(page.serviceArns!);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    expect(new Set(pages.flat()).size).toBe(12);
    expect((await listServices({ maxResults: 100 })).serviceArns).toEqual(pages.flat());
  });

  it("filters by launch type", async () => {
    expect((await listServices({ launchType: "FARGATE" })).serviceArns).toEqual([arnOf("fixed")]);
    expect((await listServices({ launchType: "EC2" })).serviceArns).toEqual([]);
  });

  it("refuses maxResults outside 1–100, a bad nextToken and an unknown cluster", async () => {
    for (const maxResults of [0, 101]) expect((await awsError(listServices({ maxResults }))).name).toBe("InvalidParameterException");
    expect((await awsError(listServices({ nextToken: "bogus" }))).name).toBe("InvalidParameterException");
    expect((await awsError(listServices({ cluster: "no-such-cluster" }))).name).toBe("ClusterNotFoundException");
  });
});

describe("DescribeServices", () => {
  it("describes services by name and ARN, and reports unknown ones as MISSING", async () => {
    const { services, failures } = await ecs.send(
      new DescribeServicesCommand({ cluster: CLUSTER, services: ["svc-00", arnOf("fixed"), "ghost"] }),
    );
    expect(services!.map((s) => s.serviceArn)).toEqual([arnOf("svc-00"), arnOf("fixed")]);
    expect(services![1]).toMatchObject({ serviceName: "fixed", launchType: "FARGATE", status: "ACTIVE", desiredCount: 0 });
    expect(failures).toEqual([{ arn: arnOf("ghost"), reason: "MISSING" }]);
  });

  it("shows tags only when asked to", async () => {
    const withTags = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ["svc-07"], include: ["TAGS"] }));
    expect(withTags.services![0].tags).toEqual([{ key: "index", value: "07" }]);
    const without = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ["svc-07"] }));
    expect(without.services![0].tags ?? []).toEqual([]);
  });

  it("refuses an empty list, more than 10 services and an unknown cluster", async () => {
    expect((await awsError(ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [] })))).name).toBe("InvalidParameterException");
    const eleven = await awsError(ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: NUMBERED })));
    expect(eleven.name).toBe("InvalidParameterException");
    const ten = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: NUMBERED.slice(0, 10) }));
    expect(ten.services).toHaveLength(10);
    const unknownCluster = await awsError(ecs.send(new DescribeServicesCommand({ cluster: "no-such-cluster", services: ["svc-00"] })));
    expect(unknownCluster.name).toBe("ClusterNotFoundException");
  });
});
