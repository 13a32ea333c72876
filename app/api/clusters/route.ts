import { liveReadResponse, readLive } from "@/server/api/live-read";
import { refusedUnless } from "@/server/api/guard";
import { currentConnection } from "@/server/aws/current-connection";
import { readClustersOverview } from "@/server/ecs/clusters-overview";

/** The clusters overview, polled by the page: 200 with per-cluster errors, or 503 when nothing could be read. */
export async function GET(): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  const connection = await currentConnection();
  return liveReadResponse(await readLive(() => readClustersOverview(connection)));
}
