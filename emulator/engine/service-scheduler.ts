import type { EcsWorld } from "../world";

/** Keeps every service at its desired count and runs its deployments. */
export class ServiceScheduler {
  constructor(private readonly world: () => EcsWorld) {}
}
