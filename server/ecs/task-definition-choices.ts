import "server-only";
import type { Connection } from "@/server/aws/connection";
import { listTaskDefinitionFamilies } from "@/server/aws/ecs-lists";
import { toAwsFailure } from "@/server/aws/errors";
import { awsFailure } from "@/lib/aws-errors";
import { describeTaskDefinition } from "./task-definition-revision";
import { toTaskDefinitionNeeds, type TaskDefinitionFamilies, type TaskDefinitionNeedsRead } from "@/lib/view-models/clusters-run-task";

/**
 * What "Run task" offers, at a cost that does not grow with an account's history. For F
 * families with an ACTIVE revision:
 *
 *   ecs:ListTaskDefinitionFamilies  max(1, ⌈F/100⌉)   (status ACTIVE)
 *
 * and for the family or revision chosen, what its tasks need (and, for a family, which
 * revision is its latest ACTIVE one):
 *
 *   ecs:DescribeTaskDefinition      1
 *
 * Listing every revision (ListTaskDefinitions) to show each family's latest would cost one
 * call per 100 revisions ever registered, and pipelines register one per deploy.
 */
export async function readTaskDefinitionFamilies(connection: Connection): Promise<TaskDefinitionFamilies> {
  try {
    const families = await listTaskDefinitionFamilies(connection, { status: "ACTIVE" });
    return { families: [...families].sort((a, b) => a.localeCompare(b)) };
  } catch (error) {
    return { families: [], error: toAwsFailure(error) };
  }
}

/** `reference` is a family (its latest ACTIVE revision), a family:revision or an ARN. */
export async function readTaskDefinitionNeeds(connection: Connection, reference: string): Promise<TaskDefinitionNeedsRead> {
  const detail = `ECS has no task definition ${reference}, or no ACTIVE revision of it.`;
  const described = await describeTaskDefinition(connection, { taskDefinition: reference }, detail);
  if (!described.ok) return { error: described.error };
  return toTaskDefinitionNeeds(described.value.taskDefinition) ?? { error: awsFailure("not-found", { detail }) };
}
