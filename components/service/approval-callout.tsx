import { approvalTimeoutText, pausedAtText } from "@/lib/approval-text";
import { formatTimestamp } from "@/lib/timestamp";
import type { ApprovalGate } from "@/lib/view-models/deployments";

/** A deployment paused at a PAUSE hook: where it waits, and what ECS does when nobody decides, counting down. */
export function ApprovalCallout({ gate, now }: { gate: ApprovalGate; now: number }) {
  const timeout = approvalTimeoutText(gate, now);
  return (
    <div className="rounded-md border border-warn-line bg-warn-soft px-4 py-3 text-sm">
      <p className="font-semibold text-warn">Awaiting approval</p>
      <p className="mt-1">
        {pausedAtText(gate.lifecycleStage)}, waiting for a person to continue or roll back.
        {timeout && <strong className="font-semibold text-warn"> {timeout}.</strong>}
      </p>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-xs sm:grid-cols-[max-content_1fr]">
        <dt className="text-ink-muted">Hook</dt>
        <dd className="font-mono [overflow-wrap:anywhere]">{gate.hookId}</dd>
        {gate.expiresAt && (
          <>
            <dt className="text-ink-muted">Times out</dt>
            <dd>
              <time dateTime={gate.expiresAt}>{formatTimestamp(gate.expiresAt)}</time>
            </dd>
          </>
        )}
        <dt className="text-ink-muted">Then</dt>
        <dd>{gate.timeoutAction === "CONTINUE" ? "ECS continues the deployment" : "ECS rolls the deployment back"}</dd>
      </dl>
    </div>
  );
}
