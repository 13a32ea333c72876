"use client";

import { useId } from "react";
import { useCan } from "@/components/auth/permissions-context";
import { pausedAtText } from "@/lib/approval-text";
import { isFinished } from "@/lib/rollout/sample";
import { approvalQuestion, continueConsequence, countdownText, gateContextOf, rollbackConsequence } from "@/lib/rollout/approval-text";
import { formatTimestamp } from "@/lib/timestamp";
import type { ApprovalGate } from "@/lib/view-models/deployments";
import type { RolloutView } from "@/lib/view-models/rollout";
import { DecisionButton } from "./decision-button";
import { DecisionResult } from "./decision-result";
import type { RolloutDecisionState } from "./use-decision";

/**
 * What on-call people come for: a deployment paused at a PAUSE hook, the question it asks, how
 * long is left before its timeout decides, and Approve / Roll back for approvers. Render it
 * whenever the view is shown: it shows itself while the deployment waits, and keeps the
 * answer to a decision on screen until the deployment finishes or asks again.
 */
export function ApprovalPanel({ view, now, decision }: { view: RolloutView; now: number; decision: RolloutDecisionState }) {
  const canApprove = useCan("approve");
  const titleId = useId();
  const labelId = useId();
  const { gate, result, answered } = decision;
  // Once the deployment has finished, its header says how, and by whom: an earlier answer has nothing to add.
  if (!gate && (!result || isFinished(view.deployment.status))) return null;
  const asking = gate !== undefined && !answered;
  const context = gateContextOf(view);
  const answeredTitle = !result?.ok ? "The decision was not taken" : decision.decision === "ROLLBACK" ? "Rolling back" : "Approved";
  return (
    <section aria-labelledby={`${labelId} ${titleId}`} className="rounded-lg border-2 border-warn-line bg-warn-soft p-4 shadow-sm sm:p-5">
      <p id={labelId} className="text-xs font-semibold tracking-wide text-warn uppercase">{asking ? "Awaiting approval" : "Approval"}</p>
      <h2 id={titleId} className="mt-1 text-xl font-semibold [overflow-wrap:anywhere]">
        {asking ? approvalQuestion(context) : answeredTitle}
      </h2>
      {asking && gate && (
        <>
          <p className="mt-1 text-sm text-ink-muted">
            {pausedAtText(gate.lifecycleStage)} · {view.deployment.strategy}
          </p>
          <Countdown gate={gate} now={now} />
          {canApprove ? (
            <div className="mt-4 flex flex-wrap gap-3">
              <DecisionButton
                label="Approve"
                variant="primary"
                title={approvalQuestion(context)}
                consequence={<p>{continueConsequence(context)}</p>}
                confirmLabel="Approve"
                pending={decision.pending}
                onConfirm={() => decision.decide(gate, "CONTINUE")}
              />
              <DecisionButton
                label="Roll back"
                variant="danger"
                title={`Roll back ${view.service} to ${context.sourceLabel ?? "the current revision"}?`}
                consequence={<p>{rollbackConsequence(context)}</p>}
                confirmLabel="Roll back"
                pending={decision.pending}
                onConfirm={() => decision.decide(gate, "ROLLBACK")}
              />
            </div>
          ) : (
            <p className="mt-4 text-sm">An approver can continue or roll back.</p>
          )}
        </>
      )}
      <div className={asking ? "mt-4 empty:hidden" : "mt-3"}>
        <DecisionResult result={result} settledTitle="Already decided" failureTitle="The decision was not taken" />
      </div>
    </section>
  );
}

function Countdown({ gate, now }: { gate: ApprovalGate; now: number }) {
  const text = countdownText(gate, now);
  if (!text || !gate.expiresAt) return null;
  return (
    <p className="mt-3 text-base font-semibold text-warn">
      <time dateTime={gate.expiresAt} title={`At ${formatTimestamp(gate.expiresAt)}`}>
        {text}
      </time>
    </p>
  );
}
