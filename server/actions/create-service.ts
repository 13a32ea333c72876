"use server";

import { CreateServiceCommand } from "@aws-sdk/client-ecs";
import { createServiceChoices } from "@/lib/deploy/create-choices";
import { planCreateService } from "@/lib/deploy/plan";
import { targetGroupName } from "@/lib/view-models/load-balancing";
import { taskDefinitionRef } from "@/lib/view-models/common";
import { formatCount } from "@/lib/format";
import { describeServices } from "@/server/aws/batching";
import { sendEcs } from "@/server/aws/writes";
import { ActionRefusal, defineAction } from "./action-client";

/**
 * Creates a service from the create-service page's choices (CreateService, planned by
 * lib/deploy/plan.ts): its task definition, tasks, placement and network, and a load balancer
 * with, for blue/green, linear and canary, the alternate target group, listener rules and role.
 * A name the cluster already has (ACTIVE, or DRAINING until ECS forgets it) is refused at the
 * name field before anything is created.
 */
export const createService = defineAction({
  name: "service.create",
  permission: "operate",
  input: createServiceChoices,
  async run(choices, { connection }) {
    const { services } = await describeServices(connection, choices.cluster, [choices.serviceName]);
    const taken = services.find((service) => service.status !== "INACTIVE");
    if (taken) {
      const why = taken.status === "DRAINING" ? "is still being deleted; wait until it is gone, or pick another name" : "is taken: pick another name";
      throw new ActionRefusal(`${choices.cluster} already has a service ${choices.serviceName}; the name ${why}.`, "serviceName");
    }
    const { service } = await sendEcs(connection, new CreateServiceCommand(planCreateService(choices)));
    const name = service?.serviceName ?? choices.serviceName;
    const revision = taskDefinitionRef(service?.taskDefinition)?.label ?? choices.taskDefinition;
    const behind = choices.loadBalancer ? ` behind ${targetGroupName(choices.loadBalancer.targetGroupArn)}` : "";
    return {
      message: `${name} created: ${formatCount(choices.desiredCount, "task")} of ${revision}${behind}.`,
      value: { serviceArn: service?.serviceArn, serviceName: name },
      target: service?.serviceArn,
    };
  },
});
