import type { EcsWorld } from "../../world";

export function createServiceOperations(_world: EcsWorld) {
  return {};
}
