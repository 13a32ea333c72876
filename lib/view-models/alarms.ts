import type { MetricAlarm, StateValue } from "@aws-sdk/client-cloudwatch";

/** A CloudWatch alarm a deployment can watch, as a person picks it: its name, state and what it measures. */
export interface AlarmChoice {
  name: string;
  state?: StateValue;
  /** "HTTPCode_Target_5XX_Count (Sum) ≥ 5 over 1 × 60 s". */
  condition?: string;
}

const COMPARISON_SIGNS: Record<string, string> = {
  GreaterThanOrEqualToThreshold: "≥",
  GreaterThanThreshold: ">",
  LessThanThreshold: "<",
  LessThanOrEqualToThreshold: "≤",
};

export function toAlarmChoice(alarm: MetricAlarm): AlarmChoice {
  const sign = COMPARISON_SIGNS[alarm.ComparisonOperator ?? ""];
  const condition =
    alarm.MetricName && sign
      ? `${alarm.MetricName} (${alarm.Statistic ?? alarm.ExtendedStatistic ?? "?"}) ${sign} ${alarm.Threshold} over ${alarm.EvaluationPeriods ?? 1} × ${alarm.Period ?? 60} s`
      : undefined;
  return { name: alarm.AlarmName ?? "", state: alarm.StateValue, ...(condition ? { condition } : {}) };
}

/** "In alarm", "OK", "Insufficient data". */
export function alarmStateWords(state: StateValue | undefined): string {
  if (state === "ALARM") return "In alarm";
  if (state === "OK") return "OK";
  return "Insufficient data";
}

/** The alarms picked in a form, by name, and whether one in ALARM rolls the deployment back. */
export interface AlarmsFormValue {
  alarmNames: string[];
  alarmRollback: boolean;
}

/** The choice a form sends: no names switches the watching off, and a rollback needs an alarm. */
export function alarmsChoiceInput(form: AlarmsFormValue): { names: string[]; rollback: boolean } {
  return { names: form.alarmNames, rollback: form.alarmNames.length > 0 && form.alarmRollback };
}
