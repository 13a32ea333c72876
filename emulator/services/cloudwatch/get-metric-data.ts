import type { GetMetricDataCommandInput, GetMetricDataCommandOutput, Metric, MetricDataResult, ScanBy } from "@aws-sdk/client-cloudwatch";
import type { Output, RequestContext } from "../../protocols/operation";
import type { EcsWorld } from "../../world";
import { countsPerSecond, findSeries } from "./elb-metrics";
import { InvalidNextToken, InvalidParameterCombination, InvalidParameterValue, MissingParameter, ValidationError } from "./errors";
import { asObject, optionalList, optionalPositiveInteger, optionalString, requiredList, requiredString, requiredTimestamp } from "./input";

/**
 * GetMetricData over the metrics local ECS publishes (elb-metrics.ts), in emulated time. As
 * CloudWatch does: StartTime is inclusive and rounded down to the minute (to the period, for
 * periods under a minute), EndTime exclusive, data points are aligned to the rounded StartTime
 * and only periods with data have one; `ScanBy` orders them (newest first by default) and
 * `MaxDatapoints` pages them, shared evenly between the queries returned. Metric math and
 * Metrics Insights expressions are refused.
 */
const MAX_QUERIES = 500;
const DEFAULT_MAX_DATAPOINTS = 100_800;
const HIGH_RESOLUTION_PERIODS = new Set([1, 5, 10, 20, 30]);
const METRIC_ID = /^[a-z][A-Za-z0-9_]*$/;
const SCAN_ORDERS: readonly ScanBy[] = ["TimestampDescending", "TimestampAscending"];
const COUNTING_STATS = new Set(["Sum", "SampleCount"]);
// Each request is one sample of value 1, so these all read 1 (as ALB's docs say of its counts).
const UNIT_STATS = new Set(["Average", "Minimum", "Maximum"]);
const PERCENTILE = /^p(100|\d{1,2}(\.\d+)?)$/;

interface MetricQuery {
  id: string;
  label: string;
  returnData: boolean;
  metric: Metric;
  period: number;
  stat: string;
  unit?: string;
}

/** Timestamp (epoch seconds) and value, oldest first. */
type Datapoint = [number, number];

function readMetric(raw: unknown, path: string): Metric {
  const metric = asObject(raw, path);
  const dimensions = (optionalList(metric.Dimensions, `${path}.Dimensions`) ?? []).map((entry, index) => {
    const dimension = asObject(entry, `${path}.Dimensions.member.${index + 1}`);
    return {
      Name: requiredString(dimension.Name, `${path}.Dimensions.member.${index + 1}.Name`),
      Value: requiredString(dimension.Value, `${path}.Dimensions.member.${index + 1}.Value`, 1024),
    };
  });
  if (dimensions.length > 30) throw new InvalidParameterValue(`The collection ${path}.Dimensions must not have a size greater than 30.`);
  return {
    Namespace: requiredString(metric.Namespace, `${path}.Namespace`),
    MetricName: requiredString(metric.MetricName, `${path}.MetricName`),
    Dimensions: dimensions,
  };
}

function readPeriod(value: unknown, path: string): number {
  if (value === undefined || value === null) throw new MissingParameter(path);
  const period = optionalPositiveInteger(value, path)!;
  if (period % 60 !== 0 && !HIGH_RESOLUTION_PERIODS.has(period)) {
    throw new InvalidParameterValue(`The parameter ${path} must be 1, 5, 10, 20, 30, or a multiple of 60.`);
  }
  return period;
}

function readStat(value: unknown, path: string): string {
  const stat = requiredString(value, path);
  if (!COUNTING_STATS.has(stat) && !UNIT_STATS.has(stat) && !PERCENTILE.test(stat)) {
    throw new InvalidParameterValue(`The value ${stat} for parameter ${path} is not a valid statistic.`);
  }
  return stat;
}

function readQuery(raw: unknown, index: number): MetricQuery {
  const path = `MetricDataQueries.member.${index + 1}`;
  const query = asObject(raw, path);
  const id = requiredString(query.Id, `${path}.Id`);
  if (!METRIC_ID.test(id)) {
    throw new InvalidParameterValue(`The value ${id} for parameter ${path}.Id is not valid: the first character must be a lower case letter, and the rest letters, numbers or underscores.`);
  }
  const hasExpression = query.Expression !== undefined && query.Expression !== null;
  const hasStat = query.MetricStat !== undefined && query.MetricStat !== null;
  if (hasExpression === hasStat) throw new InvalidParameterCombination(`Exactly one of ${path}.MetricStat and ${path}.Expression must be specified.`);
  if (hasExpression) throw new InvalidParameterValue(`Local ECS does not evaluate metric math or Metrics Insights expressions (${path}.Expression).`);
  const stat = asObject(query.MetricStat, `${path}.MetricStat`);
  if (stat.Metric === undefined || stat.Metric === null) throw new MissingParameter(`${path}.MetricStat.Metric`);
  const metric = readMetric(stat.Metric, `${path}.MetricStat.Metric`);
  if (query.ReturnData !== undefined && typeof query.ReturnData !== "boolean") throw new InvalidParameterValue(`The parameter ${path}.ReturnData must be a boolean.`);
  return {
    id,
    label: optionalString(query.Label, `${path}.Label`, 2048) ?? metric.MetricName!,
    returnData: query.ReturnData !== false,
    metric,
    period: readPeriod(stat.Period, `${path}.MetricStat.Period`),
    stat: readStat(stat.Stat, `${path}.MetricStat.Stat`),
    unit: optionalString(stat.Unit, `${path}.MetricStat.Unit`),
  };
}

function readQueries(value: unknown): MetricQuery[] {
  const raw = requiredList(value, "MetricDataQueries");
  if (raw.length > MAX_QUERIES) throw new InvalidParameterValue(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
  const queries = raw.map(readQuery);
  const seen = new Set<string>();
  for (const { id } of queries) {
    if (seen.has(id)) throw new InvalidParameterValue(`The value ${id} for parameter MetricDataQueries.member.Id is used more than once.`);
    seen.add(id);
  }
  return queries;
}

/** The page a NextToken continues: the data as of one emulated second, and where each returned query stopped. */
interface PageToken {
  asOf: number;
  offsets: number[];
}

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString("base64url");
}

function decodeToken(value: unknown, queries: number): PageToken {
  try {
    const token = JSON.parse(Buffer.from(String(value), "base64url").toString("utf8")) as Partial<PageToken>;
    const offsets = token.offsets;
    if (Number.isInteger(token.asOf) && Array.isArray(offsets) && offsets.length === queries && offsets.every((o) => Number.isInteger(o) && o >= 0)) {
      return { asOf: token.asOf!, offsets };
    }
  } catch {
    // not one of ours
  }
  throw new InvalidNextToken();
}

function statValue(stat: string, count: number): number {
  return COUNTING_STATS.has(stat) ? count : 1;
}

/** The query's data points in [startMs, endMs), as the data stood at `asOfSecond`, oldest first. */
function datapointsOf(world: EcsWorld, query: MetricQuery, startMs: number, endMs: number, asOfSecond: number): Datapoint[] {
  const series = findSeries(world, query.metric);
  // CloudWatch converts no units: asking for another unit than the data's finds none.
  if (!series || (query.unit !== undefined && query.unit !== "Count")) return [];
  const alignTo = query.period < 60 ? query.period : 60;
  const start = Math.floor(startMs / 1000 / alignTo) * alignTo;
  const lastSecond = Math.min(asOfSecond, Math.ceil(endMs / 1000) - 1);
  const periods = new Map<number, number>();
  for (const { second, count } of countsPerSecond(world, series, start, lastSecond)) {
    const periodStart = start + Math.floor((second - start) / query.period) * query.period;
    if (periodStart * 1000 >= endMs) continue;
    periods.set(periodStart, (periods.get(periodStart) ?? 0) + count);
  }
  return [...periods].sort(([a], [b]) => a - b).map(([timestamp, count]) => [timestamp, statValue(query.stat, count)]);
}

export function createGetMetricDataOperation(world: EcsWorld) {
  return {
    GetMetricData(_ctx: RequestContext, input: GetMetricDataCommandInput): Output<GetMetricDataCommandOutput> {
      const queries = readQueries(input.MetricDataQueries);
      const startMs = requiredTimestamp(input.StartTime, "StartTime");
      const endMs = requiredTimestamp(input.EndTime, "EndTime");
      if (startMs >= endMs) throw new InvalidParameterValue("The parameter StartTime must be less than the parameter EndTime.");
      const scanBy = input.ScanBy ?? "TimestampDescending";
      if (!SCAN_ORDERS.includes(scanBy)) {
        throw new ValidationError(`Value '${String(scanBy)}' at 'scanBy' failed to satisfy constraint: Member must satisfy enum value set: [${SCAN_ORDERS.join(", ")}]`);
      }
      const maxDatapoints = optionalPositiveInteger(input.MaxDatapoints, "MaxDatapoints") ?? DEFAULT_MAX_DATAPOINTS;
      const returned = queries.filter((query) => query.returnData);
      const token = input.NextToken === undefined || input.NextToken === null ? undefined : decodeToken(input.NextToken, returned.length);
      const asOf = token?.asOf ?? Math.floor(world.clock.nowMs() / 1000);
      const perQuery = Math.max(1, Math.floor(maxDatapoints / Math.max(1, returned.length)));

      const offsets: number[] = [];
      let more = false;
      const results = returned.map((query, index): MetricDataResult => {
        const all = datapointsOf(world, query, startMs, endMs, asOf);
        if (scanBy === "TimestampDescending") all.reverse();
        const from = token?.offsets[index] ?? 0;
        const page = all.slice(from, from + perQuery);
        offsets.push(from + page.length);
        const partial = from + page.length < all.length;
        more ||= partial;
        return {
          Id: query.id,
          Label: query.label,
          Timestamps: page.map(([timestamp]) => new Date(timestamp * 1000)),
          Values: page.map(([, value]) => value),
          StatusCode: partial ? "PartialData" : "Complete",
          Messages: [],
        };
      });
      return { MetricDataResults: results, Messages: [], NextToken: more ? encodeToken({ asOf, offsets }) : undefined };
    },
  };
}
