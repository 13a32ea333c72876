import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import type { RolloutDecision } from "@/lib/view-models/rollout";
import { queryAudit } from "@/server/audit/audit-log";
import { DECISION_ACTIONS, STOP_ACTION } from "@/server/actions/continue-service-deployment-settled";

/**
 * Who decided what about a deployment, as the audit log has it: approvals, rollbacks and stops
 * that reached ECS (an answer that found the pause settled changed nothing, and has no AWS
 * request id). A timeout's decision is ECS's own, and is not here.
 */
function decisionOf(entry: AuditEntry): RolloutDecision | undefined {
  if (entry.outcome !== "succeeded" || !entry.awsRequestId) return undefined;
  const by = entry.actor.name;
  if (entry.action === DECISION_ACTIONS.CONTINUE) return { what: "Approved", by, at: entry.at };
  if (entry.action === DECISION_ACTIONS.ROLLBACK) return { what: "Rolled back", by, at: entry.at };
  if (entry.action === STOP_ACTION) return { what: (entry.input ?? "").includes('"ROLLBACK"') ? "Rolled back" : "Stopped", by, at: entry.at };
  return undefined;
}

/** Oldest first; a log that cannot be read leaves the names out rather than the view. */
export function rolloutDecisions(serviceDeploymentArn: string): RolloutDecision[] {
  try {
    return queryAudit({ resource: serviceDeploymentArn, limit: 100 })
      .entries.filter((entry) => entry.target === serviceDeploymentArn)
      .map(decisionOf)
      .filter((decision): decision is RolloutDecision => decision !== undefined)
      .reverse();
  } catch (error) {
    console.error("The audit log could not be read to say who decided:", error);
    return [];
  }
}
