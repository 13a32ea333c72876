"use server";

import { CreateClusterCommand } from "@aws-sdk/client-ecs";
import { createClusterInput } from "@/lib/schemas/operations";
import { describeClusters } from "@/server/aws/batching";
import { sendEcs } from "@/server/aws/writes";
import { ActionRefusal, defineAction } from "./action-client";

/**
 * Creates a cluster with its capacity providers, default strategy and Container Insights.
 * ECS answers CreateCluster for a name that is already ACTIVE with that cluster, unchanged,
 * so a second "demo" would look created while nothing was; it is refused at the name instead.
 */
export const createCluster = defineAction({
  name: "cluster.create",
  permission: "operate",
  input: createClusterInput,
  async run({ clusterName, capacityProviders, defaultCapacityProviderStrategy, containerInsights }, { connection }) {
    const { clusters } = await describeClusters(connection, [clusterName]);
    if (clusters.some((cluster) => cluster.status === "ACTIVE")) {
      throw new ActionRefusal(`A cluster named ${clusterName} already exists.`, "clusterName");
    }
    const { cluster } = await sendEcs(
      connection,
      new CreateClusterCommand({
        clusterName,
        capacityProviders,
        defaultCapacityProviderStrategy,
        settings: [{ name: "containerInsights", value: containerInsights ? "enabled" : "disabled" }],
      }),
    );
    const name = cluster?.clusterName ?? clusterName;
    return { message: `Created cluster ${name}.`, value: { clusterName: name, clusterArn: cluster?.clusterArn }, target: cluster?.clusterArn };
  },
});
