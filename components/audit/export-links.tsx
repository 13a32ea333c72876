import { auditFilterQuery, type AuditFilterFields } from "@/lib/audit/filter-params";

const LINK =
  "inline-flex min-h-9 items-center justify-center rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink shadow-sm hover:bg-surface-sunken";

/** Downloads of every entry the filter matches, not only the pages on screen. */
export function ExportLinks({ fields }: { fields: AuditFilterFields }) {
  return (
    <div className="flex gap-2">
      <a href={`/api/audit/export${auditFilterQuery(fields, { format: "csv" })}`} download className={LINK}>
        Export CSV
      </a>
      <a href={`/api/audit/export${auditFilterQuery(fields, { format: "json" })}`} download className={LINK}>
        Export JSON
      </a>
    </div>
  );
}
