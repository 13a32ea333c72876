import type { MetricAlarm, StateValue } from "@aws-sdk/client-cloudwatch";
import { Collection, type DocumentDatabase } from "./database";

/** One CloudWatch metric alarm as local ECS keeps it, by name. */
export interface AlarmRecord {
  alarm: MetricAlarm;
}

type StateListener = (alarm: MetricAlarm, previous: StateValue | undefined) => void;

/**
 * CloudWatch's metric alarms, in the same store as ECS's records. Whoever changes an alarm's
 * state says so here, and those who watch alarms (deployments with alarms) are told.
 */
export class AlarmState {
  readonly alarms: Collection<AlarmRecord>;
  private readonly listeners: StateListener[] = [];

  constructor(db: DocumentDatabase) {
    this.alarms = new Collection("cloudwatch-alarm", db);
  }

  onStateChange(listener: StateListener): void {
    this.listeners.push(listener);
  }

  /** Sets the alarm's state and its reason; listeners hear of a change of state only. */
  setState(record: AlarmRecord, state: StateValue, reason: string, at: Date): void {
    const previous = record.alarm.StateValue;
    Object.assign(record.alarm, { StateValue: state, StateReason: reason, StateUpdatedTimestamp: at });
    if (previous !== state) record.alarm.StateTransitionedTimestamp = at;
    this.alarms.put(record.alarm.AlarmName!, record);
    if (previous !== state) for (const listener of this.listeners) listener(record.alarm, previous);
  }

  /** The alarm's state by name; undefined for an alarm CloudWatch does not have. */
  stateOf(name: string): StateValue | undefined {
    return this.alarms.get(name)?.alarm.StateValue;
  }
}
