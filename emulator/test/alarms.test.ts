import { DeleteAlarmsCommand, DescribeAlarmsCommand, PutMetricAlarmCommand, SetAlarmStateCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { UpdateServiceCommand, type DeploymentConfiguration } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAlarm } from "../engine/alarm-evaluator";
import { albDimensions, cloudWatchClientFor } from "./cloudwatch-fixtures";
import { awsError, describeServiceDeployment, waitFor, waitForSteadyState } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";
import { createWebStack, registerWebImage } from "./load-balanced-fixtures";

/**
 * CloudWatch alarms through the real SDK client, judged on the metrics local ECS publishes,
 * and a deployment that watches them: one of its alarms in ALARM fails it, and rolls it back.
 */
let local: TestEmulator;
let cloudWatch: CloudWatchClient;

beforeAll(async () => {
  local = await startTestEmulator({ timeScale: 60 });
  cloudWatch = cloudWatchClientFor(local.emulator.endpoint);
});
afterAll(() => local.stop());

const fiveHundreds = (name: string, dimensions: Array<{ Name: string; Value: string }>) =>
  new PutMetricAlarmCommand({
    AlarmName: name,
    Namespace: "AWS/ApplicationELB",
    MetricName: "HTTPCode_Target_5XX_Count",
    Dimensions: dimensions,
    Statistic: "Sum",
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 5,
    ComparisonOperator: "GreaterThanOrEqualToThreshold",
    TreatMissingData: "notBreaching",
  });

async function stateOf(name: string) {
  return (await cloudWatch.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms?.[0];
}

describe("CloudWatch alarms", () => {
  it("keeps an alarm, lists it by name, prefix and state, sets its state and deletes it", async () => {
    await cloudWatch.send(fiveHundreds("api-5xx", [{ Name: "TargetGroup", Value: "targetgroup/none/1" }]));
    const created = await stateOf("api-5xx");
    expect(created).toMatchObject({ AlarmName: "api-5xx", AlarmArn: "arn:aws:cloudwatch:us-east-1:000000000000:alarm:api-5xx", StateValue: "INSUFFICIENT_DATA", Threshold: 5 });

    await cloudWatch.send(new SetAlarmStateCommand({ AlarmName: "api-5xx", StateValue: "ALARM", StateReason: "Set by hand" }));
    expect(await stateOf("api-5xx")).toMatchObject({ StateValue: "ALARM", StateReason: "Set by hand" });
    const byPrefix = await cloudWatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: "api-", StateValue: "ALARM" }));
    expect(byPrefix.MetricAlarms?.map((alarm) => alarm.AlarmName)).toEqual(["api-5xx"]);

    await cloudWatch.send(new DeleteAlarmsCommand({ AlarmNames: ["api-5xx"] }));
    expect((await cloudWatch.send(new DescribeAlarmsCommand({ AlarmNames: ["api-5xx"] }))).MetricAlarms).toEqual([]);
  });

  it("refuses what CloudWatch refuses, with its error codes", async () => {
    const codeOf = async (call: Promise<unknown>) => ((await awsError(call)) as Error & { Code?: string }).Code;
    expect(await codeOf(cloudWatch.send(new SetAlarmStateCommand({ AlarmName: "nope", StateValue: "OK", StateReason: "x" })))).toBe("ResourceNotFound");
    const alarm = { AlarmName: "x", Namespace: "AWS/ApplicationELB", MetricName: "RequestCount", Statistic: "Sum" as const, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: "GreaterThanThreshold" as const };
    expect(await codeOf(cloudWatch.send(new PutMetricAlarmCommand(alarm)))).toBe("MissingParameter");
    expect(await codeOf(cloudWatch.send(new PutMetricAlarmCommand({ ...alarm, Period: 45 })))).toBe("InvalidParameterValue");
    expect(await codeOf(cloudWatch.send(new DeleteAlarmsCommand({ AlarmNames: ["nope"] })))).toBe("ResourceNotFound");
  });

  it("goes into ALARM on real 5xx answers through the load balancer, and back to OK without them", async () => {
    const failing = await registerWebImage(local.ecs, "alarmed-web", "1.0.0", [{ name: "SLIPWAY_ERROR_RATE", value: "1" }]);
    const stack = await createWebStack(local.ecs, local.elb, "alarmed", { taskDefinition: failing, desiredCount: 1, testListener: false, deploymentConfiguration: { strategy: "ROLLING" } });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    await cloudWatch.send(fiveHundreds("alarmed-5xx", await albDimensions(local.elb, stack.blueTargetGroupArn)));
    for (let i = 0; i < 20; i++) await (await fetch(`${stack.productionUrl}/`)).arrayBuffer();
    const alarmed = await waitFor("the alarm to go off", async () => ((await stateOf("alarmed-5xx"))?.StateValue === "ALARM" ? stateOf("alarmed-5xx") : undefined), 30_000, 100);
    expect(alarmed?.StateReason).toMatch(/^Threshold Crossed: 1 out of the last 1 datapoints \[\d+\] breached the threshold \(5\)/);
    // A minute later without requests: no data, which this alarm treats as not breaching.
    await waitFor("the alarm to clear", async () => ((await stateOf("alarmed-5xx"))?.StateValue === "OK" ? true : undefined), 30_000, 100);
  });
});

describe("a deployment that watches alarms", () => {
  const withAlarms = (alarmName: string, rollback: boolean): DeploymentConfiguration => ({
    strategy: "ROLLING",
    minimumHealthyPercent: 100,
    maximumPercent: 200,
    alarms: { alarmNames: [alarmName], enable: true, rollback },
  });

  async function slowDeployment(name: string, rollback: boolean) {
    const v1 = await registerWebImage(local.ecs, `${name}-web`, "1.0.0");
    const stack = await createWebStack(local.ecs, local.elb, name, { taskDefinition: v1, desiredCount: 1, testListener: false, deploymentConfiguration: withAlarms(`${name}-alarm`, rollback) });
    await waitForSteadyState(local.ecs, stack.cluster, stack.service, 60_000);
    await cloudWatch.send(fiveHundreds(`${name}-alarm`, await albDimensions(local.elb, stack.blueTargetGroupArn)));
    // Slow to start: the deployment is still going when the alarm goes off.
    const v2 = await registerWebImage(local.ecs, `${name}-web`, "2.0.0", [{ name: "SLIPWAY_STARTUP_SECONDS", value: "3600" }]);
    const { service } = await local.ecs.send(new UpdateServiceCommand({ cluster: stack.cluster, service: stack.service, taskDefinition: v2 }));
    return service!.currentServiceDeployment!;
  }

  it("rolls back when one of its alarms goes into ALARM, naming it", async () => {
    const arn = await slowDeployment("watched", true);
    expect((await describeServiceDeployment(local.ecs, arn)).alarms).toEqual({ status: "MONITORING", alarmNames: ["watched-alarm"], triggeredAlarmNames: [] });
    await cloudWatch.send(new SetAlarmStateCommand({ AlarmName: "watched-alarm", StateValue: "ALARM", StateReason: "Errors after the deploy" }));
    const rolledBack = await waitFor("the rollback", async () => {
      const deployment = await describeServiceDeployment(local.ecs, arn);
      return deployment.status === "ROLLBACK_SUCCESSFUL" ? deployment : undefined;
    }, 60_000);
    expect(rolledBack.alarms).toEqual({ status: "TRIGGERED", alarmNames: ["watched-alarm"], triggeredAlarmNames: ["watched-alarm"] });
    expect(rolledBack.rollback?.reason).toBe("CloudWatch alarm watched-alarm went into ALARM");
  });

  it("stops without rolling back when its alarms do not ask for it", async () => {
    const arn = await slowDeployment("stopped", false);
    await cloudWatch.send(new SetAlarmStateCommand({ AlarmName: "stopped-alarm", StateValue: "ALARM", StateReason: "Errors after the deploy" }));
    const stopped = await waitFor("the deployment to stop", async () => {
      const deployment = await describeServiceDeployment(local.ecs, arn);
      return deployment.status === "STOPPED" ? deployment : undefined;
    }, 60_000);
    expect(stopped.alarms?.status).toBe("TRIGGERED");
  });
});

describe("evaluateAlarm", () => {
  const alarm = { Threshold: 5, ComparisonOperator: "GreaterThanOrEqualToThreshold" as const, EvaluationPeriods: 3, DatapointsToAlarm: 2 };

  it("goes into ALARM when enough of the periods breach", () => {
    expect(evaluateAlarm(alarm, [{ value: 7, breach: "breaching" }, { value: 1, breach: "not-breaching" }, { value: 9, breach: "breaching" }])?.state).toBe("ALARM");
    expect(evaluateAlarm(alarm, [{ value: 7, breach: "breaching" }, { value: 1, breach: "not-breaching" }, { value: 2, breach: "not-breaching" }])?.state).toBe("OK");
  });

  it("treats periods without data as the alarm says", () => {
    const none = [{ breach: "missing" as const }, { breach: "missing" as const }, { breach: "missing" as const }];
    expect(evaluateAlarm({ ...alarm, TreatMissingData: "missing" }, none)?.state).toBe("INSUFFICIENT_DATA");
    expect(evaluateAlarm({ ...alarm, TreatMissingData: "breaching" }, none)?.state).toBe("ALARM");
    expect(evaluateAlarm({ ...alarm, TreatMissingData: "notBreaching" }, none)?.state).toBe("OK");
    expect(evaluateAlarm({ ...alarm, TreatMissingData: "ignore" }, none)).toBeUndefined();
  });
});
