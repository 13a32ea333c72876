import type { EcsWorld } from "../../world";

export function createClusterOperations(_world: EcsWorld) {
  return {};
}
