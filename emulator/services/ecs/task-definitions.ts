import type { EcsWorld } from "../../world";

export function createTaskDefinitionOperations(_world: EcsWorld) {
  return {};
}
