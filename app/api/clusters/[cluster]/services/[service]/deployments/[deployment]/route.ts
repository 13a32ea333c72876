import { decodeSegment } from "@/lib/url-segment";
import { liveReadResponse, readLive } from "@/server/api/live-read";
import { refusedUnless } from "@/server/api/guard";
import { currentConnection } from "@/server/aws/current-connection";
import { readRolloutView } from "@/server/rollout/rollout-view";

/** ISO 8601 as the sampler writes it; anything else asks for every sample. */
const SAMPLE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A rollout, polled every second: the sampler's latest look and the samples after `?since=`
 * (the last sample the browser has). 503 with the reason when the deployment cannot be read.
 */
export async function GET(request: Request, { params }: { params: Promise<{ cluster: string; service: string; deployment: string }> }): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  const { cluster, service, deployment } = await params;
  const since = new URL(request.url).searchParams.get("since") ?? undefined;
  const connection = await currentConnection();
  return liveReadResponse(
    await readLive(() =>
      readRolloutView(connection, decodeSegment(cluster), decodeSegment(service), decodeSegment(deployment), since && SAMPLE_TIME.test(since) ? since : undefined),
    ),
  );
}
