import type { ServiceDefinition } from "../../protocols/operation";
import type { EcsWorld } from "../../world";
import { createAlarmOperations } from "./alarms";
import { createGetMetricDataOperation } from "./get-metric-data";
import { createListMetricsOperation } from "./list-metrics";

export const CLOUDWATCH_TARGET_PREFIX = "GraniteServiceVersion20100801";

/** CloudWatch over AWS JSON 1.0: the metrics local ECS's load balancers publish (elb-metrics.ts), and alarms on them (alarms.ts). */
export function createCloudWatchService(world: EcsWorld): ServiceDefinition {
  return {
    name: "CloudWatch",
    operations: {
      ...createGetMetricDataOperation(world),
      ...createListMetricsOperation(world),
      ...createAlarmOperations(world),
    },
  };
}
