import { CreateServiceCommand, type CreateServiceCommandInput, type ECSClient } from "@aws-sdk/client-ecs";

/** How many CreateService calls a bench keeps in flight while it loads local ECS. */
const CREATE_AT_ONCE = 50;

/** "svc-0042": the benches' service names, sorted as they are numbered. */
export function benchServiceName(i: number): string {
  return `svc-${String(i).padStart(4, "0")}`;
}

/** Creates `count` services named by benchServiceName, all from `template`, a batch at a time. */
export async function createBenchServices(ecs: ECSClient, count: number, template: Omit<CreateServiceCommandInput, "serviceName">): Promise<void> {
  for (let start = 0; start < count; start += CREATE_AT_ONCE) {
    const batch = Array.from({ length: Math.min(CREATE_AT_ONCE, count - start) }, (_, k) => start + k);
    await Promise.all(batch.map((i) => ecs.send(new CreateServiceCommand({ ...template, serviceName: benchServiceName(i) }))));
  }
}
