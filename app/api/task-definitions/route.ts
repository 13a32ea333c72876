import { liveReadResponse, readLive } from "@/server/api/live-read";
import { refusedUnless } from "@/server/api/guard";
import { currentConnection } from "@/server/aws/current-connection";
import { readTaskDefinitionFamilies } from "@/server/ecs/task-definition-choices";

/** The task definition families "Run task" offers: 200, or 503 with the reason they could not be listed. */
export async function GET(): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  const connection = await currentConnection();
  return liveReadResponse(await readLive(() => readTaskDefinitionFamilies(connection)));
}
