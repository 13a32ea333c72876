import { decodeSegment } from "@/lib/url-segment";
import { refusedUnless } from "@/server/api/guard";
import { registrationDownload } from "@/server/api/task-definition-registration";

/** Export: a revision's clean registration JSON as an attachment ("web-5.json"). */
export async function GET(_request: Request, { params }: { params: Promise<{ taskDefinition: string }> }): Promise<Response> {
  const refused = await refusedUnless("read");
  if (refused) return refused;
  return registrationDownload(decodeSegment((await params).taskDefinition));
}
