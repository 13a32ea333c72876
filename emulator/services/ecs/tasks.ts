import type { EcsWorld } from "../../world";

export function createTaskOperations(_world: EcsWorld) {
  return {};
}
