import type { NextRequest } from "next/server";
import { auditExportResponse } from "@/server/audit/http";

/** The audit log as a file: `?format=csv|json` and the page's filters. */
export function GET(request: NextRequest): Promise<Response> {
  return auditExportResponse(request.nextUrl.searchParams);
}
