import { decodeSegment } from "@/lib/url-segment";
import type { LiveReadFailureBody } from "@/lib/live-read";
import { taskDefinitionRef } from "@/lib/schemas/operations";
import { liveReadResponse, readLive } from "@/server/api/live-read";
import { refusedUnless } from "@/server/api/guard";
import { currentConnection } from "@/server/aws/current-connection";
import { readTaskDefinitionNeeds } from "@/server/ecs/task-definition-choices";

/**
 * What a task run from this family (its latest ACTIVE revision), family:revision or ARN
 * needs: 200, 400 for something that cannot name a task definition, or 503 with the reason.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ taskDefinition: string }> }): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  const parsed = taskDefinitionRef.safeParse(decodeSegment((await params).taskDefinition));
  if (!parsed.success) {
    const body: LiveReadFailureBody = { error: { code: "invalid-input", message: parsed.error.issues[0]?.message ?? "Not a task definition." } };
    return Response.json(body, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  const connection = await currentConnection();
  return liveReadResponse(await readLive(() => readTaskDefinitionNeeds(connection, parsed.data)));
}
