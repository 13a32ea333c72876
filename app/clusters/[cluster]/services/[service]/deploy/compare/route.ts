import { parseRevisionReference } from "@/lib/taskdef/diff-comparison";
import type { LiveReadFailureBody } from "@/lib/live-read";
import { refusedUnless } from "@/server/api/guard";
import { currentConnection } from "@/server/aws/current-connection";
import { toAwsFailure } from "@/server/aws/errors";
import { readDeployCandidate } from "@/server/ecs/deploy-context";
import { canSeeSecrets } from "@/server/security/secret-access";

const HEADERS = { "Cache-Control": "no-store" };

/**
 * The deploy wizard's review of an existing revision: `?from=web:3&to=web:5` answers what
 * changes from the running revision to the chosen one (masked for the viewer) and the chosen
 * one's images. 400 for a reference that names no revision, 503 when AWS cannot answer.
 */
export async function GET(request: Request): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  const query = new URL(request.url).searchParams;
  const from = parseRevisionReference(query.get("from") ?? "");
  const to = parseRevisionReference(query.get("to") ?? "");
  if (!from.ok || !to.ok) {
    const body: LiveReadFailureBody = { error: !from.ok ? from.error : !to.ok ? to.error : toAwsFailure(undefined) };
    return Response.json(body, { status: 400, headers: HEADERS });
  }
  try {
    const candidate = await readDeployCandidate(await currentConnection(), from.reference, to.reference, { canSeeSecrets: await canSeeSecrets() });
    return Response.json(candidate, { headers: HEADERS });
  } catch (error) {
    const body: LiveReadFailureBody = { error: toAwsFailure(error) };
    return Response.json(body, { status: 503, headers: HEADERS });
  }
}
