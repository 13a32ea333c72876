import type { EcsWorld } from "../../world";

export function createTagOperations(_world: EcsWorld) {
  return {};
}
