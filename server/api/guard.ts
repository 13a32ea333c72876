import "server-only";
import type { Permission } from "@/lib/auth/permissions";
import type { LiveReadFailureBody } from "@/lib/live-read";
import { currentActor, refusalFor } from "@/server/auth/session";

/**
 * A route handler's first line: undefined when the person behind the request may do what
 * `permission` covers, else the 401 or 403 response to send, in the live views' error shape.
 */
export async function refusedUnless(permission: Permission): Promise<Response | undefined> {
  const refusal = refusalFor(await currentActor(), permission);
  if (!refusal) return undefined;
  const body: LiveReadFailureBody = { error: { code: "access-denied", message: refusal.message } };
  return Response.json(body, { status: refusal.status, headers: { "Cache-Control": "no-store" } });
}
