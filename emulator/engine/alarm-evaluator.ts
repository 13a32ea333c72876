import type { MetricAlarm, StateValue } from "@aws-sdk/client-cloudwatch";
import { countsPerSecond, findSeries } from "../services/cloudwatch/elb-metrics";
import type { EcsWorld } from "../world";
import type { TimerHandle } from "./clock";

/**
 * Judges each metric alarm on the metrics local ECS publishes, once per its period (at most a
 * minute apart), as CloudWatch does: the last EvaluationPeriods periods, a period without data
 * treated as TreatMissingData says, ALARM when DatapointsToAlarm of them breach, OK otherwise.
 * An alarm on a metric local ECS does not publish keeps the state it has (SetAlarmState's).
 */
const TICK_MS = 10_000;
const MAX_EVALUATION_INTERVAL_S = 60;
// ALB counts each request as one sample of value 1: its averages, minimums and maximums read 1.
const COUNTING = new Set(["Sum", "SampleCount"]);

type Breach = "breaching" | "not-breaching" | "missing";

function breaches(alarm: MetricAlarm, value: number): boolean {
  const threshold = alarm.Threshold ?? 0;
  switch (alarm.ComparisonOperator) {
    case "GreaterThanOrEqualToThreshold":
      return value >= threshold;
    case "GreaterThanThreshold":
      return value > threshold;
    case "LessThanThreshold":
      return value < threshold;
    case "LessThanOrEqualToThreshold":
      return value <= threshold;
    default:
      return false;
  }
}

/** Each of the alarm's last periods, oldest first: breaching, not, or without data. */
function periodsOf(world: EcsWorld, alarm: MetricAlarm, nowSecond: number): { value?: number; breach: Breach }[] | undefined {
  const series = findSeries(world, { Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions });
  if (!series) return undefined;
  const period = alarm.Period ?? 60;
  const periods = alarm.EvaluationPeriods ?? 1;
  const end = Math.floor(nowSecond / period) * period;
  const start = end - periods * period;
  const counts = new Map<number, number>();
  for (const { second, count } of countsPerSecond(world, series, start, end - 1)) {
    const bucket = Math.floor(second / period) * period;
    counts.set(bucket, (counts.get(bucket) ?? 0) + count);
  }
  return Array.from({ length: periods }, (_, index) => {
    const count = counts.get(start + index * period);
    if (count === undefined) return { breach: "missing" as const };
    const value = COUNTING.has(alarm.Statistic ?? "Sum") ? count : 1;
    return { value, breach: breaches(alarm, value) ? ("breaching" as const) : ("not-breaching" as const) };
  });
}

/** The state CloudWatch would set, with its reason; undefined to leave the state as it is. */
export function evaluateAlarm(alarm: MetricAlarm, periods: readonly { value?: number; breach: Breach }[]): { state: StateValue; reason: string } | undefined {
  const missingAs = alarm.TreatMissingData ?? "missing";
  const judged = periods.map((period) => (period.breach !== "missing" ? period.breach : missingAs === "breaching" ? "breaching" : missingAs === "notBreaching" ? "not-breaching" : "missing"));
  const present = judged.filter((breach) => breach !== "missing");
  if (present.length === 0) {
    if (missingAs === "ignore") return undefined;
    return { state: "INSUFFICIENT_DATA", reason: `Insufficient Data: ${periods.length} datapoint${periods.length === 1 ? " was" : "s were"} unknown.` };
  }
  const needed = alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods ?? 1;
  const breaching = present.filter((breach) => breach === "breaching").length;
  const values = periods.flatMap((period) => (period.value === undefined ? [] : [period.value]));
  const crossed = breaching >= needed;
  const reason = `Threshold Crossed: ${breaching} out of the last ${periods.length} datapoints [${values.join(", ")}] ${crossed ? "breached" : "did not breach"} the threshold (${alarm.Threshold}) (minimum ${needed} datapoint${needed === 1 ? "" : "s"} for OK -> ALARM transition).`;
  return { state: crossed ? "ALARM" : "OK", reason };
}

export class AlarmEvaluator {
  private timer: TimerHandle | undefined;
  /** When each alarm was last judged, in emulated seconds. */
  private readonly judgedAt = new Map<string, number>();

  constructor(private readonly world: () => EcsWorld) {}

  start(): void {
    this.timer = this.world().clock.after(TICK_MS, () => this.tick());
  }

  stop(): void {
    this.world().clock.cancel(this.timer);
  }

  private tick(): void {
    const world = this.world();
    const nowSecond = Math.floor(world.clock.nowMs() / 1000);
    for (const record of world.alarms.alarms.values()) {
      const { alarm } = record;
      const every = Math.min(alarm.Period ?? 60, MAX_EVALUATION_INTERVAL_S);
      if (nowSecond - (this.judgedAt.get(alarm.AlarmName!) ?? -Infinity) < every) continue;
      const periods = periodsOf(world, alarm, nowSecond);
      if (!periods) continue;
      this.judgedAt.set(alarm.AlarmName!, nowSecond);
      const verdict = evaluateAlarm(alarm, periods);
      if (verdict) world.alarms.setState(record, verdict.state, verdict.reason, world.clock.now());
    }
    this.timer = world.clock.after(TICK_MS, () => this.tick());
  }
}
