import type { EcsWorld } from "../../world";

export function createServiceDeploymentOperations(_world: EcsWorld) {
  return {};
}
