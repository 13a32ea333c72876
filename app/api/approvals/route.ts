import { liveReadResponse, readLive } from "@/server/api/live-read";
import { refusedUnless } from "@/server/api/guard";
import { currentConnection } from "@/server/aws/current-connection";
import { cachedApprovalsInbox } from "@/server/ecs/approvals-inbox";

/** Every deployment awaiting approval, polled by the approvals page and the top bar's badge; one read per 10 s whoever asks. */
export async function GET(): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  const connection = await currentConnection();
  return liveReadResponse(await readLive(() => cachedApprovalsInbox(connection)));
}
