"use server";

import { UpdateServiceCommand, type Service } from "@aws-sdk/client-ecs";
import { formatCount } from "@/lib/format";
import { scaleServiceInput } from "@/lib/schemas/operations";
import { rolloutOf } from "@/lib/view-models/deployments";
import { sendEcs } from "@/server/aws/writes";
import { defineAction } from "./action-client";

/** What ECS does next, from the service UpdateService returned: its tasks now, against the count it wants. */
function whatHappensNext(service: Service | undefined, desiredCount: number): string {
  if (service && rolloutOf(service).inProgress) return "Its deployment in progress scales to match.";
  const current = (service?.runningCount ?? 0) + (service?.pendingCount ?? 0);
  if (desiredCount > current) return `ECS is starting ${desiredCount - current} more.`;
  if (desiredCount < current) return `ECS is stopping ${current - desiredCount}.`;
  return "It runs that many now.";
}

/** Sets a service's desired count; ECS starts or stops tasks to match, within its deployment configuration. */
export const scaleService = defineAction({
  name: "service.scale",
  permission: "operate",
  input: scaleServiceInput,
  async run({ cluster, service, desiredCount }, { connection }) {
    const { service: updated, $metadata } = await sendEcs(connection, new UpdateServiceCommand({ cluster, service, desiredCount }));
    const name = updated?.serviceName ?? service;
    return {
      message: `${name} now wants ${formatCount(desiredCount, "task")}. ${whatHappensNext(updated, desiredCount)}`,
      value: { desiredCount: updated?.desiredCount ?? desiredCount },
      target: updated?.serviceArn,
      requestId: $metadata.requestId,
    };
  },
});
