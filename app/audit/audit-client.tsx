"use client";

import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditTable } from "@/components/audit/audit-table";
import { ExportLinks } from "@/components/audit/export-links";
import { NoEntries } from "@/components/audit/no-entries";
import { useAuditEntries } from "@/components/audit/use-audit-entries";
import { Freshness } from "@/components/live/freshness";
import { LiveFailure } from "@/components/live/live-status";
import { POLL_MS } from "@/components/live/use-live-view";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { formatTimestamp } from "@/lib/timestamp";
import { appliedFields, hasFilter, type AuditFilterErrors, type AuditFilterFields } from "@/lib/audit/filter-params";
import type { AuditView } from "@/lib/audit/types";
import { formatCount } from "@/lib/format";
import type { LiveRead } from "@/lib/live-read";

export function AuditClient({ initial, fields, errors }: { initial: LiveRead<AuditView>; fields: AuditFilterFields; errors: AuditFilterErrors }) {
  const applied = appliedFields({ fields, errors });
  const { entries, choices, keptSince, failure, updatedAt, now, hasOlder, loadingOlder, loadOlder } = useAuditEntries(applied, initial);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        description={`Who did what in Slipway, to which resource, and how it ended. Newest first, refreshed every ${POLL_MS / 1000} seconds; times in UTC.`}
        aside={
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:justify-end">
            {updatedAt !== undefined && <Freshness updatedAt={updatedAt} now={now} stale={failure !== undefined} />}
            <ExportLinks fields={applied} />
          </div>
        }
      />
      <AuditFilterForm fields={fields} errors={errors} choices={choices} />
      <LiveFailure failure={failure} hasData={entries !== undefined} what="audit log" />
      {entries && entries.length === 0 && <NoEntries filtered={hasFilter(applied)} />}
      {entries && entries.length > 0 && (
        <section aria-label="Entries" className="space-y-3">
          <p className="text-sm text-ink-muted" aria-live="polite">
            {hasOlder ? `The newest ${formatCount(entries.length, "entry", "entries")}.` : `${formatCount(entries.length, "entry", "entries")}, all there are.`}
            {keptSince && ` This log has been kept since ${formatTimestamp(keptSince)}.`}
          </p>
          <AuditTable entries={entries} />
          {hasOlder && (
            <Button onClick={loadOlder} busy={loadingOlder}>
              Load older entries
            </Button>
          )}
        </section>
      )}
    </div>
  );
}
