import "server-only";
import type { AuditFilter, AuditView } from "@/lib/audit/types";
import type { LiveRead } from "@/lib/live-read";
import { auditChoices, queryAudit } from "./audit-log";

export const AUDIT_UNREADABLE = "The audit log could not be read. The Slipway server's log says why.";

/**
 * One page of the audit log for the page and its route handler, in a live view's terms. The
 * newest page carries what the filter's selects offer; older pages only their entries.
 */
export function readAuditView(filter: AuditFilter): LiveRead<AuditView> {
  try {
    const page = queryAudit(filter);
    return { ok: true, value: filter.before === undefined ? { ...page, choices: auditChoices() } : page, readAt: Date.now() };
  } catch (error) {
    console.error("The audit log could not be read:", error);
    return { ok: false, error: { code: "unknown", message: AUDIT_UNREADABLE }, readAt: Date.now() };
  }
}
