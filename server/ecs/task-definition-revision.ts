import "server-only";
import { DescribeTaskDefinitionCommand, type Tag, type TaskDefinition } from "@aws-sdk/client-ecs";
import { awsFailure } from "@/lib/aws-errors";
import { toRevisionView, type RevisionView } from "@/lib/view-models/task-definitions";
import type { Part } from "@/lib/view-models/common";
import type { Connection } from "@/server/aws/connection";
import { toAwsFailure } from "@/server/aws/errors";
import { readEcs } from "@/server/aws/reads";

/**
 * One revision, with its tags (the change note is one):
 *
 *   ecs:DescribeTaskDefinition  1   (include TAGS)
 *
 * `reference` is a family:revision or an ARN (or a family, meaning its latest ACTIVE revision).
 */
export async function describeRevision(connection: Connection, reference: string): Promise<Part<{ taskDefinition: TaskDefinition; tags: Tag[] }>> {
  try {
    const { taskDefinition, tags } = await readEcs(connection, new DescribeTaskDefinitionCommand({ taskDefinition: reference, include: ["TAGS"] }));
    if (!taskDefinition) return { ok: false, error: revisionNotFound(reference) };
    return { ok: true, value: { taskDefinition, tags: tags ?? [] } };
  } catch (error) {
    const failure = toAwsFailure(error);
    // ECS answers a revision it cannot find with a ClientException ("Unable to describe task definition.").
    if (failure.awsCode === "ClientException") return { ok: false, error: { ...revisionNotFound(reference), awsCode: failure.awsCode, requestId: failure.requestId } };
    return { ok: false, error: failure };
  }
}

function revisionNotFound(reference: string) {
  return awsFailure("not-found", { detail: `ECS has no task definition ${reference}.` });
}

/** A revision as the viewer may see it. */
export async function readRevision(connection: Connection, reference: string, { canSeeSecrets }: { canSeeSecrets: boolean }): Promise<Part<RevisionView>> {
  const described = await describeRevision(connection, reference);
  if (!described.ok) return described;
  return { ok: true, value: toRevisionView(described.value.taskDefinition, described.value.tags, canSeeSecrets) };
}
