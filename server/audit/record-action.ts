import "server-only";
import type { AuditActor } from "@/lib/audit/types";
import { currentActor } from "@/server/auth/session";
import { recordAudit, type AuditEntryInput } from "./audit-log";

/** What an action says of an outcome; who acted and when are known here. */
export type ActionAudit = Omit<AuditEntryInput, "actor" | "at">;

/** Only a request with no session could be recorded as this, and none should reach an action. */
const NOBODY: AuditActor = { id: "anonymous", name: "Anonymous" };

async function whoActed(): Promise<AuditActor> {
  const actor = await currentActor();
  if (!actor) return NOBODY;
  return { id: actor.id, name: actor.name, ...(actor.email ? { email: actor.email } : {}) };
}

/**
 * Writes an action's outcome to the audit log as the person who asked. A log that cannot be
 * written is reported loudly but does not turn the answer into a failure: by then AWS has
 * done what it did, and the person must hear that.
 */
export async function auditAction(entry: ActionAudit): Promise<void> {
  try {
    recordAudit({ ...entry, actor: await whoActed() });
  } catch (error) {
    console.error(`The audit log could not record ${entry.action} (${entry.outcome}):`, error);
  }
}
