"use client";

import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import type { Decision } from "@/lib/schemas/rollout";
import { queryKeys } from "@/lib/query-keys";
import type { ApprovalGate } from "@/lib/view-models/deployments";
import type { RolloutView } from "@/lib/view-models/rollout";
import { continueServiceDeployment } from "@/server/actions/continue-service-deployment";

/**
 * A decision on the rollout's pause, shared by the approval panel (which asks it) and the
 * header (which stops saying "Awaiting approval" the moment it is taken, before the next look).
 */
export function useDecision(view: RolloutView) {
  const gate = view.deployment.awaitingApproval;
  // The cluster's key holds the rollout's own: its next look is read at once.
  const action = useAction(continueServiceDeployment, [queryKeys.clusters.one(view.cluster)]);
  const [decided, setDecided] = useState<{ hookId: string; action: Decision }>();

  // An answer belongs to the pause it was given for; a later pause (a canary's promotion gate) asks afresh.
  const result = action.result && (!gate || gate.hookId === decided?.hookId) ? action.result : undefined;
  /** The pause still shown is one this person has just answered. */
  const answered = gate !== undefined && decided?.hookId === gate.hookId && result?.ok === true;

  async function decide(active: ApprovalGate, choice: Decision) {
    setDecided({ hookId: active.hookId, action: choice });
    await action.run({ serviceDeploymentArn: active.serviceDeploymentArn, hookId: active.hookId, action: choice });
  }

  return { gate, decide, result, answered, decision: decided?.action, pending: action.pending };
}

export type RolloutDecisionState = ReturnType<typeof useDecision>;
