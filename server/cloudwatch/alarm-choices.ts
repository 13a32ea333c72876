import "server-only";
import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { toAlarmChoice, type AlarmChoice } from "@/lib/view-models/alarms";
import type { Connection } from "@/server/aws/connection";
import { readCloudWatch } from "@/server/aws/reads";

/**
 * The account's metric alarms a deployment can watch, by name, for the deploy wizard and the
 * create-service form: cloudwatch:DescribeAlarms, 100 a page, ⌈A/100⌉ calls, at most MAX_PAGES.
 */
const MAX_PAGES = 10;

export async function readAlarmChoices(connection: Connection): Promise<AlarmChoice[]> {
  const choices: AlarmChoice[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const output = await readCloudWatch(connection, new DescribeAlarmsCommand({ AlarmTypes: ["MetricAlarm"], MaxRecords: 100, NextToken: nextToken }));
    choices.push(...(output.MetricAlarms ?? []).map(toAlarmChoice));
    nextToken = output.NextToken;
    if (!nextToken) break;
  }
  return choices.sort((a, b) => a.name.localeCompare(b.name));
}
