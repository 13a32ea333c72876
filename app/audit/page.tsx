import type { Metadata } from "next";
import { AuditNotAllowed } from "@/components/audit/audit-not-allowed";
import { parseAuditFilter } from "@/lib/audit/filter-params";
import { auditAccess } from "@/server/audit/access";
import { readAuditView } from "@/server/audit/audit-view";
import { AuditClient } from "./audit-client";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The newest page for the filter in the URL is read here, so the page is useful before its JavaScript runs; the client then polls. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const access = await auditAccess();
  if (!access.allowed) return <AuditNotAllowed message={access.error.message} />;
  const { fields, filter, errors } = parseAuditFilter(await searchParams);
  // The page's own paging is "Load older"; a cursor or size in its URL is not one of its filters.
  const initial = readAuditView({ ...filter, before: undefined, limit: undefined });
  return <AuditClient initial={initial} fields={fields} errors={errors} />;
}
