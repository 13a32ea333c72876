import { GetMetricDataCommand, ListMetricsCommand, type CloudWatchClient, type GetMetricDataCommandInput } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsError, waitForSteadyState } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";
import { albDimensions, cloudWatchClientFor, sum, sumQuery } from "./cloudwatch-fixtures";
import { createWebStack, registerWebImage, type WebStack } from "./load-balanced-fixtures";

/**
 * CloudWatch through the real SDK client: requests sent through a listener show in
 * GetMetricData as ALB's RequestCount and HTTPCode_Target_5XX_Count of the target group.
 */
let local: TestEmulator;
let cloudWatch: CloudWatchClient;
let stack: WebStack;
let blue: Array<{ Name: string; Value: string }>;
let green: Array<{ Name: string; Value: string }>;
let window: { StartTime: Date; EndTime: Date };

const ERRORS = 30;
const OK = 20;

async function get(url: string, path: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await (await fetch(`${url}${path}`)).arrayBuffer();
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  local = await startTestEmulator({ timeScale: 60 });
  cloudWatch = cloudWatchClientFor(local.emulator.endpoint);
  // Every request to "/" answers 500; the health endpoint answers 200.
  const v1 = await registerWebImage(local.ecs, "metrics-web", "1.0.0", [{ name: "SLIPWAY_ERROR_RATE", value: "1" }]);
  stack = await createWebStack(local.ecs, local.elb, "metrics", {
    taskDefinition: v1,
    desiredCount: 1,
    testListener: false,
    deploymentConfiguration: { strategy: "ROLLING" },
  });
  await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
  [blue, green] = await Promise.all([albDimensions(local.elb, stack.blueTargetGroupArn), albDimensions(local.elb, stack.greenTargetGroupArn)]);
  const StartTime = local.emulator.world.clock.now();
  // In three bursts a few emulated seconds apart, so that one-second periods see several points.
  await get(stack.productionUrl, "/", 10);
  await pause(100);
  await get(stack.productionUrl, "/", ERRORS - 10);
  await pause(100);
  await get(stack.productionUrl, "/health", OK);
  window = { StartTime, EndTime: new Date(local.emulator.world.clock.nowMs() + 1000) };
}, 90_000);
afterAll(async () => {
  cloudWatch?.destroy();
  await local?.stop();
});

const getMetricData = (input: Partial<GetMetricDataCommandInput>) => cloudWatch.send(new GetMetricDataCommand({ ...window, MetricDataQueries: [], ...input }));

describe("CloudWatch GetMetricData on local ECS", () => {
  it("counts the requests sent through a listener, and their 5xx, per target group in 60-second periods", async () => {
    const { MetricDataResults, Messages } = await getMetricData({
      MetricDataQueries: [sumQuery("requests", "RequestCount", blue), sumQuery("errors", "HTTPCode_Target_5XX_Count", blue), sumQuery("idle", "RequestCount", green)],
    });
    const [requests, errors, idle] = MetricDataResults!;
    expect(Messages).toEqual([]);
    expect(requests).toMatchObject({ Id: "requests", Label: "RequestCount", StatusCode: "Complete" });
    expect(sum(requests.Values)).toBe(ERRORS + OK);
    expect(sum(errors.Values)).toBe(ERRORS);
    // A group that served nothing reports no data points at all, as ALB's metrics do.
    expect(idle).toMatchObject({ Id: "idle", Timestamps: [], Values: [], StatusCode: "Complete" });
    // Points are aligned to whole minutes from StartTime, newest first.
    const seconds = requests.Timestamps!.map((timestamp) => timestamp.getTime() / 1000);
    expect(seconds.every((second) => second % 60 === 0)).toBe(true);
    expect(seconds).toEqual([...seconds].sort((a, b) => b - a));
  });

  it("sums a whole period into one point, and reads Average as 1 per request", async () => {
    const hour = { ...sumQuery("hour", "RequestCount", blue, 3600) };
    const average = { Id: "average", MetricStat: { ...hour.MetricStat!, Stat: "Average" } };
    const { MetricDataResults } = await getMetricData({ MetricDataQueries: [hour, average] });
    expect(MetricDataResults![0].Values).toEqual([ERRORS + OK]);
    expect(MetricDataResults![1].Values).toEqual([1]);
  });

  it("pages with MaxDatapoints in ScanBy order and goes on from NextToken", async () => {
    const pages: Array<{ seconds: number[]; status?: string }> = [];
    let NextToken: string | undefined;
    do {
      const answer = await getMetricData({ MetricDataQueries: [sumQuery("r", "RequestCount", blue, 1)], ScanBy: "TimestampAscending", MaxDatapoints: 2, NextToken });
      const result = answer.MetricDataResults![0];
      pages.push({ seconds: result.Timestamps!.map((t) => t.getTime() / 1000), status: result.StatusCode });
      NextToken = answer.NextToken;
    } while (NextToken && pages.length < 100);
    const seconds = pages.flatMap((page) => page.seconds);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((page) => page.seconds.length <= 2)).toBe(true);
    expect(pages.slice(0, -1).every((page) => page.status === "PartialData")).toBe(true);
    expect(pages.at(-1)!.status).toBe("Complete");
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    expect(new Set(seconds).size).toBe(seconds.length);
    const all = await getMetricData({ MetricDataQueries: [sumQuery("r", "RequestCount", blue, 1)] });
    expect(sum(all.MetricDataResults![0].Values)).toBe(ERRORS + OK);
    expect(all.MetricDataResults![0].Timestamps!.length).toBe(seconds.length);
  });

  it("finds nothing for a unit other than Count, a metric it does not publish, or dimensions that are not exactly ALB's", async () => {
    const inBytes = sumQuery("bytes", "RequestCount", blue);
    inBytes.MetricStat!.Unit = "Bytes";
    const { MetricDataResults } = await getMetricData({
      MetricDataQueries: [inBytes, sumQuery("latency", "TargetResponseTime", blue), sumQuery("partial", "RequestCount", blue.slice(1))],
    });
    expect(MetricDataResults!.map((result) => result.Values)).toEqual([[], [], []]);
  });

  it("lists the metrics that have data, filtered by name and dimension", async () => {
    const { Metrics } = await cloudWatch.send(new ListMetricsCommand({ Namespace: "AWS/ApplicationELB", Dimensions: [{ Name: "TargetGroup", Value: blue[1].Value }] }));
    expect(Metrics!.map((metric) => metric.MetricName).sort()).toEqual(["HTTPCode_Target_5XX_Count", "RequestCount"]);
    expect(Metrics![0].Dimensions).toEqual(blue);
    const { Metrics: greens } = await cloudWatch.send(new ListMetricsCommand({ Dimensions: [{ Name: "TargetGroup", Value: green[1].Value }] }));
    expect(greens).toEqual([]);
  });
});

describe("CloudWatch's validation", () => {
  const valid = () => sumQuery("r", "RequestCount", blue);

  it.each([
    ["no queries", { MetricDataQueries: [] }, "MissingParameter", /MetricDataQueries is required/],
    ["no StartTime", { MetricDataQueries: [valid()], StartTime: undefined }, "MissingParameter", /StartTime is required/],
    ["StartTime not before EndTime", { MetricDataQueries: [valid()], EndTime: new Date(0) }, "InvalidParameterValue", /StartTime must be less than the parameter EndTime/],
    ["an Id that starts with a capital", { MetricDataQueries: [{ ...valid(), Id: "R1" }] }, "InvalidParameterValue", /MetricDataQueries\.member\.1\.Id/],
    ["an Id used twice", { MetricDataQueries: [valid(), valid()] }, "InvalidParameterValue", /used more than once/],
    ["a period of 61 s", { MetricDataQueries: [{ Id: "r", MetricStat: { ...valid().MetricStat!, Period: 61 } }] }, "InvalidParameterValue", /multiple of 60/],
    ["an unknown statistic", { MetricDataQueries: [{ Id: "r", MetricStat: { ...valid().MetricStat!, Stat: "Total" } }] }, "InvalidParameterValue", /not a valid statistic/],
    ["neither MetricStat nor Expression", { MetricDataQueries: [{ Id: "r" }] }, "InvalidParameterCombination", /Exactly one of/],
    ["an expression", { MetricDataQueries: [{ Id: "e", Expression: "SUM(METRICS())" }] }, "InvalidParameterValue", /does not evaluate metric math/],
    ["an unknown ScanBy", { MetricDataQueries: [valid()], ScanBy: "Newest" as never }, "ValidationError", /scanBy/],
    ["a NextToken it did not give", { MetricDataQueries: [valid()], NextToken: "bm90IG91cnM" }, "InvalidNextToken", /NextToken/],
  ])("refuses %s with %s", async (_what, input, code, message) => {
    const error = (await awsError(getMetricData(input as Partial<GetMetricDataCommandInput>))) as Error & { Code?: string; $metadata?: { httpStatusCode?: number } };
    expect(error.Code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });
});
