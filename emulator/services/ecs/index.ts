import type { ServiceDefinition } from "../../protocols/operation";
import type { EcsWorld } from "../../world";
import { createClusterOperations } from "./clusters";
import { createServiceDeploymentOperations } from "./service-deployments";
import { createServiceOperations } from "./services";
import { createTagOperations } from "./tags";
import { createTaskDefinitionOperations } from "./task-definitions";
import { createTaskOperations } from "./tasks";

export const ECS_TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

export function createEcsService(world: EcsWorld, beforeOperation?: ServiceDefinition["beforeOperation"]): ServiceDefinition {
  return {
    name: "ECS",
    beforeOperation,
    operations: {
      ...createClusterOperations(world),
      ...createTaskDefinitionOperations(world),
      ...createTaskOperations(world),
      ...createServiceOperations(world),
      ...createServiceDeploymentOperations(world),
      ...createTagOperations(world),
    },
  };
}
