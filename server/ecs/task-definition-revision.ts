import "server-only";
import { DescribeTaskDefinitionCommand, type DescribeTaskDefinitionCommandInput, type Tag, type TaskDefinition } from "@aws-sdk/client-ecs";
import { awsFailure } from "@/lib/aws-errors";
import { toRevisionView, type RevisionView } from "@/lib/view-models/task-definitions";
import type { Part } from "@/lib/view-models/common";
import type { Connection } from "@/server/aws/connection";
import { toAwsFailure } from "@/server/aws/errors";
import { readEcs } from "@/server/aws/reads";

/**
 * DescribeTaskDefinition, with ECS's answer to a reference it cannot find (a ClientException,
 * "Unable to describe task definition.", or no definition at all) said as not found, in `notFoundDetail`.
 */
export async function describeTaskDefinition(
  connection: Connection,
  input: DescribeTaskDefinitionCommandInput & { taskDefinition: string },
  notFoundDetail: string,
): Promise<Part<{ taskDefinition: TaskDefinition; tags: Tag[] }>> {
  const notFound = awsFailure("not-found", { detail: notFoundDetail });
  try {
    const { taskDefinition, tags } = await readEcs(connection, new DescribeTaskDefinitionCommand(input));
    if (!taskDefinition) return { ok: false, error: notFound };
    return { ok: true, value: { taskDefinition, tags: tags ?? [] } };
  } catch (error) {
    const failure = toAwsFailure(error);
    if (failure.awsCode === "ClientException") return { ok: false, error: { ...notFound, awsCode: failure.awsCode, requestId: failure.requestId } };
    return { ok: false, error: failure };
  }
}

/**
 * One revision, with its tags (the change note is one):
 *
 *   ecs:DescribeTaskDefinition  1   (include TAGS)
 *
 * `reference` is a family:revision or an ARN (or a family, meaning its latest ACTIVE revision).
 */
export function describeRevision(connection: Connection, reference: string): Promise<Part<{ taskDefinition: TaskDefinition; tags: Tag[] }>> {
  return describeTaskDefinition(connection, { taskDefinition: reference, include: ["TAGS"] }, `ECS has no task definition ${reference}.`);
}

/** A revision as the viewer may see it. */
export async function readRevision(connection: Connection, reference: string, { canSeeSecrets }: { canSeeSecrets: boolean }): Promise<Part<RevisionView>> {
  const described = await describeRevision(connection, reference);
  if (!described.ok) return described;
  return { ok: true, value: toRevisionView(described.value.taskDefinition, described.value.tags, canSeeSecrets) };
}
