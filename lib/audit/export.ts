import { csvDocument } from "./csv";
import type { AuditEntry, AuditExportFormat } from "./types";

/** The CSV's columns, in order; names stable for scripts that read the file. */
export const AUDIT_CSV_HEADER = [
  "id",
  "time",
  "actor_id",
  "actor_name",
  "actor_email",
  "action",
  "target",
  "outcome",
  "detail",
  "aws_request_id",
  "error_code",
  "input",
] as const;

function csvRow(entry: AuditEntry): (string | number | undefined)[] {
  return [
    entry.id,
    entry.at,
    entry.actor.id,
    entry.actor.name,
    entry.actor.email,
    entry.action,
    entry.target,
    entry.outcome,
    entry.detail,
    entry.awsRequestId,
    entry.errorCode,
    entry.input,
  ];
}

/** Entries as a file: CSV with a header row, or a JSON array of the entries as the page has them. */
export function auditExportText(entries: Iterable<AuditEntry>, format: AuditExportFormat): string {
  if (format === "json") return `${JSON.stringify([...entries], null, 2)}\n`;
  return csvDocument(AUDIT_CSV_HEADER, Array.from(entries, csvRow));
}

export const AUDIT_EXPORT_TYPES: Record<AuditExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** "slipway-audit-2026-05-01.csv", dated in UTC as the log is. */
export function auditExportFileName(format: AuditExportFormat, now: Date): string {
  return `slipway-audit-${now.toISOString().slice(0, 10)}.${format}`;
}
