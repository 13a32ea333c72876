"use server";

import { UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { scaleServiceInput } from "@/lib/schemas/operations";
import { sendEcs } from "@/server/aws/writes";
import { defineAction } from "./action-client";

const tasks = (count: number) => `${count} ${count === 1 ? "task" : "tasks"}`;

/** Sets a service's desired count; ECS starts or stops tasks to match, within its deployment configuration. */
export const scaleService = defineAction({
  name: "service.scale",
  input: scaleServiceInput,
  async run({ cluster, service, desiredCount }, { connection }) {
    const { service: updated } = await sendEcs(connection, new UpdateServiceCommand({ cluster, service, desiredCount }));
    const name = updated?.serviceName ?? service;
    const running = updated?.runningCount ?? 0;
    const change =
      desiredCount > running ? `ECS is starting ${desiredCount - running} more.` : desiredCount < running ? `ECS is stopping ${running - desiredCount}.` : "It runs that many now.";
    return {
      message: `${name} now wants ${tasks(desiredCount)}. ${change}`,
      value: { desiredCount: updated?.desiredCount ?? desiredCount },
      target: updated?.serviceArn,
    };
  },
});
