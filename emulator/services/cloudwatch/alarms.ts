import type {
  ComparisonOperator,
  DeleteAlarmsCommandInput,
  DescribeAlarmsCommandInput,
  DescribeAlarmsCommandOutput,
  MetricAlarm,
  PutMetricAlarmCommandInput,
  SetAlarmStateCommandInput,
  StateValue,
  Statistic,
} from "@aws-sdk/client-cloudwatch";
import type { Output, RequestContext } from "../../protocols/operation";
import { decodePageToken, encodePageToken } from "../../store/page-tokens";
import type { EcsWorld } from "../../world";
import { InvalidNextToken, InvalidParameterCombination, InvalidParameterValue, MissingParameter, ResourceNotFound, ValidationError } from "./errors";
import { asObject, optionalList, optionalPositiveInteger, optionalString, requiredString } from "./input";

/**
 * CloudWatch's metric alarms: PutMetricAlarm, DescribeAlarms, SetAlarmState and DeleteAlarms,
 * as a deployment's alarms need them. An alarm on a single metric (not metric math nor anomaly
 * detection) starts INSUFFICIENT_DATA; engine/alarm-evaluator.ts judges it on the metrics local
 * ECS publishes, and SetAlarmState sets it until the next evaluation, as in CloudWatch.
 */
const COMPARISONS: readonly ComparisonOperator[] = ["GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold"];
const STATISTICS: readonly Statistic[] = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];
const STATES: readonly StateValue[] = ["OK", "ALARM", "INSUFFICIENT_DATA"];
const MISSING_DATA = ["breaching", "notBreaching", "ignore", "missing"];
const HIGH_RESOLUTION_PERIODS = new Set([10, 20, 30]);
const MAX_NAMES = 100;
const DEFAULT_RECORDS = 50;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  const text = requiredString(value, name);
  if (!allowed.includes(text as T)) throw new ValidationError(`Value '${text}' at '${name}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(", ")}]`);
  return text as T;
}

function readAlarm(input: PutMetricAlarmCommandInput, world: EcsWorld): MetricAlarm {
  const name = requiredString(input.AlarmName, "AlarmName");
  if (input.Metrics !== undefined || input.ThresholdMetricId !== undefined) {
    throw new InvalidParameterCombination("Local ECS evaluates alarms on a single metric: give MetricName and Namespace, not Metrics.");
  }
  const namespace = requiredString(input.Namespace, "Namespace");
  const metricName = requiredString(input.MetricName, "MetricName");
  const period = optionalPositiveInteger(input.Period, "Period");
  if (period === undefined) throw new MissingParameter("Period");
  if (period % 60 !== 0 && !HIGH_RESOLUTION_PERIODS.has(period)) throw new InvalidParameterValue("The parameter Period must be 10, 20, 30, or a multiple of 60.");
  const evaluationPeriods = optionalPositiveInteger(input.EvaluationPeriods, "EvaluationPeriods");
  if (evaluationPeriods === undefined) throw new MissingParameter("EvaluationPeriods");
  const datapointsToAlarm = optionalPositiveInteger(input.DatapointsToAlarm, "DatapointsToAlarm");
  if (datapointsToAlarm !== undefined && datapointsToAlarm > evaluationPeriods) {
    throw new InvalidParameterValue("DatapointsToAlarm must be less than or equal to EvaluationPeriods.");
  }
  if (input.ExtendedStatistic !== undefined) throw new InvalidParameterCombination("Local ECS evaluates alarms on a Statistic, not an ExtendedStatistic.");
  if (input.Threshold === undefined || input.Threshold === null) throw new MissingParameter("Threshold");
  if (typeof input.Threshold !== "number") throw new InvalidParameterValue("The parameter Threshold must be a number.");
  const dimensions = (optionalList(input.Dimensions, "Dimensions") ?? []).map((entry, index) => {
    const dimension = asObject(entry, `Dimensions.member.${index + 1}`);
    return { Name: requiredString(dimension.Name, `Dimensions.member.${index + 1}.Name`), Value: requiredString(dimension.Value, `Dimensions.member.${index + 1}.Value`, 1024) };
  });
  const treatMissingData = optionalString(input.TreatMissingData, "TreatMissingData");
  if (treatMissingData !== undefined && !MISSING_DATA.includes(treatMissingData)) {
    throw new InvalidParameterValue(`The value ${treatMissingData} for parameter TreatMissingData is not valid: use breaching, notBreaching, ignore or missing.`);
  }
  const { region, accountId } = world.settings;
  return {
    AlarmName: name,
    AlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`,
    AlarmDescription: optionalString(input.AlarmDescription, "AlarmDescription", 1024),
    ActionsEnabled: input.ActionsEnabled ?? true,
    OKActions: [],
    AlarmActions: [],
    InsufficientDataActions: [],
    Namespace: namespace,
    MetricName: metricName,
    Dimensions: dimensions,
    Statistic: oneOf(input.Statistic, STATISTICS, "statistic"),
    Period: period,
    EvaluationPeriods: evaluationPeriods,
    ...(datapointsToAlarm !== undefined ? { DatapointsToAlarm: datapointsToAlarm } : {}),
    Threshold: input.Threshold,
    ComparisonOperator: oneOf(input.ComparisonOperator, COMPARISONS, "comparisonOperator"),
    TreatMissingData: treatMissingData ?? "missing",
    AlarmConfigurationUpdatedTimestamp: world.clock.now(),
  };
}

function readNames(value: unknown, name: string): string[] | undefined {
  const names = optionalList(value, name)?.map((entry, index) => requiredString(entry, `${name}.member.${index + 1}`));
  if (names && names.length > MAX_NAMES) throw new InvalidParameterValue(`The collection ${name} must not have a size greater than ${MAX_NAMES}.`);
  return names;
}

export function createAlarmOperations(world: EcsWorld) {
  const { alarms } = world.alarms;
  return {
    PutMetricAlarm(_ctx: RequestContext, input: PutMetricAlarmCommandInput): Output<Record<string, never>> {
      const alarm = readAlarm(input, world);
      const existing = alarms.get(alarm.AlarmName!);
      // An update overwrites the configuration and leaves the state as it is.
      const state = existing
        ? { StateValue: existing.alarm.StateValue, StateReason: existing.alarm.StateReason, StateUpdatedTimestamp: existing.alarm.StateUpdatedTimestamp, StateTransitionedTimestamp: existing.alarm.StateTransitionedTimestamp }
        : { StateValue: "INSUFFICIENT_DATA" as const, StateReason: "Unchecked: Initial alarm creation", StateUpdatedTimestamp: world.clock.now(), StateTransitionedTimestamp: world.clock.now() };
      alarms.put(alarm.AlarmName!, { alarm: { ...alarm, ...state } });
      return {};
    },

    DescribeAlarms(_ctx: RequestContext, input: DescribeAlarmsCommandInput): Output<DescribeAlarmsCommandOutput> {
      const names = readNames(input.AlarmNames, "AlarmNames");
      const prefix = optionalString(input.AlarmNamePrefix, "AlarmNamePrefix");
      if (names && prefix !== undefined) throw new InvalidParameterCombination("AlarmNames and AlarmNamePrefix cannot be given together.");
      const state = input.StateValue === undefined || input.StateValue === null ? undefined : oneOf(input.StateValue, STATES, "stateValue");
      const size = optionalPositiveInteger(input.MaxRecords, "MaxRecords") ?? DEFAULT_RECORDS;
      if (size > 100) throw new InvalidParameterValue("The parameter MaxRecords must be between 1 and 100.");
      const types = optionalList(input.AlarmTypes, "AlarmTypes");
      const listed = [...alarms.values()]
        .map((record) => record.alarm)
        .filter((alarm) => (!names || names.includes(alarm.AlarmName!)) && (prefix === undefined || alarm.AlarmName!.startsWith(prefix)) && (!state || alarm.StateValue === state))
        .sort((a, b) => a.AlarmName!.localeCompare(b.AlarmName!));
      const offset = input.NextToken === undefined || input.NextToken === null ? 0 : decodePageToken(String(input.NextToken));
      if (offset === undefined) throw new InvalidNextToken();
      const wantsMetricAlarms = !types || types.includes("MetricAlarm");
      const page = wantsMetricAlarms ? listed.slice(offset, offset + size) : [];
      const next = offset + size;
      return { MetricAlarms: page, CompositeAlarms: [], NextToken: wantsMetricAlarms && next < listed.length ? encodePageToken(next) : undefined };
    },

    SetAlarmState(_ctx: RequestContext, input: SetAlarmStateCommandInput): Output<Record<string, never>> {
      const name = requiredString(input.AlarmName, "AlarmName");
      const state = oneOf(input.StateValue, STATES, "stateValue");
      const reason = requiredString(input.StateReason, "StateReason", 1023);
      const record = alarms.get(name);
      if (!record) throw new ResourceNotFound(`Alarm ${name} not found`);
      world.alarms.setState(record, state, reason, world.clock.now());
      return {};
    },

    DeleteAlarms(_ctx: RequestContext, input: DeleteAlarmsCommandInput): Output<Record<string, never>> {
      const names = readNames(input.AlarmNames, "AlarmNames");
      if (!names || names.length === 0) throw new MissingParameter("AlarmNames");
      // All or nothing, as CloudWatch deletes them.
      const missing = names.filter((name) => !alarms.has(name));
      if (missing.length > 0) throw new ResourceNotFound(`${missing.join(", ")} not found`);
      for (const name of names) alarms.delete(name);
      return {};
    },
  };
}
