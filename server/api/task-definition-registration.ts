import "server-only";
import type { LiveReadFailureBody } from "@/lib/live-read";
import { taskDefinitionRevision } from "@/lib/schemas/task-definitions";
import { registrationFileName, registrationJson } from "@/lib/taskdef/registration";
import type { AwsFailure } from "@/lib/aws-errors";
import { currentConnection } from "@/server/aws/current-connection";
import { readRevision } from "@/server/ecs/task-definition-revision";
import { canSeeSecrets } from "@/server/security/secret-access";

function failure(status: number, error: AwsFailure): Response {
  const body: LiveReadFailureBody = { error };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * One revision's registration as a file to download: the JSON that
 * `aws ecs register-task-definition --cli-input-json` accepts, masked as the person may see it.
 * 400 for something that names no revision, 404 for a revision ECS does not have, 503 when
 * AWS could not be asked.
 *
 *   ecs:DescribeTaskDefinition  1   (include TAGS)
 */
export async function registrationDownload(reference: string): Promise<Response> {
  const parsed = taskDefinitionRevision.safeParse(reference);
  if (!parsed.success) return failure(400, { code: "invalid-input", message: parsed.error.issues[0]?.message ?? "Not a task definition revision." });
  const [connection, seesSecrets] = await Promise.all([currentConnection(), canSeeSecrets()]);
  const read = await readRevision(connection, parsed.data, { canSeeSecrets: seesSecrets });
  if (!read.ok) return failure(read.error.code === "not-found" ? 404 : 503, read.error);
  const { family, revision, registration } = read.value;
  return new Response(registrationJson(registration), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${registrationFileName(family, revision)}"`,
      "Cache-Control": "no-store",
    },
  });
}
