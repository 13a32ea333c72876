import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteClusterCommand,
  DeleteServiceCommand,
  DescribeClustersCommand,
  ListClustersCommand,
  PutClusterCapacityProvidersCommand,
  RunTaskCommand,
  StopTaskCommand,
  TagResourceCommand,
  UpdateClusterCommand,
  UpdateClusterSettingsCommand,
  type Cluster,
  type CreateClusterCommandInput,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsError, createFargateCluster, NETWORK, postEcsJson, registerWebApp, waitFor } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const ARN_PREFIX = "arn:aws:ecs:us-east-1:000000000000";

const createCluster = (clusterName: string) => local.ecs.send(new CreateClusterCommand({ clusterName }));

describe("the default cluster", () => {
  it("is missing until created, then created when no name is given", async () => {
    const before = await local.ecs.send(new DescribeClustersCommand({}));
    expect(before.clusters).toEqual([]);
    expect(before.failures).toEqual([{ arn: `${ARN_PREFIX}:cluster/default`, reason: "MISSING" }]);

    const { cluster } = await local.ecs.send(new CreateClusterCommand({}));
    expect(cluster).toMatchObject({
      clusterArn: `${ARN_PREFIX}:cluster/default`,
      clusterName: "default",
      status: "ACTIVE",
      registeredContainerInstancesCount: 0,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      activeServicesCount: 0,
      statistics: [],
      tags: [],
      settings: [{ name: "containerInsights", value: "disabled" }],
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
    });
    const after = await local.ecs.send(new DescribeClustersCommand({}));
    expect(after.clusters?.map((c) => c.clusterName)).toEqual(["default"]);
    expect(after.failures).toEqual([]);
  });
});

describe("CreateCluster", () => {
  it("stores every parameter and returns the whole cluster", async () => {
    const { cluster } = await local.ecs.send(
      new CreateClusterCommand({
        clusterName: "full_cluster-1",
        capacityProviders: ["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategy: [
          { capacityProvider: "FARGATE", weight: 1, base: 2 },
          { capacityProvider: "FARGATE_SPOT", weight: 3 },
        ],
        settings: [{ name: "containerInsights", value: "enhanced" }],
        configuration: { executeCommandConfiguration: { logging: "DEFAULT", kmsKeyId: "key-1" } },
        serviceConnectDefaults: { namespace: "demo.local" },
        tags: [{ key: "team", value: "payments" }],
      }),
    );
    expect(cluster).toMatchObject({
      clusterName: "full_cluster-1",
      status: "ACTIVE",
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [
        { capacityProvider: "FARGATE", weight: 1, base: 2 },
        { capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 },
      ],
      settings: [{ name: "containerInsights", value: "enhanced" }],
      configuration: { executeCommandConfiguration: { logging: "DEFAULT", kmsKeyId: "key-1" } },
      serviceConnectDefaults: { namespace: "demo.local" },
      tags: [{ key: "team", value: "payments" }],
      attachmentsStatus: "UPDATE_COMPLETE",
    });
  });

  it("answers a repeated create with the existing cluster, unchanged", async () => {
    const first = await local.ecs.send(
      new CreateClusterCommand({ clusterName: "repeat", settings: [{ name: "containerInsights", value: "enabled" }] }),
    );
    const second = await local.ecs.send(
      new CreateClusterCommand({ clusterName: "repeat", settings: [{ name: "containerInsights", value: "disabled" }] }),
    );
    expect(second.cluster?.clusterArn).toBe(first.cluster?.clusterArn);
    expect(second.cluster?.settings).toEqual([{ name: "containerInsights", value: "enabled" }]);
    const list = await local.ecs.send(new ListClustersCommand({}));
    expect(list.clusterArns?.filter((arn) => arn.endsWith("/repeat"))).toHaveLength(1);
  });

  it.each([["bad name"], ["a".repeat(256)], ["dots.not.allowed"], [""]])("rejects the name %j", async (clusterName) => {
    const error = await awsError(createCluster(clusterName));
    expect(error.name).toBe("InvalidParameterException");
  });

  it("rejects capacity providers local ECS cannot have, naming them", async () => {
    const error = await awsError(
      local.ecs.send(new CreateClusterCommand({ clusterName: "asg", capacityProviders: ["FARGATE", "my-asg-provider"] })),
    );
    expect(error.name).toBe("InvalidParameterException");
    expect(error.message).toContain("my-asg-provider");
  });

  it.each([
    ["a provider the cluster does not have", ["FARGATE"], [{ capacityProvider: "FARGATE_SPOT", weight: 1 }]],
    ["two providers with a base", ["FARGATE", "FARGATE_SPOT"], [{ capacityProvider: "FARGATE", base: 1 }, { capacityProvider: "FARGATE_SPOT", base: 1 }]],
    ["a weight over 1000", ["FARGATE"], [{ capacityProvider: "FARGATE", weight: 1001 }]],
    ["a base over 100000", ["FARGATE"], [{ capacityProvider: "FARGATE", base: 100001 }]],
    ["the same provider twice", ["FARGATE"], [{ capacityProvider: "FARGATE" }, { capacityProvider: "FARGATE" }]],
  ])("rejects a default strategy with %s", async (_why, capacityProviders, defaultCapacityProviderStrategy) => {
    const error = await awsError(
      local.ecs.send(new CreateClusterCommand({ clusterName: "strategy", capacityProviders, defaultCapacityProviderStrategy })),
    );
    expect(error.name).toBe("InvalidParameterException");
    const described = await local.ecs.send(new DescribeClustersCommand({ clusters: ["strategy"] }));
    expect(described.failures?.[0]?.reason).toBe("MISSING");
  });

  it("rejects bad settings, configuration and tags without creating anything", async () => {
    const attempts: Partial<CreateClusterCommandInput>[] = [
      { settings: [{ name: "containerInsights", value: "sometimes" }] },
      { configuration: { executeCommandConfiguration: { logging: "OVERRIDE" } } },
      { tags: [{ key: "aws:reserved", value: "x" }] },
      { tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" })) },
    ];
    for (const attempt of attempts) {
      const error = await awsError(local.ecs.send(new CreateClusterCommand({ clusterName: "rejected", ...attempt })));
      expect(error.name).toBe("InvalidParameterException");
    }
    const described = await local.ecs.send(new DescribeClustersCommand({ clusters: ["rejected"] }));
    expect(described.failures?.[0]?.reason).toBe("MISSING");
  });

  it.each([
    ["CreateCluster", { clusterName: 42 }],
    ["CreateCluster", { clusterName: "typed", capacityProviders: "FARGATE" }],
    ["CreateCluster", { clusterName: "typed", capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: "1" }] }],
    ["CreateCluster", { clusterName: "typed", defaultCapacityProviderStrategy: ["FARGATE"] }],
    ["CreateCluster", { clusterName: "typed", settings: { name: "containerInsights" } }],
    ["CreateCluster", { clusterName: "typed", configuration: "yes" }],
    ["CreateCluster", { clusterName: "typed", serviceConnectDefaults: {} }],
    ["CreateCluster", { clusterName: "typed", tags: "team=payments" }],
    ["DescribeClusters", { clusters: "default" }],
    ["DescribeClusters", { clusters: [1] }],
    ["DescribeClusters", { include: ["EVERYTHING"] }],
    ["ListClusters", { maxResults: "10" }],
    ["ListClusters", { nextToken: 7 }],
    ["DeleteCluster", { cluster: ["default"] }],
    ["DeleteCluster", {}],
    ["PutClusterCapacityProviders", { cluster: "default", capacityProviders: ["FARGATE"] }],
    ["UpdateClusterSettings", { cluster: "default" }],
  ])("answers malformed %s input %j with a 400", async (operation, body) => {
    const response = await postEcsJson(local.emulator.endpoint, operation, body);
    expect(response).toEqual({ status: 400, type: "InvalidParameterException" });
  });
});

describe("DescribeClusters", () => {
  it("returns settings, configuration, attachments, statistics and tags only when asked", async () => {
    await local.ecs.send(
      new CreateClusterCommand({
        clusterName: "parts",
        capacityProviders: ["FARGATE"],
        configuration: { managedStorageConfiguration: { kmsKeyId: "key-2" } },
        tags: [{ key: "env", value: "test" }],
      }),
    );
    const plain = (await local.ecs.send(new DescribeClustersCommand({ clusters: ["parts"] }))).clusters![0];
    expect(plain.settings).toBeUndefined();
    expect(plain.configuration).toBeUndefined();
    expect(plain.attachments).toBeUndefined();
    expect(plain.statistics).toEqual([]);
    expect(plain.tags).toEqual([]);
    expect(plain.capacityProviders).toEqual(["FARGATE"]);

    const full = (
      await local.ecs.send(
        new DescribeClustersCommand({ clusters: ["parts"], include: ["ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"] }),
      )
    ).clusters![0];
    expect(full.settings).toEqual([{ name: "containerInsights", value: "disabled" }]);
    expect(full.configuration).toEqual({ managedStorageConfiguration: { kmsKeyId: "key-2" } });
    expect(full.attachments).toEqual([]);
    expect(full.tags).toEqual([{ key: "env", value: "test" }]);
    expect(full.statistics?.map((s) => s.name)).toEqual([
      "runningFargateTasksCount",
      "runningEC2TasksCount",
      "pendingFargateTasksCount",
      "pendingEC2TasksCount",
      "activeFargateServiceCount",
      "activeEC2ServiceCount",
      "drainingFargateServiceCount",
      "drainingEC2ServiceCount",
    ]);
  });

  it("accepts names and ARNs together and reports the unknown ones as MISSING", async () => {
    const { cluster } = await createCluster("described-a");
    await createCluster("described-b");
    const result = await local.ecs.send(
      new DescribeClustersCommand({ clusters: [cluster!.clusterArn!, "described-b", "nowhere", `${ARN_PREFIX}:cluster/gone`] }),
    );
    expect(result.clusters?.map((c) => c.clusterName)).toEqual(["described-a", "described-b"]);
    expect(result.failures).toEqual([
      { arn: `${ARN_PREFIX}:cluster/nowhere`, reason: "MISSING" },
      { arn: `${ARN_PREFIX}:cluster/gone`, reason: "MISSING" },
    ]);
  });

  it("refuses more than 100 clusters", async () => {
    const clusters = Array.from({ length: 101 }, (_, i) => `c${i}`);
    const error = await awsError(local.ecs.send(new DescribeClustersCommand({ clusters })));
    expect(error.name).toBe("InvalidParameterException");
  });
});

describe("ListClusters", () => {
  it("pages through every active cluster in ARN order", async () => {
    for (const name of ["page-c", "page-a", "page-e", "page-b", "page-d"]) await createCluster(name);
    const all = (await local.ecs.send(new ListClustersCommand({}))).clusterArns!;
    expect(all).toEqual([...all].sort());
    expect(all.filter((arn) => arn.includes("/page-"))).toHaveLength(5);

    const paged: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await local.ecs.send(new ListClustersCommand({ maxResults: 2, nextToken }));
      expect(page.clusterArns!.length).toBeLessThanOrEqual(2);
      paged.push(...page.clusterArns!);
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    expect(paged).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it.each([[0], [101]])("rejects maxResults %i", async (maxResults) => {
    const error = await awsError(local.ecs.send(new ListClustersCommand({ maxResults })));
    expect(error.name).toBe("InvalidParameterException");
  });

  it("rejects a nextToken it did not issue", async () => {
    const error = await awsError(local.ecs.send(new ListClustersCommand({ nextToken: "bogus" })));
    expect(error.name).toBe("InvalidParameterException");
  });
});

describe("DeleteCluster", () => {
  it("says ClusterNotFoundException for an unknown cluster", async () => {
    const error = await awsError(local.ecs.send(new DeleteClusterCommand({ cluster: "never-made" })));
    expect(error.name).toBe("ClusterNotFoundException");
    expect(error.message).toBe("Cluster not found.");
  });

  it("deletes an idle cluster, keeps describing it as INACTIVE, and re-creates it fresh", async () => {
    const created = await local.ecs.send(
      new CreateClusterCommand({ clusterName: "short-lived", tags: [{ key: "old", value: "1" }] }),
    );
    const arn = created.cluster!.clusterArn!;

    const deleted = await local.ecs.send(new DeleteClusterCommand({ cluster: arn }));
    expect(deleted.cluster).toMatchObject({ clusterArn: arn, status: "INACTIVE" });

    const described = await local.ecs.send(new DescribeClustersCommand({ clusters: [arn], include: ["TAGS"] }));
    expect(described.clusters).toMatchObject([{ status: "INACTIVE", tags: [] }]);
    expect((await local.ecs.send(new ListClustersCommand({}))).clusterArns).not.toContain(arn);
    expect((await awsError(local.ecs.send(new DeleteClusterCommand({ cluster: arn })))).name).toBe("ClusterNotFoundException");
    expect((await awsError(local.ecs.send(new UpdateClusterSettingsCommand({ cluster: arn, settings: [] })))).name).toBe(
      "ClusterNotFoundException",
    );

    const recreated = await createCluster("short-lived");
    expect(recreated.cluster).toMatchObject({ clusterArn: arn, status: "ACTIVE", tags: [] });
    expect((await local.ecs.send(new ListClustersCommand({}))).clusterArns).toContain(arn);
  });
});

describe("PutClusterCapacityProviders", () => {
  it("replaces the providers and the default strategy", async () => {
    await createCluster("capacity");
    const { cluster } = await local.ecs.send(
      new PutClusterCapacityProvidersCommand({
        cluster: "capacity",
        capacityProviders: ["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 4, base: 1 }],
      }),
    );
    expect(cluster).toMatchObject({
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 4, base: 1 }],
      attachmentsStatus: "UPDATE_COMPLETE",
    });
    const described = await local.ecs.send(new DescribeClustersCommand({ clusters: ["capacity"] }));
    expect(described.clusters![0].capacityProviders).toEqual(["FARGATE", "FARGATE_SPOT"]);

    const emptied = await local.ecs.send(
      new PutClusterCapacityProvidersCommand({ cluster: "capacity", capacityProviders: [], defaultCapacityProviderStrategy: [] }),
    );
    expect(emptied.cluster).toMatchObject({ capacityProviders: [], defaultCapacityProviderStrategy: [] });
  });

  it("validates as CreateCluster does", async () => {
    await createCluster("capacity-checked");
    const put = (capacityProviders: string[], provider: string) =>
      local.ecs.send(
        new PutClusterCapacityProvidersCommand({
          cluster: "capacity-checked",
          capacityProviders,
          defaultCapacityProviderStrategy: [{ capacityProvider: provider, weight: 1 }],
        }),
      );
    expect((await awsError(put(["EC2_ASG"], "EC2_ASG"))).name).toBe("InvalidParameterException");
    expect((await awsError(put(["FARGATE"], "FARGATE_SPOT"))).name).toBe("InvalidParameterException");
    const unknown = local.ecs.send(
      new PutClusterCapacityProvidersCommand({ cluster: "no-such", capacityProviders: [], defaultCapacityProviderStrategy: [] }),
    );
    expect((await awsError(unknown)).name).toBe("ClusterNotFoundException");
  });
});

describe("UpdateCluster and UpdateClusterSettings", () => {
  it("merge settings by name and replace the configuration", async () => {
    await local.ecs.send(
      new CreateClusterCommand({
        clusterName: "updated",
        configuration: { executeCommandConfiguration: { logging: "NONE" } },
      }),
    );
    const settings = await local.ecs.send(
      new UpdateClusterSettingsCommand({ cluster: "updated", settings: [{ name: "containerInsights", value: "enabled" }] }),
    );
    expect(settings.cluster?.settings).toEqual([{ name: "containerInsights", value: "enabled" }]);

    const updated = await local.ecs.send(
      new UpdateClusterCommand({
        cluster: "updated",
        configuration: { managedStorageConfiguration: { fargateEphemeralStorageKmsKeyId: "key-3" } },
        serviceConnectDefaults: { namespace: "updated.local" },
      }),
    );
    expect(updated.cluster).toMatchObject({
      settings: [{ name: "containerInsights", value: "enabled" }],
      configuration: { managedStorageConfiguration: { fargateEphemeralStorageKmsKeyId: "key-3" } },
      serviceConnectDefaults: { namespace: "updated.local" },
    });
    expect(updated.cluster?.configuration?.executeCommandConfiguration).toBeUndefined();
  });

  it("rejects unknown settings and unknown clusters", async () => {
    await createCluster("update-checked");
    const badSetting = local.ecs.send(
      new UpdateClusterSettingsCommand({ cluster: "update-checked", settings: [{ name: "turbo" as never, value: "on" }] }),
    );
    expect((await awsError(badSetting)).name).toBe("InvalidParameterException");
    const unknown = local.ecs.send(new UpdateClusterCommand({ cluster: "no-such", settings: [] }));
    expect((await awsError(unknown)).name).toBe("ClusterNotFoundException");
  });

  it("return the cluster with its current tags", async () => {
    const { cluster } = await createCluster("tag-later");
    await local.ecs.send(new TagResourceCommand({ resourceArn: cluster!.clusterArn, tags: [{ key: "k", value: "v" }] }));
    const updated = await local.ecs.send(new UpdateClusterSettingsCommand({ cluster: "tag-later", settings: [] }));
    expect(updated.cluster?.tags).toEqual([{ key: "k", value: "v" }]);
  });
});

describe("with real tasks and services", () => {
  const statisticsOf = (cluster: Cluster) => Object.fromEntries(cluster.statistics!.map((s) => [s.name, s.value]));
  const describeOne = async (cluster: string) =>
    (await local.ecs.send(new DescribeClustersCommand({ clusters: [cluster], include: ["STATISTICS"] }))).clusters![0];

  it("counts tasks live as they start, and refuses deletion until they have stopped", async () => {
    await createFargateCluster(local.ecs, "busy");
    const taskDefinition = await registerWebApp(local.ecs, "busy-app", "public.ecr.aws/slipway/web:1.0.0");
    const run = await local.ecs.send(new RunTaskCommand({ cluster: "busy", taskDefinition, count: 2, networkConfiguration: NETWORK }));
    const started = await describeOne("busy");
    expect(started.pendingTasksCount! + started.runningTasksCount!).toBe(2);
    expect((await awsError(local.ecs.send(new DeleteClusterCommand({ cluster: "busy" })))).name).toBe("ClusterContainsTasksException");

    const running = await waitFor("both tasks to run", async () => {
      const cluster = await describeOne("busy");
      return cluster.runningTasksCount === 2 ? cluster : undefined;
    });
    expect(running.pendingTasksCount).toBe(0);
    expect(statisticsOf(running)).toMatchObject({ runningFargateTasksCount: "2", runningEC2TasksCount: "0", pendingFargateTasksCount: "0" });

    for (const task of run.tasks!) await local.ecs.send(new StopTaskCommand({ cluster: "busy", task: task.taskArn }));
    const deleted = await waitFor("the stopped cluster to be deletable", () =>
      local.ecs.send(new DeleteClusterCommand({ cluster: "busy" })),
    );
    expect(deleted.cluster).toMatchObject({ status: "INACTIVE", runningTasksCount: 0, pendingTasksCount: 0 });
  });

  it("counts active services, and refuses deletion while one is active", async () => {
    await createFargateCluster(local.ecs, "served");
    const taskDefinition = await registerWebApp(local.ecs, "served-app", "public.ecr.aws/slipway/web:1.0.0");
    await local.ecs.send(
      new CreateServiceCommand({ cluster: "served", serviceName: "web", taskDefinition, desiredCount: 0, networkConfiguration: NETWORK }),
    );
    const cluster = await describeOne("served");
    expect(cluster.activeServicesCount).toBe(1);
    expect(statisticsOf(cluster)).toMatchObject({ activeFargateServiceCount: "1", activeEC2ServiceCount: "0" });
    const error = await awsError(local.ecs.send(new DeleteClusterCommand({ cluster: "served" })));
    expect(error.name).toBe("ClusterContainsServicesException");

    await local.ecs.send(new DeleteServiceCommand({ cluster: "served", service: "web" }));
    expect((await describeOne("served")).activeServicesCount).toBe(0);
    const deleted = await waitFor("the cluster to be deletable once its service is gone", () =>
      local.ecs.send(new DeleteClusterCommand({ cluster: "served" })),
    );
    expect(deleted.cluster?.status).toBe("INACTIVE");
  });

  it("will not remove a capacity provider a live service's strategy uses", async () => {
    await createFargateCluster(local.ecs, "in-use");
    const taskDefinition = await registerWebApp(local.ecs, "in-use-app", "public.ecr.aws/slipway/web:1.0.0");
    await local.ecs.send(
      new CreateServiceCommand({
        cluster: "in-use",
        serviceName: "spot",
        taskDefinition,
        desiredCount: 0,
        networkConfiguration: NETWORK,
        capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }],
      }),
    );
    const error = await awsError(
      local.ecs.send(
        new PutClusterCapacityProvidersCommand({
          cluster: "in-use",
          capacityProviders: ["FARGATE"],
          defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }],
        }),
      ),
    );
    expect(error.name).toBe("ResourceInUseException");
  });
});
