import { liveReadResponse, readLive } from "@/server/api/live-read";
import { refusedUnless } from "@/server/api/guard";
import { currentConnection } from "@/server/aws/current-connection";
import { readTaskDefinitionPick } from "@/server/create-service/task-definition-pick";

const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;

/** `?family=web[&revision=7]`: the family's ACTIVE revisions and the chosen one's container ports; 400 for a malformed family. */
export async function GET(request: Request): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  const params = new URL(request.url).searchParams;
  const family = params.get("family") ?? "";
  const revision = Number(params.get("revision") ?? "");
  if (!FAMILY.test(family)) {
    return Response.json({ error: { code: "invalid-input", message: "A task definition family is 1–255 letters, digits, hyphens or underscores." } }, { status: 400 });
  }
  const connection = await currentConnection();
  const wanted = Number.isInteger(revision) && revision > 0 ? revision : undefined;
  return liveReadResponse(await readLive(() => readTaskDefinitionPick(connection, family, wanted)));
}
