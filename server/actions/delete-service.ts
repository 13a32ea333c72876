"use server";

import { DeleteServiceCommand } from "@aws-sdk/client-ecs";
import { serviceName } from "@/lib/arn";
import { formatCount } from "@/lib/format";
import { deleteServiceInput } from "@/lib/schemas/operations";
import { describeServices } from "@/server/aws/batching";
import { sendEcs } from "@/server/aws/writes";
import { ActionRefusal, defineAction } from "./action-client";

/**
 * Deletes a service. ECS deletes only a service that wants no tasks, unless asked to force it;
 * the person confirmed that its tasks stop, so it is forced, and ECS stops them (draining them
 * from their load balancers first) before the service goes INACTIVE. Its load balancers, target
 * groups and task definitions stay.
 */
export const deleteService = defineAction({
  name: "service.delete",
  permission: "operate",
  input: deleteServiceInput,
  async run({ cluster, service }, { connection }) {
    const { services } = await describeServices(connection, cluster, [service]);
    const current = services[0];
    if (current && current.status !== "ACTIVE") {
      throw new ActionRefusal(`${current.serviceName ?? serviceName(service)} is already ${current.status === "DRAINING" ? "being deleted" : "deleted"}.`);
    }
    const { service: deleted, $metadata } = await sendEcs(connection, new DeleteServiceCommand({ cluster, service, force: true }));
    const name = deleted?.serviceName ?? serviceName(service);
    const stopping = current?.runningCount ?? 0;
    return {
      message: stopping > 0 ? `Deleting ${name}: ECS is stopping its ${formatCount(stopping, "task")}, then removes it.` : `Deleted ${name}.`,
      value: { serviceArn: deleted?.serviceArn },
      target: deleted?.serviceArn,
      requestId: $metadata.requestId,
    };
  },
});
