import type { NextRequest } from "next/server";
import { auditEntriesResponse } from "@/server/audit/http";

/** The audit log's entries for the page's polling: 200, 400 for a filter that cannot be used, 401/403 without the audit permission. */
export function GET(request: NextRequest): Promise<Response> {
  return auditEntriesResponse(request.nextUrl.searchParams);
}
