import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { albDimensions, sum, sumQuery } from "./cloudwatch-fixtures";
import { waitForSteadyState } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";
import { createWebStack, registerWebImage, splitOfRequests, type WebStack } from "./load-balanced-fixtures";

/** `aws cloudwatch get-metric-data --endpoint-url …` against local ECS, as a reader of the README would run it. */
const run = promisify(execFile);
const hasAwsCli = (process.env.PATH ?? "").split(delimiter).some((dir) => {
  try {
    accessSync(join(dir, "aws"), constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

const REQUESTS = 40;
let local: TestEmulator;
let stack: WebStack;
let home: string;
let startTime: string;
let endTime: string;

function cli(args: string[]) {
  // Only these settings: nothing from the user's own AWS configuration may leak in.
  const withoutUsersAws = Object.fromEntries(Object.keys(process.env).filter((name) => name.startsWith("AWS_")).map((name) => [name, undefined]));
  const env = {
    ...process.env,
    ...withoutUsersAws,
    HOME: home,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_PAGER: "",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  };
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
