"use server";

import { DeleteClusterCommand } from "@aws-sdk/client-ecs";
import { clusterName } from "@/lib/arn";
import { formatCount } from "@/lib/format";
import { deleteClusterInput } from "@/lib/schemas/operations";
import { describeClusters } from "@/server/aws/batching";
import { sendEcs } from "@/server/aws/writes";
import { ActionRefusal, defineAction } from "./action-client";

/**
 * Deletes an empty cluster. ECS refuses one that still has services or tasks
 * (ClusterContainsServicesException, ClusterContainsTasksException); the cluster's counts say
 * so first, in words that name what is left.
 */
export const deleteCluster = defineAction({
  name: "cluster.delete",
  permission: "operate",
  input: deleteClusterInput,
  async run({ cluster }, { connection }) {
    const { clusters } = await describeClusters(connection, [cluster]);
    const current = clusters.find((candidate) => candidate.status === "ACTIVE");
    const name = current?.clusterName ?? clusterName(cluster);
    const services = current?.activeServicesCount ?? 0;
    const tasks = (current?.runningTasksCount ?? 0) + (current?.pendingTasksCount ?? 0);
    const left = [services > 0 ? formatCount(services, "service") : undefined, tasks > 0 ? formatCount(tasks, "task") : undefined].filter(Boolean);
    if (left.length > 0) throw new ActionRefusal(`${name} still has ${left.join(" and ")}. ECS deletes only an empty cluster: delete its services and stop its tasks first.`);
    const { cluster: deleted, $metadata } = await sendEcs(connection, new DeleteClusterCommand({ cluster }));
    return { message: `Deleted cluster ${deleted?.clusterName ?? name}.`, value: { clusterArn: deleted?.clusterArn }, target: deleted?.clusterArn, requestId: $metadata.requestId };
  },
});
