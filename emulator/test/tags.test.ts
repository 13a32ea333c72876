import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteClusterCommand,
  DescribeClustersCommand,
  DescribeTaskDefinitionCommand,
  ListServiceDeploymentsCommand,
  ListTagsForResourceCommand,
  RunTaskCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type Tag,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsError, createFargateCluster, NETWORK, postEcsJson, registerWebApp } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const ARN_PREFIX = "arn:aws:ecs:us-east-1:000000000000";

async function clusterArn(clusterName: string, tags?: Tag[]): Promise<string> {
  const { cluster } = await local.ecs.send(new CreateClusterCommand({ clusterName, tags }));
  return cluster!.clusterArn!;
}

const tag = (resourceArn: string, tags: Tag[]) => local.ecs.send(new TagResourceCommand({ resourceArn, tags }));
const untag = (resourceArn: string, tagKeys: string[]) => local.ecs.send(new UntagResourceCommand({ resourceArn, tagKeys }));
const listTags = async (resourceArn: string) =>
  (await local.ecs.send(new ListTagsForResourceCommand({ resourceArn }))).tags;

describe("tags on a cluster", () => {
  it("round-trips: add, overwrite by key, remove", async () => {
    const arn = await clusterArn("tagged", [{ key: "team", value: "payments" }]);
    expect(await listTags(arn)).toEqual([{ key: "team", value: "payments" }]);

    await tag(arn, [
      { key: "team", value: "checkout" },
      { key: "env", value: "prod" },
      { key: "empty" },
    ]);
    expect(await listTags(arn)).toEqual([
      { key: "team", value: "checkout" },
      { key: "env", value: "prod" },
      { key: "empty", value: "" },
    ]);

    await untag(arn, ["team", "not-there"]);
    expect(await listTags(arn)).toEqual([
      { key: "env", value: "prod" },
      { key: "empty", value: "" },
    ]);
    const described = await local.ecs.send(new DescribeClustersCommand({ clusters: [arn], include: ["TAGS"] }));
    expect(described.clusters![0].tags).toEqual([
      { key: "env", value: "prod" },
      { key: "empty", value: "" },
    ]);
  });

  it("lists no tags for an untagged cluster", async () => {
    expect(await listTags(await clusterArn("untagged"))).toEqual([]);
  });

  it("enforces ECS's tag limits", async () => {
    const arn = await clusterArn("limited");
    expect((await awsError(tag(arn, [{ key: "aws:owner", value: "x" }]))).name).toBe("InvalidParameterException");
    expect((await awsError(tag(arn, [{ key: "k".repeat(129), value: "x" }]))).name).toBe("InvalidParameterException");
    expect((await awsError(tag(arn, [{ key: "k", value: "v".repeat(257) }]))).name).toBe("InvalidParameterException");
    await tag(arn, Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: "v" })));
    expect((await awsError(tag(arn, [{ key: "one-too-many", value: "v" }]))).name).toBe("InvalidParameterException");
    expect(await listTags(arn)).toHaveLength(50);
  });

  it("refuses a deleted cluster with ECS's inactive-cluster error", async () => {
    const arn = await clusterArn("deleted-tagged", [{ key: "k", value: "v" }]);
    await local.ecs.send(new DeleteClusterCommand({ cluster: arn }));
    const error = await awsError(listTags(arn));
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toBe("The specified cluster is inactive. Specify an active cluster and try again.");
    expect((await awsError(tag(arn, [{ key: "k", value: "v" }]))).name).toBe("InvalidParameterException");
  });

  it("says ClusterNotFoundException for a cluster that never existed", async () => {
    const arn = `${ARN_PREFIX}:cluster/never`;
    expect((await awsError(listTags(arn))).name).toBe("ClusterNotFoundException");
    expect((await awsError(tag(arn, [{ key: "k", value: "v" }]))).name).toBe("ClusterNotFoundException");
    expect((await awsError(untag(arn, ["k"]))).name).toBe("ClusterNotFoundException");
  });
});

describe("tags on resources inside a cluster", () => {
  it("round-trips on a task definition, a service, its deployment and a task", async () => {
    await createFargateCluster(local.ecs, "holder");
    const taskDefinition = await registerWebApp(local.ecs, "holder-app", "public.ecr.aws/slipway/web:1.0.0");
    const { service } = await local.ecs.send(
      new CreateServiceCommand({ cluster: "holder", serviceName: "web", taskDefinition, desiredCount: 0, networkConfiguration: NETWORK }),
    );
    const deployments = await local.ecs.send(new ListServiceDeploymentsCommand({ cluster: "holder", service: "web" }));
    const run = await local.ecs.send(new RunTaskCommand({ cluster: "holder", taskDefinition, networkConfiguration: NETWORK }));
    const arns = [
      taskDefinition,
      service!.serviceArn!,
      deployments.serviceDeployments![0].serviceDeploymentArn!,
      run.tasks![0].taskArn!,
    ];
    for (const arn of arns) {
      await tag(arn, [{ key: "owner", value: "me" }, { key: "tier", value: "web" }]);
      expect(await listTags(arn)).toEqual([{ key: "owner", value: "me" }, { key: "tier", value: "web" }]);
      await untag(arn, ["owner"]);
      expect(await listTags(arn)).toEqual([{ key: "tier", value: "web" }]);
    }
    const described = await local.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ["TAGS"] }));
    expect(described.tags).toEqual([{ key: "tier", value: "web" }]);
  });

  it("says which is missing: the cluster, or the resource in it", async () => {
    await clusterArn("sparse");
    const missingService = `${ARN_PREFIX}:service/sparse/nothing`;
    expect((await awsError(tag(missingService, [{ key: "k", value: "v" }]))).name).toBe("ResourceNotFoundException");
    expect((await awsError(untag(missingService, ["k"]))).name).toBe("ResourceNotFoundException");
    expect((await awsError(listTags(missingService))).name).toBe("InvalidParameterException");
    expect((await awsError(listTags(`${ARN_PREFIX}:task/no-cluster/abc`))).name).toBe("ClusterNotFoundException");
    expect((await awsError(listTags(`${ARN_PREFIX}:service-deployment/sparse/web/abc`))).name).toBe("InvalidParameterException");
    expect((await awsError(tag(`${ARN_PREFIX}:task-definition/never:1`, [{ key: "k", value: "v" }]))).name).toBe(
      "ResourceNotFoundException",
    );
  });

  it("refuses old-format service and task ARNs, as ECS does", async () => {
    const error = await awsError(tag(`${ARN_PREFIX}:service/web`, [{ key: "k", value: "v" }]));
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toContain("Long arn format");
    expect((await awsError(listTags(`${ARN_PREFIX}:task/0123`))).name).toBe("InvalidParameterException");
  });
});

describe("malformed tagging requests", () => {
  it.each([
    ["not-an-arn"],
    ["arn:aws:s3:::bucket"],
    [`${ARN_PREFIX}:widget/thing`],
    [`${ARN_PREFIX}:cluster/a/b`],
  ])("rejects the ARN %s", async (resourceArn) => {
    const error = await awsError(listTags(resourceArn));
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toBe("The ARN provided is invalid.");
  });

  it.each([
    ["TagResource", { tags: [{ key: "k" }] }],
    ["TagResource", { resourceArn: 42, tags: [] }],
    ["TagResource", { resourceArn: `${ARN_PREFIX}:cluster/default` }],
    ["TagResource", { resourceArn: `${ARN_PREFIX}:cluster/default`, tags: "k=v" }],
    ["TagResource", { resourceArn: `${ARN_PREFIX}:cluster/default`, tags: [null] }],
    ["TagResource", { resourceArn: `${ARN_PREFIX}:cluster/default`, tags: [{ key: "k", value: 5 }] }],
    ["UntagResource", { resourceArn: `${ARN_PREFIX}:cluster/default`, tagKeys: "k" }],
    ["UntagResource", { resourceArn: `${ARN_PREFIX}:cluster/default`, tagKeys: [1] }],
    ["ListTagsForResource", { resourceArn: ["x"] }],
  ])("answers %s with %j by a 400", async (operation, body) => {
    await clusterArn("default");
    expect(await postEcsJson(local.emulator.endpoint, operation, body)).toEqual({ status: 400, type: "InvalidParameterException" });
  });
});
