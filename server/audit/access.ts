import "server-only";
import type { AwsFailure } from "@/lib/aws-errors";
import { can } from "@/lib/auth/permissions";
import { currentActor, type Actor } from "@/server/auth/session";

/** Whether this request may read the audit log: only someone signed in whose role has the "audit" permission. */
export type AuditAccess = { allowed: true; actor: Actor } | { allowed: false; status: 401 | 403; error: AwsFailure };

export async function auditAccess(): Promise<AuditAccess> {
  const actor = await currentActor();
  if (!actor) return { allowed: false, status: 401, error: { code: "access-denied", message: "Sign in to read the audit log." } };
  if (!can(actor.roles, "audit")) {
    return { allowed: false, status: 403, error: { code: "access-denied", message: "Your role may not read the audit log. An admin can give you a role that may." } };
  }
  return { allowed: true, actor };
}
