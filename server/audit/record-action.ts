import "server-only";
import type { AuditActor } from "@/lib/audit/types";
import { recordAudit, sharedAuditLog, type AuditEntryInput, type AuditIntent, type AuditSettlement } from "./audit-log";

/** What an action says of an outcome; when is known here. */
export type ActionAudit = Omit<AuditEntryInput, "actor" | "at">;

/** What an action is about to ask of AWS. */
export type ActionIntent = Omit<AuditIntent, "actor" | "at">;

/** Only a request with no session could be recorded as this, and none should reach an action. */
const NOBODY: AuditActor = { id: "anonymous", name: "Anonymous" };

/** The person as the log keeps them: who they are, not what they may do. `actor` is the one the caller already read from the session. */
function asAuditActor(actor: AuditActor | undefined): AuditActor {
  if (!actor) return NOBODY;
  return { id: actor.id, name: actor.name, ...(actor.email ? { email: actor.email } : {}) };
}

/**
 * Writes, before AWS is asked, what the person is about to change, as a pending entry: its id.
 * Throws when the log cannot be written, and the change must then not be made: no change
 * goes unrecorded.
 */
export function beginAuditedChange(intent: ActionIntent, actor: AuditActor): number {
  return sharedAuditLog().begin({ ...intent, actor: asAuditActor(actor) }).id;
}

/**
 * Says how a change begun with beginAuditedChange ended. A log that fails now is reported
 * loudly but does not turn the answer into a failure: AWS has done what it did, and the
 * person must hear that; the entry stays pending, and is later said to be of unknown outcome.
 */
export function settleAuditedChange(id: number, settlement: AuditSettlement): void {
  try {
    sharedAuditLog().settle(id, settlement);
  } catch (error) {
    console.error(`The audit log could not settle entry ${id} (${settlement.outcome}):`, error);
  }
}

/**
 * Writes a refusal (no AWS call was made) or a sign-in to the audit log as the person who
 * asked. A log that cannot be written is reported loudly; nothing changed, so nothing is lost
 * but the record.
 */
export function auditAction(entry: ActionAudit, actor: AuditActor | undefined): void {
  try {
    recordAudit({ ...entry, actor: asAuditActor(actor) });
  } catch (error) {
    console.error(`The audit log could not record ${entry.action} (${entry.outcome}):`, error);
  }
}
