"use client";

import { useId } from "react";
import { useAction } from "@/components/actions/use-action";
import { useCan } from "@/components/auth/permissions-context";
import { queryKeys } from "@/lib/query-keys";
import { gateContextOf, stopConsequence } from "@/lib/rollout/approval-text";
import type { StopType } from "@/lib/schemas/rollout";
import type { RolloutView } from "@/lib/view-models/rollout";
import { stopServiceDeployment } from "@/server/actions/stop-service-deployment";
import { DecisionButton } from "./decision-button";
import { DecisionResult } from "./decision-result";

/** Only a deployment ECS is still carrying out can be stopped; one already stopping or rolling back cannot be again. */
const STOPPABLE: ReadonlySet<string> = new Set(["PENDING", "IN_PROGRESS"]);

/**
 * For operators: stop an ongoing deployment where it is, or roll it back. Each is confirmed with
 * what ECS will do; the answer stays on screen after the deployment has moved on.
 */
export function DeploymentControls({ view }: { view: RolloutView }) {
  const canOperate = useCan("operate");
  const stop = useAction(stopServiceDeployment, [queryKeys.clusters.one(view.cluster)]);
  const titleId = useId();
  const stoppable = STOPPABLE.has(view.deployment.status ?? "");
  if (!canOperate || (!stoppable && !stop.result)) return null;

  const context = gateContextOf(view);
  const { serviceDeploymentArn } = view.deployment;
  const run = (stopType: StopType) => stop.run({ serviceDeploymentArn, stopType });
  return (
    <section aria-labelledby={titleId} className="rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5">
      <h2 id={titleId} className="font-semibold">
        Stop this deployment
      </h2>
      {stoppable && (
        <>
          <p className="mt-1 text-sm text-ink-muted">Stop leaves both revisions as they are now; roll back returns all traffic to the revision before it.</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <DecisionButton
              label="Stop deployment"
              variant="secondary"
              title={`Stop the deployment of ${view.service} where it is?`}
              consequence={<p>{stopConsequence("ABORT", context)}</p>}
              confirmLabel="Stop deployment"
              pending={stop.pending}
              onConfirm={() => run("ABORT")}
            />
            <DecisionButton
              label="Roll back deployment"
              variant="danger"
              title={`Roll back ${view.service} to ${context.sourceLabel ?? "the revision before"}?`}
              consequence={<p>{stopConsequence("ROLLBACK", context)}</p>}
              confirmLabel="Roll back deployment"
              pending={stop.pending}
              onConfirm={() => run("ROLLBACK")}
            />
          </div>
        </>
      )}
      <div className="mt-3 empty:hidden">
        <DecisionResult result={stop.result} settledTitle="Already finished" failureTitle="The deployment was not stopped" />
      </div>
    </section>
  );
}
