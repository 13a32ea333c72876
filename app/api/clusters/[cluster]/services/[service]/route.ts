import { decodeSegment } from "@/lib/url-segment";
import { liveReadResponse, readLive } from "@/server/api/live-read";
import { refusedUnless } from "@/server/api/guard";
import { currentConnection } from "@/server/aws/current-connection";
import { readServiceDetail } from "@/server/ecs/service-detail";

/** A service's page, polled: 200 with per-part errors, or 503 when the service itself could not be read (not found included). */
export async function GET(_request: Request, { params }: { params: Promise<{ cluster: string; service: string }> }): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  const { cluster, service } = await params;
  const connection = await currentConnection();
  return liveReadResponse(await readLive(() => readServiceDetail(connection, decodeSegment(cluster), decodeSegment(service))));
}
