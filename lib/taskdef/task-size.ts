import { FARGATE_SIZES } from "@/lib/ecs-rules/fargate-sizes";

export { FARGATE_SIZES };

/**
 * Task-level cpu and memory as ECS reads them: a whole number ("1024") or a number with a unit
 * ("0.25 vCPU", "2 GB"), converted to CPU units and MiB. Fargate allows only fixed pairs.
 */

/** Task cpu ranges from 0.125 to 192 vCPUs. */
export const MIN_TASK_CPU = 128;
export const MAX_TASK_CPU = 196_608;

export function parseTaskCpu(value: string): number | undefined {
  const units = parseQuantity(value, /^(\d+(?:\.\d+)?|\.\d+)\s*vcpu$/i);
  return units !== undefined && units >= MIN_TASK_CPU && units <= MAX_TASK_CPU ? units : undefined;
}

export function parseTaskMemory(value: string): number | undefined {
  const mib = parseQuantity(value, /^(\d+(?:\.\d+)?|\.\d+)\s*gb$/i);
  return mib !== undefined && mib >= 1 ? mib : undefined;
}

/** A plain integer, or a number with a unit times 1024; undefined unless the result is whole. */
function parseQuantity(value: string, withUnit: RegExp): number | undefined {
  const trimmed = value.trim();
  const unit = withUnit.exec(trimmed);
  const amount = unit ? Number(unit[1]) * 1024 : /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  return Number.isSafeInteger(amount) ? amount : undefined;
}

export function fargateCpuMessage(): string {
  return `Fargate allows task cpu ${[...FARGATE_SIZES.keys()].join(", ")} (CPU units).`;
}

export function fargateMemoryMessage(cpu: number): string {
  const allowed = FARGATE_SIZES.get(cpu) ?? [];
  return `With cpu ${cpu}, Fargate allows memory ${allowed.join(", ")} (MiB).`;
}
