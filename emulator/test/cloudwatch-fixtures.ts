import { CloudWatchClient, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { DescribeTargetGroupsCommand, type ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { TEST_CREDENTIALS } from "./harness";

/** CloudWatch tests' helpers: a client, and queries for a target group's ALB metrics. */
export function cloudWatchClientFor(endpoint: string): CloudWatchClient {
  return new CloudWatchClient({ endpoint, region: "us-east-1", credentials: TEST_CREDENTIALS, maxAttempts: 1 });
}

/** The `LoadBalancer` and `TargetGroup` dimensions CloudWatch gives a target group's metrics. */
export async function albDimensions(elb: ElasticLoadBalancingV2Client, targetGroupArn: string) {
  const group = (await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [targetGroupArn] }))).TargetGroups![0];
  return [
    { Name: "LoadBalancer", Value: group.LoadBalancerArns![0].split(":loadbalancer/")[1] },
    { Name: "TargetGroup", Value: `targetgroup/${targetGroupArn.split(":targetgroup/")[1]}` },
  ];
}

export function sumQuery(
  id: string,
  metricName: string,
  dimensions: Array<{ Name: string; Value: string }>,
  period = 60,
): MetricDataQuery {
  return { Id: id, MetricStat: { Metric: { Namespace: "AWS/ApplicationELB", MetricName: metricName, Dimensions: dimensions }, Period: period, Stat: "Sum" } };
}

export const sum = (values: number[] | undefined) => (values ?? []).reduce((total, value) => total + value, 0);
