import "server-only";
import { DescribeServiceDeploymentsCommand, type ServiceDeployment } from "@aws-sdk/client-ecs";
import { awsFailure } from "@/lib/aws-errors";
import type { AuditEntry } from "@/lib/audit/types";
import { alreadyDecidedText, howSettled, type SettledHow } from "@/lib/rollout/approval-text";
import type { Connection } from "@/server/aws/connection";
import { readEcs } from "@/server/aws/reads";
import { queryAudit } from "@/server/audit/audit-log";
import { ActionFailure } from "./action-client";

/**
 * What a decision on a paused deployment finds when it comes too late: how the pause was
 * settled (from ECS) and, when a person here settled it, who and when (from the audit log).
 */
export const DECISION_ACTIONS = { CONTINUE: "deployment.approve", ROLLBACK: "deployment.reject" } as const;
export const STOP_ACTION = "deployment.stop";

/** The deployment as ECS has it now; a write before this has emptied the read cache, so it is fresh after one. */
export async function describeDeployment(connection: Connection, serviceDeploymentArn: string): Promise<ServiceDeployment> {
  const { serviceDeployments } = await readEcs(connection, new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [serviceDeploymentArn] }));
  const deployment = serviceDeployments?.[0];
  if (!deployment) throw new ActionFailure(awsFailure("not-found", { detail: `ECS has no service deployment ${serviceDeploymentArn}.` }));
  return deployment;
}

export interface AlreadyDecided {
  alreadyDecided: true;
  how: SettledHow;
  decidedBy?: { name: string; at: string };
}

/** The log's actions that settle a pause each way, the likelier first; a timeout or a finish is nobody's. */
const SETTLED_BY: Partial<Record<SettledHow, readonly string[]>> = {
  approved: [DECISION_ACTIONS.CONTINUE],
  // An operator's rollback (a stop) also ends the pause.
  "rolled-back": [DECISION_ACTIONS.ROLLBACK, STOP_ACTION],
  "deployment-stopped": [STOP_ACTION],
  "deployment-rolled-back": [STOP_ACTION],
};

/** Entries that changed something: an answer that found the pause already settled carries no AWS request id. */
function settledIt(entry: AuditEntry, action: string, hookId: string): boolean {
  if (entry.action !== action || entry.outcome !== "succeeded" || !entry.awsRequestId) return false;
  return action === STOP_ACTION || (entry.input ?? "").includes(hookId);
}

/** The first person who settled it here, if the log knows; a log that cannot be read only leaves the name out. */
function whoSettled(how: SettledHow, serviceDeploymentArn: string, hookId: string): AlreadyDecided["decidedBy"] {
  try {
    for (const action of SETTLED_BY[how] ?? []) {
      const entries = queryAudit({ resource: serviceDeploymentArn, action, limit: 100 }).entries.filter((entry) => settledIt(entry, action, hookId));
      const first = entries.at(-1);
      if (first) return { name: first.actor.name, at: first.at };
    }
  } catch (error) {
    console.error("The audit log could not be read to say who decided:", error);
  }
  return undefined;
}

/** How the pause `hookId` of `deployment` was settled, or undefined while a decision can still be taken. */
export function alreadyDecided(deployment: ServiceDeployment, hookId: string): (AlreadyDecided & { message: string }) | undefined {
  const hook = deployment.lifecycleHookDetails?.find((detail) => detail.hookId === hookId);
  const how = howSettled(hook, deployment.status);
  if (!how) return undefined;
  const decidedBy = whoSettled(how, deployment.serviceDeploymentArn ?? "", hookId);
  return { alreadyDecided: true, how, ...(decidedBy ? { decidedBy } : {}), message: alreadyDecidedText(how, decidedBy) };
}

/** AWS's own error name, as the SDK sets it. */
export function isAwsError(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}
