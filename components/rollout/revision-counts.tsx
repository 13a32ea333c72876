import { Badge } from "@/components/ui/badge";
import { revisionLabel } from "@/lib/deployment-text";
import { failuresText, formatPercent, healthBasisSentence, weightsDiffer } from "@/lib/rollout/format";
import type { RevisionSample } from "@/lib/rollout/sample";
import type { DeploymentDetail, RevisionProgress } from "@/lib/view-models/deployments";
import type { RolloutView } from "@/lib/view-models/rollout";

/**
 * Tasks and traffic of each revision the deployment moves between, the circuit breaker's count
 * against its threshold, and why the deployment rolled back, if it did.
 */

interface Row {
  progress: RevisionProgress;
  isNew: boolean;
  latest?: RevisionSample;
}

function rowsOf(view: RolloutView): Row[] {
  const { target, sources } = view.deployment;
  const latest = view.samples.at(-1)?.revisions ?? [];
  const sampleOf = (arn: string) => latest.find((revision) => revision.arn === arn);
  const old = sources.filter((source) => source.serviceRevisionArn !== target?.serviceRevisionArn);
  return [
    ...(target ? [{ progress: target, isNew: true, latest: sampleOf(target.serviceRevisionArn) }] : []),
    ...old.map((source) => ({ progress: source, isNew: false, latest: sampleOf(source.serviceRevisionArn) })),
  ];
}

const count = (value: number) => value.toLocaleString("en-US");

/** "new"; "current" for a revision the deployment moves away from; "no tasks" once it has none (drained, or a canary a new deployment took over from). */
function roleWord(progress: RevisionProgress, isNew: boolean): string {
  if (isNew) return "new";
  return progress.requestedTasks + progress.runningTasks + progress.pendingTasks > 0 ? "current" : "no tasks";
}

function HealthyCell({ healthy, desired }: { healthy?: number; desired: number }) {
  if (healthy === undefined) return <span className="text-ink-muted">not read</span>;
  return (
    <>
      <span className="font-medium">{count(healthy)}</span> <span className="text-ink-muted">of {count(desired)} desired</span>
    </>
  );
}

function ActualWeightCell({ requested, actual }: { requested?: number; actual?: number }) {
  if (actual === undefined) return <span className="text-ink-muted">—</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {formatPercent(actual)}
      {weightsDiffer(requested, actual) && <Badge tone="warn">differs from requested</Badge>}
    </span>
  );
}

const HEAD = "px-3 py-2 font-medium whitespace-nowrap";
const CELL = "px-3 py-2 align-top whitespace-nowrap tabular-nums";
/** Traffic comes first after the revision, its headers on two lines, so a phone shows it without scrolling sideways. */
const TRAFFIC_HEAD = "px-3 py-2 font-medium";
/** The revision stays put while the counts scroll under it. */
const STICKY = "sticky left-0 shadow-[inset_-1px_0_0_var(--line)]";

function CountsTable({ view, rows, showTraffic }: { view: RolloutView; rows: readonly Row[]; showTraffic: boolean }) {
  return (
    <div className="overflow-x-auto rounded-md border border-line">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Tasks and production traffic of each revision in this deployment</caption>
        <thead className="bg-surface-sunken text-xs text-ink-muted">
          <tr>
            <th scope="col" className={`${HEAD} ${STICKY} bg-surface-sunken`}>Revision</th>
            {showTraffic && <th scope="col" className={TRAFFIC_HEAD}>Traffic requested</th>}
            {showTraffic && <th scope="col" className={TRAFFIC_HEAD}>Traffic actual</th>}
            <th scope="col" className={HEAD}>Healthy</th>
            <th scope="col" className={HEAD}>Desired</th>
            <th scope="col" className={HEAD}>Running</th>
            <th scope="col" className={HEAD}>Pending</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map(({ progress, isNew, latest }) => (
            <tr key={progress.serviceRevisionArn}>
              <th scope="row" className={`max-w-[9rem] px-3 py-2 text-left align-top font-medium [overflow-wrap:anywhere] ${STICKY} bg-surface`}>
                {revisionLabel(progress.revision, progress.serviceRevisionArn)} <Badge tone={isNew ? "info" : "neutral"}>{roleWord(progress, isNew)}</Badge>
              </th>
              {showTraffic && <td className={CELL}>{formatPercent(progress.productionTrafficWeight)}</td>}
              {showTraffic && (
                <td className={CELL}>
                  <ActualWeightCell requested={progress.productionTrafficWeight} actual={latest?.actualWeight} />
                </td>
              )}
              <td className={CELL}>
                <HealthyCell healthy={latest?.healthy} desired={view.desiredCount} />
              </td>
              <td className={CELL}>{count(progress.requestedTasks)}</td>
              <td className={CELL}>{count(progress.runningTasks)}</td>
              <td className={CELL}>{count(progress.pendingTasks)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const BREAKER_WORDS: Readonly<Record<string, string>> = {
  MONITORING: "watching",
  TRIGGERED: "tripped",
  MONITORING_COMPLETE: "done watching",
};

function CircuitBreaker({ breaker }: { breaker: DeploymentDetail["circuitBreaker"] }) {
  if (!breaker || breaker.status === "DISABLED" || breaker.threshold <= 0) {
    return <p className="text-sm text-ink-muted">Circuit breaker: off for this deployment.</p>;
  }
  const tripped = breaker.status === "TRIGGERED";
  const share = Math.min(100, (breaker.failureCount / breaker.threshold) * 100);
  return (
    <div className="space-y-1 text-sm">
      <p>
        <span className="font-medium">Circuit breaker</span>
        {breaker.status && <span className={tripped ? "font-semibold text-danger" : "text-ink-muted"}> ({BREAKER_WORDS[breaker.status] ?? breaker.status.toLowerCase()})</span>}
        : {failuresText(breaker.failureCount, breaker.threshold)}
        <span className="text-ink-muted"> — it trips at {count(breaker.threshold)}</span>
      </p>
      <div aria-hidden="true" className="h-1.5 max-w-xs overflow-hidden rounded-full bg-surface-sunken ring-1 ring-line ring-inset">
        <div className={`h-full rounded-full ${tripped ? "bg-danger" : breaker.failureCount > 0 ? "bg-warn" : "bg-ok"}`} style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

/** The CloudWatch alarms the deployment watches, and which went off. */
function Alarms({ alarms }: { alarms: DeploymentDetail["alarms"] }) {
  if (!alarms || alarms.status === "DISABLED" || alarms.alarmNames.length === 0) return null;
  const tripped = alarms.status === "TRIGGERED";
  return (
    <p className="text-sm">
      <span className="font-medium">Alarms</span>
      {alarms.status && <span className={tripped ? "font-semibold text-danger" : "text-ink-muted"}> ({BREAKER_WORDS[alarms.status] ?? alarms.status.toLowerCase()})</span>}:{" "}
      {alarms.alarmNames.join(", ")}
      {alarms.triggeredAlarmNames.length > 0 && <span className="font-semibold text-danger"> — in ALARM: {alarms.triggeredAlarmNames.join(", ")}</span>}
    </p>
  );
}

/** The table of revisions and the safety net below it. */
export function RevisionCounts({ view }: { view: RolloutView }) {
  const rows = rowsOf(view);
  const basis = view.samples.at(-1)?.healthBasis;
  const showTraffic = rows.some(({ progress, latest }) => progress.productionTrafficWeight !== undefined || latest?.actualWeight !== undefined);
  const rollback = view.deployment.rollback;
  return (
    <div className="space-y-3">
      {rows.length > 0 ? (
        <CountsTable view={view} rows={rows} showTraffic={showTraffic} />
      ) : (
        <p className="text-sm text-ink-muted">ECS has not said which revisions this deployment moves between yet.</p>
      )}
      <p className="text-xs text-ink-muted">
        {basis ? healthBasisSentence(basis) : "Healthy tasks show from the first look at the deployment."} Healthy is out of the service&apos;s desired count, {count(view.desiredCount)}.
        {showTraffic && " Requested traffic is what ECS asked for; actual is what the production listener rule sends."}
      </p>
      <CircuitBreaker breaker={view.deployment.circuitBreaker} />
      <Alarms alarms={view.deployment.alarms} />
      {rollback?.reason && (
        <p className="rounded-md border border-warn-line bg-warn-soft px-3 py-2 text-sm">
          <strong className="font-semibold text-warn">Rollback reason:</strong> {rollback.reason}
        </p>
      )}
    </div>
  );
}
