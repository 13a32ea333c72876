import { decodeSegment } from "@/lib/url-segment";
import { liveReadResponse, readLive } from "@/server/api/live-read";
import { refusedUnless } from "@/server/api/guard";
import { currentConnection } from "@/server/aws/current-connection";
import { readClusterTasks } from "@/server/ecs/cluster-detail";

/** A cluster's tasks table, running and stopped, polled apart from its page: 200, or 503 with the reason. */
export async function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  const cluster = decodeSegment((await params).cluster);
  const connection = await currentConnection();
  return liveReadResponse(await readLive(() => readClusterTasks(connection, cluster, { includeStoppedTasks: true })));
}
