import type { ListMetricsCommandInput, ListMetricsCommandOutput } from "@aws-sdk/client-cloudwatch";
import type { Output, RequestContext } from "../../protocols/operation";
import { decodePageToken, encodePageToken } from "../../store/page-tokens";
import type { EcsWorld } from "../../world";
import { countsPerSecond, elbSeries, type ElbSeries } from "./elb-metrics";
import { InvalidNextToken, InvalidParameterValue } from "./errors";
import { asObject, optionalList, optionalString, requiredString } from "./input";

/**
 * ListMetrics: the series that have data in local ECS's retained hour (CloudWatch lists those
 * reported in the last two weeks), filtered as CloudWatch filters them, 500 a page.
 */
const PAGE_SIZE = 500;

interface DimensionFilter {
  name: string;
  value?: string;
}

function readFilters(value: unknown): DimensionFilter[] {
  const filters = optionalList(value, "Dimensions") ?? [];
  if (filters.length > 10) throw new InvalidParameterValue("The collection Dimensions must not have a size greater than 10.");
  return filters.map((raw, index) => {
    const filter = asObject(raw, `Dimensions.member.${index + 1}`);
    return { name: requiredString(filter.Name, `Dimensions.member.${index + 1}.Name`), value: optionalString(filter.Value, `Dimensions.member.${index + 1}.Value`, 1024) };
  });
}

function matches(series: ElbSeries, namespace: string | undefined, metricName: string | undefined, filters: DimensionFilter[]): boolean {
  if (namespace !== undefined && series.metric.Namespace !== namespace) return false;
  if (metricName !== undefined && series.metric.MetricName !== metricName) return false;
  const dimensions = series.metric.Dimensions ?? [];
  return filters.every((filter) => dimensions.some((d) => d.Name === filter.name && (filter.value === undefined || d.Value === filter.value)));
}

export function createListMetricsOperation(world: EcsWorld) {
  return {
    ListMetrics(_ctx: RequestContext, input: ListMetricsCommandInput): Output<ListMetricsCommandOutput> {
      const namespace = optionalString(input.Namespace, "Namespace");
      const metricName = optionalString(input.MetricName, "MetricName");
      const filters = readFilters(input.Dimensions);
      if (input.RecentlyActive !== undefined && input.RecentlyActive !== "PT3H") {
        throw new InvalidParameterValue(`The value ${String(input.RecentlyActive)} for parameter RecentlyActive is not valid: the only valid value is PT3H.`);
      }
      const nowSecond = Math.floor(world.clock.nowMs() / 1000);
      const listed = elbSeries(world)
        .filter((series) => matches(series, namespace, metricName, filters))
        .filter((series) => countsPerSecond(world, series, -Infinity, nowSecond).length > 0)
        .sort((a, b) => JSON.stringify(a.metric).localeCompare(JSON.stringify(b.metric)));
      const offset = input.NextToken === undefined || input.NextToken === null ? 0 : decodePageToken(String(input.NextToken));
      if (offset === undefined) throw new InvalidNextToken();
      const next = offset + PAGE_SIZE;
      return { Metrics: listed.slice(offset, next).map((series) => series.metric), NextToken: next < listed.length ? encodePageToken(next) : undefined };
    },
  };
}
