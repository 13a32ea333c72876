import { decodeSegment } from "@/lib/url-segment";
import type { TaskPageRead } from "@/lib/view-models/task-detail";
import { liveReadResponse, readLive } from "@/server/api/live-read";
import { refusedUnless } from "@/server/api/guard";
import { currentConnection } from "@/server/aws/current-connection";
import { readTaskDetail } from "@/server/ecs/task-detail";
import { canSeeSecrets } from "@/server/security/secret-access";

/**
 * A task's page, polled by the page: 200 with the task (its task definition may carry its own
 * error, and its secret values are masked unless the viewer's role may see them), or 503 when
 * the task could not be read.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ cluster: string; task: string }> }): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  const { cluster, task } = await params;
  const [connection, seesSecrets] = await Promise.all([currentConnection(), canSeeSecrets()]);
  const read = () => readTaskDetail(connection, decodeSegment(cluster), decodeSegment(task), { canSeeSecrets: seesSecrets });
  return liveReadResponse(await readLive<TaskPageRead>(read));
}
