import "server-only";
import type { Connection } from "@/server/aws/connection";
import { listTaskDefinitionFamilies } from "@/server/aws/ecs-lists";
import { toAwsFailure } from "@/server/aws/errors";
import type { TaskDefinitionFamiliesView } from "@/lib/view-models/task-definition-history";

/**
 * Every task definition family, and whether it has an ACTIVE revision. For A families with
 * one and I families without (all their revisions deregistered or being deleted):
 *
 *   ecs:ListTaskDefinitionFamilies  max(1, ⌈A/100⌉)   (status ACTIVE)
 *   ecs:ListTaskDefinitionFamilies  max(1, ⌈I/100⌉)   (status INACTIVE)
 *
 * The two listings run at once. Revisions are not listed: a family's page does that.
 */
export async function readTaskDefinitionFamilyList(connection: Connection): Promise<TaskDefinitionFamiliesView> {
  try {
    const [active, inactive] = await Promise.all([
      listTaskDefinitionFamilies(connection, { status: "ACTIVE" }),
      listTaskDefinitionFamilies(connection, { status: "INACTIVE" }),
    ]);
    const families = [...active.map((name) => ({ name, active: true })), ...inactive.map((name) => ({ name, active: false }))];
    return { families: families.sort((a, b) => a.name.localeCompare(b.name)) };
  } catch (error) {
    return { families: [], error: toAwsFailure(error) };
  }
}
