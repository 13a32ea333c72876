import "server-only";

/**
 * Counts the requests this process sends to AWS, per service and operation, retries
 * included: what AWS bills and throttles. Tests and benchmarks read it to check that a page
 * costs the calls it should.
 */
export type AwsService = "ecs" | "elbv2" | "cloudwatch";

const counts = new Map<string, number>();

export function countAwsCall(service: AwsService, operation: string): void {
  const key = `${service}:${operation}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Requests sent so far, keyed "ecs:DescribeServices", "elbv2:DescribeTargetHealth", "cloudwatch:GetMetricData", … */
export function awsCallCounts(): Record<string, number> {
  return Object.fromEntries(counts);
}

export function resetAwsCallCounts(): void {
  counts.clear();
}

/** `DescribeServicesCommand` → `DescribeServices`: the SDK names commands after the operation. */
export function operationOfCommand(commandName: string | undefined): string {
  return (commandName ?? "unknown").replace(/Command$/, "");
}
