import "server-only";
import { GetMetricDataCommand, type Dimension, type MetricDataQuery, type MetricDataResult } from "@aws-sdk/client-cloudwatch";
import type { ServiceDeployment } from "@aws-sdk/client-ecs";
import { DescribeTargetGroupsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { RequestCounts } from "@/lib/rollout/to-sample";
import { connectionKey, type Connection } from "@/server/aws/connection";
import { readCloudWatch, readElb } from "@/server/aws/reads";

/**
 * Requests and 5xx per target group of a deployment, as CloudWatch has them from ALB
 * (AWS/ApplicationELB RequestCount and HTTPCode_Target_5XX_Count, Sum, 60-s periods), in the
 * latest complete period. One read costs elbv2:DescribeTargetGroups (which load balancers a
 * group is behind: the metrics' dimensions) and one cloudwatch:GetMetricData for all groups;
 * a deployment is read at most once every METRICS_INTERVAL_MS, the counts reused in between.
 */
export const METRICS_INTERVAL_MS = 10_000;

const PERIOD_SECONDS = 60;
const PERIOD_MS = PERIOD_SECONDS * 1000;
/** How far a deployment not yet finished may run: its window ends here, in ECS's clock. */
const LONGEST_DEPLOYMENT_MS = 14 * 24 * 3600 * 1000;
/** Newest first, a few per query: the period under way, the latest complete one, and one to spare. */
const POINTS_PER_QUERY = 3;
const MAX_REMEMBERED = 1_000;

/**
 * The deployment's life in ECS's own clock (local ECS's runs ahead of the wall clock), from a
 * minute before it was created, on a whole minute so that periods fall on minutes.
 */
export function metricsWindow(deployment: ServiceDeployment): { StartTime: Date; EndTime: Date } | undefined {
  const created = deployment.createdAt?.getTime();
  if (created === undefined) return undefined;
  const start = Math.floor((created - PERIOD_MS) / PERIOD_MS) * PERIOD_MS;
  const end = (deployment.finishedAt ?? deployment.stoppedAt)?.getTime() ?? created + LONGEST_DEPLOYMENT_MS;
  return { StartTime: new Date(start), EndTime: new Date(Math.max(end, start + PERIOD_MS)) };
}

/** `…:targetgroup/web/123` → `targetgroup/web/123`; `…:loadbalancer/app/demo/456` → `app/demo/456`. */
function dimensionsOf(targetGroupArn: string, loadBalancerArn: string): Dimension[] | undefined {
  const targetGroup = targetGroupArn.split(":targetgroup/")[1];
  const loadBalancer = loadBalancerArn.split(":loadbalancer/")[1];
  // Only Application Load Balancers count requests per target group.
  if (!targetGroup || !loadBalancer?.startsWith("app/")) return undefined;
  return [{ Name: "LoadBalancer", Value: loadBalancer }, { Name: "TargetGroup", Value: `targetgroup/${targetGroup}` }];
}

/** Query ids: `r<group>_<lb>` for RequestCount, `e<group>_<lb>` for 5xx (ids start with a lower-case letter). */
function queriesFor(groups: ReadonlyMap<string, readonly string[]>): MetricDataQuery[] {
  return [...groups].flatMap(([targetGroupArn, loadBalancerArns], g) =>
    loadBalancerArns.flatMap((loadBalancerArn, l) => {
      const dimensions = dimensionsOf(targetGroupArn, loadBalancerArn);
      if (!dimensions) return [];
      const stat = (MetricName: string) => ({ Metric: { Namespace: "AWS/ApplicationELB", MetricName, Dimensions: dimensions }, Period: PERIOD_SECONDS, Stat: "Sum" });
      return [
        { Id: `r${g}_${l}`, MetricStat: stat("RequestCount") },
        { Id: `e${g}_${l}`, MetricStat: stat("HTTPCode_Target_5XX_Count") },
      ];
    }),
  );
}

/** A result's value for the period starting at `at`: 0 when the result reaches back that far without one; undefined when it does not. */
function valueAt(result: MetricDataResult | undefined, at: number): number | undefined {
  if (!result) return undefined;
  const timestamps = (result.Timestamps ?? []).map((timestamp) => timestamp.getTime());
  const index = timestamps.indexOf(at);
  if (index >= 0) return result.Values?.[index];
  const covered = result.StatusCode === "Complete" || timestamps.some((timestamp) => timestamp < at);
  return covered ? 0 : undefined;
}

/**
 * Each group's counts in the latest complete period: the one before the newest period any
 * group has data for (that one may still be under way). A group whose counts cannot be told
 * is left out. All queries share one StartTime, so their periods line up.
 */
export function countsInLatestCompletePeriod(groups: ReadonlyMap<string, readonly string[]>, results: readonly MetricDataResult[]): Map<string, RequestCounts> {
  const newest = Math.max(...results.flatMap((result) => (result.Timestamps ?? []).map((timestamp) => timestamp.getTime())));
  const counts = new Map<string, RequestCounts>();
  if (!Number.isFinite(newest)) return counts;
  const latestComplete = newest - PERIOD_MS;
  const byId = new Map(results.map((result) => [result.Id, result]));
  [...groups].forEach(([targetGroupArn, loadBalancerArns], g) => {
    const requests = loadBalancerArns.map((_, l) => valueAt(byId.get(`r${g}_${l}`), latestComplete));
    const errors = loadBalancerArns.map((_, l) => valueAt(byId.get(`e${g}_${l}`), latestComplete));
    const values = [...requests, ...errors];
    if (values.length === 0 || values.some((value) => value === undefined)) return;
    const total = (list: Array<number | undefined>) => list.reduce<number>((sum, value) => sum + (value ?? 0), 0);
    counts.set(targetGroupArn, { requests: total(requests), errors5xx: total(errors) });
  });
  return counts;
}

async function readRequestCounts(connection: Connection, deployment: ServiceDeployment, targetGroupArns: readonly string[]): Promise<Map<string, RequestCounts> | undefined> {
  const window = metricsWindow(deployment);
  if (!window || targetGroupArns.length === 0) return undefined;
  const { TargetGroups } = await readElb(connection, new DescribeTargetGroupsCommand({ TargetGroupArns: [...targetGroupArns] }));
  const groups = new Map(targetGroupArns.map((arn) => [arn, TargetGroups?.find((group) => group.TargetGroupArn === arn)?.LoadBalancerArns ?? []]));
  const queries = queriesFor(groups);
  if (queries.length === 0) return undefined;
  const { MetricDataResults } = await readCloudWatch(
    connection,
    new GetMetricDataCommand({ ...window, MetricDataQueries: queries, ScanBy: "TimestampDescending", MaxDatapoints: queries.length * POINTS_PER_QUERY }),
  );
  return countsInLatestCompletePeriod(groups, MetricDataResults ?? []);
}

interface Remembered {
  readAtMs: number;
  counts: Promise<Map<string, RequestCounts> | undefined>;
}

const remembered = new Map<string, Remembered>();

/**
 * The deployment's counts per target group, read at most once every METRICS_INTERVAL_MS of
 * `nowMs` (the dashboard's clock: it paces calls, and has nothing to do with the window).
 * A refused or failed read (no cloudwatch:GetMetricData permission, throttled) gives undefined
 * until the next read is due, and never fails the look.
 */
export function requestCountsOf(connection: Connection, deployment: ServiceDeployment, targetGroupArns: readonly string[], nowMs: number): Promise<Map<string, RequestCounts> | undefined> {
  const key = `${connectionKey(connection)} ${deployment.serviceDeploymentArn}`;
  const last = remembered.get(key);
  if (last && nowMs - last.readAtMs < METRICS_INTERVAL_MS) return last.counts;
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  const counts = readRequestCounts(connection, deployment, targetGroupArns).catch(() => undefined);
  remembered.set(key, { readAtMs: nowMs, counts });
  return counts;
}

/** Forgets every deployment's counts, so that the next look reads them (tests). */
export function forgetRequestCounts(): void {
  remembered.clear();
}
