import "server-only";
import { auditExportFileName, AUDIT_EXPORT_TYPES } from "@/lib/audit/export";
import { parseAuditFilter, parseExportFormat, type AuditFilterErrors } from "@/lib/audit/filter-params";
import type { AwsFailure } from "@/lib/aws-errors";
import { liveReadResponse } from "@/server/api/live-read";
import { auditAccess } from "./access";
import { exportAudit } from "./audit-log";
import { AUDIT_UNREADABLE, readAuditView } from "./audit-view";

/**
 * What the audit log's route handlers answer: the access check first, then the filter from
 * the query string, then the log. Every refusal is `{ error }` with a code from the closed set.
 */
const NO_STORE = { "Cache-Control": "no-store" };

function errorResponse(status: number, error: AwsFailure): Response {
  return Response.json({ error }, { status, headers: NO_STORE });
}

function invalidFilter(errors: AuditFilterErrors): Response | undefined {
  const message = Object.values(errors)[0];
  return message ? errorResponse(400, { code: "invalid-input", message }) : undefined;
}

/** GET /api/audit: a page of entries, newest first (`before` for older ones). */
export async function auditEntriesResponse(params: URLSearchParams): Promise<Response> {
  const access = await auditAccess();
  if (!access.allowed) return errorResponse(access.status, access.error);
  const { filter, errors } = parseAuditFilter(params);
  return invalidFilter(errors) ?? liveReadResponse(readAuditView(filter));
}

/** GET /api/audit/export?format=csv|json: every matching entry, as a file to save. */
export async function auditExportResponse(params: URLSearchParams, now: Date = new Date()): Promise<Response> {
  const access = await auditAccess();
  if (!access.allowed) return errorResponse(access.status, access.error);
  const format = parseExportFormat(params.get("format"));
  if (!format) return errorResponse(400, { code: "invalid-input", message: "format must be csv or json." });
  const { filter, errors } = parseAuditFilter(params);
  const invalid = invalidFilter(errors);
  if (invalid) return invalid;
  let body: string;
  try {
    body = exportAudit(filter, format);
  } catch (error) {
    console.error("The audit log could not be exported:", error);
    return errorResponse(503, { code: "unknown", message: AUDIT_UNREADABLE });
  }
  return new Response(body, {
    headers: {
      ...NO_STORE,
      "Content-Type": AUDIT_EXPORT_TYPES[format],
      "Content-Disposition": `attachment; filename="${auditExportFileName(format, now)}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
