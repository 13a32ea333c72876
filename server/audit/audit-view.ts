import "server-only";
import type { AuditFilter, AuditView } from "@/lib/audit/types";
import type { LiveRead } from "@/lib/live-read";
import { AuditUnavailable, sharedAuditLog } from "./audit-log";

export const AUDIT_UNREADABLE = "The audit log could not be read, and while it cannot, Slipway refuses every change. The Slipway server's log says why.";

/**
 * One page of the audit log for the page and its route handler, in a live view's terms. The
 * newest page carries what the filter's selects offer; older pages only their entries.
 */
export function readAuditView(filter: AuditFilter): LiveRead<AuditView> {
  try {
    const log = sharedAuditLog();
    const page = log.query(filter);
    if (filter.before !== undefined) return { ok: true, value: page, readAt: Date.now() };
    const keptSince = log.keptSince();
    return { ok: true, value: { ...page, choices: log.choices(), ...(keptSince ? { keptSince } : {}) }, readAt: Date.now() };
  } catch (error) {
    console.error("The audit log could not be read:", error);
    // Said on the page: until it is fixed, Slipway refuses every change (server/actions/action-client.ts).
    // What is wrong with the file, for the admins who read this page: its messages name the file and what to do.
    const detail = error instanceof AuditUnavailable || (error instanceof Error && error.message.startsWith("The audit log ")) ? error.message : undefined;
    return { ok: false, error: { code: "unknown", message: AUDIT_UNREADABLE, ...(detail ? { detail } : {}) }, readAt: Date.now() };
  }
}
