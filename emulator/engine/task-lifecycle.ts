import type { EcsWorld } from "../world";

/** Moves tasks through their lifecycle over emulated time. */
export class TaskLifecycle {
  constructor(private readonly world: () => EcsWorld) {}
}
