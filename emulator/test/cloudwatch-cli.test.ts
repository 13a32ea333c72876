import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { albDimensions, sum, sumQuery } from "./cloudwatch-fixtures";
import { waitForSteadyState } from "./fixtures";
import { cliEnvironment, findOnPath } from "./aws-cli-environment";
import { startTestEmulator, type TestEmulator } from "./harness";
import { createWebStack, registerWebImage, splitOfRequests, type WebStack } from "./load-balanced-fixtures";

/** `aws cloudwatch get-metric-data --endpoint-url …` against local ECS, as a reader of the README would run it. */
const run = promisify(execFile);
const hasAwsCli = findOnPath("aws") !== undefined;

const REQUESTS = 40;
let local: TestEmulator;
let stack: WebStack;
let home: string;
let startTime: string;
let endTime: string;

function cli(args: string[]) {
  const env = cliEnvironment(home);
  return run("aws", ["cloudwatch", ...args, "--endpoint-url", local.emulator.endpoint, "--output", "json"], { env, timeout: 60_000 });
}

describe.skipIf(!hasAwsCli)("the AWS CLI's cloudwatch get-metric-data against local ECS", () => {
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "slipway-cloudwatch-cli-"));
    local = await startTestEmulator({ timeScale: 60 });
    const v1 = await registerWebImage(local.ecs, "cli-metrics", "1.0.0");
    stack = await createWebStack(local.ecs, local.elb, "climetrics", { taskDefinition: v1, desiredCount: 1, testListener: false, deploymentConfiguration: { strategy: "ROLLING" } });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    startTime = local.emulator.world.clock.now().toISOString();
    await splitOfRequests(stack.productionUrl, REQUESTS);
    endTime = new Date(local.emulator.world.clock.nowMs() + 1000).toISOString();
  }, 90_000);
  afterAll(async () => {
    await local?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it("shows the requests sent through the listener as the target group's RequestCount", async () => {
    const dimensions = await albDimensions(local.elb, stack.blueTargetGroupArn);
    const queries = JSON.stringify([sumQuery("requests", "RequestCount", dimensions), sumQuery("errors", "HTTPCode_Target_5XX_Count", dimensions)]);
    const { stdout } = await cli(["get-metric-data", "--metric-data-queries", queries, "--start-time", startTime, "--end-time", endTime]);
    const [requests, errors] = (JSON.parse(stdout) as { MetricDataResults: Array<{ Id: string; Values: number[]; StatusCode: string }> }).MetricDataResults;
    expect(requests).toMatchObject({ Id: "requests", StatusCode: "Complete" });
    expect(sum(requests.Values)).toBe(REQUESTS);
    expect(errors.Values).toEqual([]);
  });

  it("reports CloudWatch's own error code for a bad request", async () => {
    const failure = await cli(["get-metric-data", "--metric-data-queries", JSON.stringify([{ Id: "r", MetricStat: { Metric: { Namespace: "AWS/ApplicationELB", MetricName: "RequestCount" }, Period: 60, Stat: "Sum" } }]), "--start-time", endTime, "--end-time", startTime]).then(
      () => undefined,
      (error: { stderr: string }) => error,
    );
    expect(failure?.stderr).toMatch(/\(InvalidParameterValue\).*StartTime must be less than the parameter EndTime/);
  });

  it("lists the target group's metrics", async () => {
    const { stdout } = await cli(["list-metrics", "--namespace", "AWS/ApplicationELB", "--metric-name", "RequestCount"]);
    const { Metrics } = JSON.parse(stdout) as { Metrics: Array<{ Dimensions: Array<{ Name: string; Value: string }> }> };
    expect(Metrics.map((metric) => metric.Dimensions.find((d) => d.Name === "TargetGroup")?.Value)).toEqual([`targetgroup/${stack.blueTargetGroupArn.split(":targetgroup/")[1]}`]);
  });
});
