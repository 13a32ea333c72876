/**
 * Fargate's task sizes, as ECS documents them: each task cpu value (CPU units) allows a fixed
 * set of memory values (MiB). The one copy: the dashboard's editor checks a draft against it
 * and local ECS refuses a registration by it. Like everything in lib/ecs-rules/, it imports
 * nothing, so local ECS can import it without importing the dashboard.
 */
function steps(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

export const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, steps(1024, 4096, 1024)],
  [1024, steps(2048, 8192, 1024)],
  [2048, steps(4096, 16384, 1024)],
  [4096, steps(8192, 30720, 1024)],
  [8192, steps(16384, 61440, 4096)],
  [16384, steps(32768, 122880, 8192)],
]);

export function isFargateSize(cpu: number, memory: number): boolean {
  return FARGATE_SIZES.get(cpu)?.includes(memory) ?? false;
}
