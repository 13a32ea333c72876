import type { DeploymentConfiguration } from "@aws-sdk/client-ecs";

type Row = { setting: string; before: string; after: string };

const STRATEGY_WORDS: Record<string, string> = { ROLLING: "Rolling", BLUE_GREEN: "Blue/green", LINEAR: "Linear", CANARY: "Canary" };

const minutes = (value: number | undefined) => (value === undefined ? "—" : `${value} min`);
const percent = (value: number | undefined) => (value === undefined ? "—" : `${value} %`);

/** Where a pause waits, in a table cell's few words (the strategy step has the whole sentence). */
const STAGE_WORDS: Record<string, string> = {
  POST_SCALE_UP: "After new tasks start",
  POST_TEST_TRAFFIC_SHIFT: "After test traffic",
  PRE_PRODUCTION_TRAFFIC_SHIFT: "Before production traffic",
  POST_PRODUCTION_TRAFFIC_SHIFT: "After all traffic moves",
};

function approvalText(configuration: DeploymentConfiguration): string {
  const pause = configuration.lifecycleHooks?.find((hook) => hook.targetType === "PAUSE");
  if (!pause) return "None";
  const stage = pause.lifecycleStages?.[0];
  const timeout = pause.timeoutConfiguration;
  const when = (stage && STAGE_WORDS[stage]) ?? stage ?? "At a stage";
  return `${when}; ${timeout?.action === "CONTINUE" ? "continues" : "rolls back"} after ${timeout?.timeoutInMinutes ?? "—"} min`;
}

function alarmsText(configuration: DeploymentConfiguration): string {
  const alarms = configuration.alarms;
  if (!alarms?.enable || !alarms.alarmNames?.length) return "None";
  return `${alarms.alarmNames.join(", ")}; ${alarms.rollback ? "rolls back" : "stops, no rollback"}`;
}

/** The settings a person reads before and after: each row only when one side has it. */
function rowsOf(before: DeploymentConfiguration, after: DeploymentConfiguration, grace: { before?: number; after?: number }): Row[] {
  const breaker = (c: DeploymentConfiguration) =>
    c.deploymentCircuitBreaker?.enable ? (c.deploymentCircuitBreaker.rollback ? "On, rolls back" : "On, no rollback") : "Off";
  const rows: (Row & { shown: boolean })[] = [
    { setting: "Strategy", before: STRATEGY_WORDS[before.strategy ?? "ROLLING"] ?? String(before.strategy), after: STRATEGY_WORDS[after.strategy ?? "ROLLING"] ?? String(after.strategy), shown: true },
    { setting: "Minimum healthy", before: percent(before.minimumHealthyPercent), after: percent(after.minimumHealthyPercent), shown: after.strategy === "ROLLING" || before.strategy === "ROLLING" },
    { setting: "Maximum", before: percent(before.maximumPercent), after: percent(after.maximumPercent), shown: after.strategy === "ROLLING" || before.strategy === "ROLLING" },
    { setting: "Circuit breaker", before: breaker(before), after: breaker(after), shown: true },
    { setting: "Canary traffic", before: percent(before.canaryConfiguration?.canaryPercent), after: percent(after.canaryConfiguration?.canaryPercent), shown: Boolean(before.canaryConfiguration || after.canaryConfiguration) },
    { setting: "Canary bake time", before: minutes(before.canaryConfiguration?.canaryBakeTimeInMinutes), after: minutes(after.canaryConfiguration?.canaryBakeTimeInMinutes), shown: Boolean(before.canaryConfiguration || after.canaryConfiguration) },
    { setting: "Step", before: percent(before.linearConfiguration?.stepPercent), after: percent(after.linearConfiguration?.stepPercent), shown: Boolean(before.linearConfiguration || after.linearConfiguration) },
    { setting: "Step bake time", before: minutes(before.linearConfiguration?.stepBakeTimeInMinutes), after: minutes(after.linearConfiguration?.stepBakeTimeInMinutes), shown: Boolean(before.linearConfiguration || after.linearConfiguration) },
    { setting: "Bake time", before: minutes(before.bakeTimeInMinutes), after: minutes(after.bakeTimeInMinutes), shown: before.bakeTimeInMinutes !== undefined || after.bakeTimeInMinutes !== undefined },
    { setting: "Approval", before: approvalText(before), after: approvalText(after), shown: true },
    { setting: "Alarms", before: alarmsText(before), after: alarmsText(after), shown: Boolean(before.alarms?.enable || after.alarms?.enable) },
    { setting: "Health check grace period", before: grace.before === undefined ? "—" : `${grace.before} s`, after: grace.after === undefined ? "unchanged" : `${grace.after} s`, shown: grace.after !== undefined },
  ];
  return rows.filter((row) => row.shown);
}

/** Deployment configuration before → after, changed rows marked. Scrolls inside its own box on a phone. */
export function ConfigurationTable({ before, after, grace }: { before: DeploymentConfiguration; after: DeploymentConfiguration; grace: { before?: number; after?: number } }) {
  // Relative, so the screen-reader-only text in its cells stays inside the scrolling box instead of widening the page.
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full min-w-[28rem] text-left text-sm">
        <caption className="sr-only">Deployment configuration before and after this deploy</caption>
        <thead className="bg-surface-sunken text-xs text-ink-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Setting</th>
            <th scope="col" className="px-3 py-2 font-medium">Now</th>
            <th scope="col" className="px-3 py-2 font-medium">After the deploy</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rowsOf(before, after, grace).map((row) => {
            const changed = row.before !== row.after && row.after !== "unchanged";
            return (
              <tr key={row.setting}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">{row.setting}</th>
                <td className="px-3 py-2 text-ink-muted">{row.before}</td>
                <td className={`px-3 py-2 ${changed ? "font-semibold" : "text-ink-muted"}`}>
                  {row.after}
                  {changed && <span className="sr-only"> (changed)</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
