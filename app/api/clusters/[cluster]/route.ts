import { decodeSegment } from "@/lib/url-segment";
import { liveReadResponse, readLive } from "@/server/api/live-read";
import { refusedUnless } from "@/server/api/guard";
import { currentConnection } from "@/server/aws/current-connection";
import { readClusterDetail } from "@/server/ecs/cluster-detail";

/**
 * One cluster's page, polled: 200 with its parts (each may carry its own error), or 503 with
 * the reason when none could be read, a cluster that does not exist included.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  const cluster = decodeSegment((await params).cluster);
  const connection = await currentConnection();
  return liveReadResponse(await readLive(() => readClusterDetail(connection, cluster)));
}
