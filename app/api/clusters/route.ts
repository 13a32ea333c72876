import { liveReadResponse, readLive } from "@/server/api/live-read";
import { defaultConnection } from "@/server/aws/target-summary";
import { readClustersOverview } from "@/server/ecs/clusters-overview";

/** The clusters overview, polled by the page: 200 with per-cluster errors, or 503 when nothing could be read. */
export async function GET(): Promise<Response> {
  return liveReadResponse(await readLive(() => readClustersOverview(defaultConnection())));
}
