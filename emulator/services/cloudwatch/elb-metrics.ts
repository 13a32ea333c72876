import type { Dimension, Metric } from "@aws-sdk/client-cloudwatch";
import type { TrafficSample } from "../../engine/load-balancing/plane";
import type { EcsWorld } from "../../world";

/**
 * The CloudWatch metrics local ECS publishes: what its Application Load Balancers count, per
 * target group and emulated second, for the last emulated hour (the data plane's traffic
 * counters). As ALB does, under namespace AWS/ApplicationELB with the dimensions
 * `LoadBalancer` = `app/<name>/<id>` and `TargetGroup` = `targetgroup/<name>/<id>`; a metric is
 * reported only for seconds where it is not zero.
 */
export const APPLICATION_ELB_NAMESPACE = "AWS/ApplicationELB";

const COUNTERS = {
  RequestCount: (sample: TrafficSample) => sample.requests,
  // Local ECS counts every 5xx answered for the group, including 502/503 from the load balancer itself.
  HTTPCode_Target_5XX_Count: (sample: TrafficSample) => sample.errors5xx,
} as const;

export type ElbMetricName = keyof typeof COUNTERS;
export const ELB_METRIC_NAMES = Object.keys(COUNTERS) as ElbMetricName[];

/** One published time series: a metric of one target group behind one load balancer. */
export interface ElbSeries {
  metric: Metric;
  metricName: ElbMetricName;
  targetGroupArn: string;
}

/** What follows the resource type in an ELB ARN: `…:loadbalancer/app/demo/123` → `app/demo/123`. */
function arnSuffix(arn: string, resourceType: "loadbalancer" | "targetgroup"): string | undefined {
  const at = arn.indexOf(`:${resourceType}/`);
  if (at < 0) return undefined;
  const path = arn.slice(at + resourceType.length + 2);
  return resourceType === "targetgroup" ? `targetgroup/${path}` : path;
}

function dimensionsOf(loadBalancerArn: string, targetGroupArn: string): Dimension[] | undefined {
  const loadBalancer = arnSuffix(loadBalancerArn, "loadbalancer");
  const targetGroup = arnSuffix(targetGroupArn, "targetgroup");
  return loadBalancer && targetGroup ? [{ Name: "LoadBalancer", Value: loadBalancer }, { Name: "TargetGroup", Value: targetGroup }] : undefined;
}

/** Every series local ECS could report: each metric of each target group an Application Load Balancer forwards to. */
export function elbSeries(world: EcsWorld): ElbSeries[] {
  const series: ElbSeries[] = [];
  for (const { targetGroup } of world.elb.targetGroups.values()) {
    for (const loadBalancerArn of targetGroup.LoadBalancerArns ?? []) {
      if (world.elb.loadBalancers.get(loadBalancerArn)?.loadBalancer.Type !== "application") continue;
      const dimensions = dimensionsOf(loadBalancerArn, targetGroup.TargetGroupArn!);
      if (!dimensions) continue;
      for (const metricName of ELB_METRIC_NAMES) {
        series.push({ metric: { Namespace: APPLICATION_ELB_NAMESPACE, MetricName: metricName, Dimensions: dimensions }, metricName, targetGroupArn: targetGroup.TargetGroupArn! });
      }
    }
  }
  return series;
}

function sameDimensions(a: readonly Dimension[], b: readonly Dimension[]): boolean {
  const key = (dimensions: readonly Dimension[]) => dimensions.map((d) => `${d.Name}=${d.Value}`).sort().join("\n");
  return a.length === b.length && key(a) === key(b);
}

/** The series a query names: namespace, name and exactly the same dimensions, as CloudWatch matches them. */
export function findSeries(world: EcsWorld, metric: Metric): ElbSeries | undefined {
  if (metric.Namespace !== APPLICATION_ELB_NAMESPACE) return undefined;
  return elbSeries(world).find((series) => series.metric.MetricName === metric.MetricName && sameDimensions(series.metric.Dimensions!, metric.Dimensions ?? []));
}

/** A series' non-zero counts per emulated second from `fromSecond` up to `throughSecond`, oldest first. */
export function countsPerSecond(world: EcsWorld, series: ElbSeries, fromSecond: number, throughSecond: number): Array<{ second: number; count: number }> {
  const count = COUNTERS[series.metricName];
  return world.loadBalancing
    .trafficOf(series.targetGroupArn, fromSecond)
    .filter((sample) => sample.second <= throughSecond && count(sample) > 0)
    .map((sample) => ({ second: sample.second, count: count(sample) }));
}
