import "server-only";
import { DescribeTaskDefinitionCommand, ListTaskDefinitionsCommand } from "@aws-sdk/client-ecs";
import { parseEcsArn } from "@/lib/arn";
import type { TaskDefinitionPick } from "@/lib/view-models/load-balancing-create";
import { taskDefinitionRef } from "@/lib/view-models/common";
import type { Connection } from "@/server/aws/connection";
import { toAwsFailure } from "@/server/aws/errors";
import { readEcs } from "@/server/aws/reads";

/**
 * A family's ACTIVE revisions, newest first, and what the chosen one (the newest when none is
 * chosen) offers a load balancer: its containers' port mappings and its network mode.
 *
 *   ecs:ListTaskDefinitions     1 (the newest 100 revisions; older ones are seldom deployed)
 *   ecs:DescribeTaskDefinition  1 when the family has an ACTIVE revision
 */
const NEWEST = 100;

export async function readTaskDefinitionPick(connection: Connection, family: string, revision?: number): Promise<TaskDefinitionPick> {
  try {
    const { taskDefinitionArns = [] } = await readEcs(
      connection,
      new ListTaskDefinitionsCommand({ familyPrefix: family, status: "ACTIVE", sort: "DESC", maxResults: NEWEST }),
    );
    const revisions = taskDefinitionArns.flatMap((arn) => {
      const parsed = parseEcsArn(arn);
      // familyPrefix matches whole families in ECS; a look-alike family is left out all the same.
      return parsed?.type === "task-definition" && parsed.family === family && parsed.revision !== undefined ? [parsed.revision] : [];
    });
    const wanted = revision ?? revisions[0];
    if (wanted === undefined) return { family, revisions };
    const { taskDefinition } = await readEcs(connection, new DescribeTaskDefinitionCommand({ taskDefinition: `${family}:${wanted}` }));
    const ref = taskDefinitionRef(taskDefinition?.taskDefinitionArn);
    if (!taskDefinition || !ref) return { family, revisions };
    const containers = (taskDefinition.containerDefinitions ?? [])
      .map((container) => ({
        name: container.name ?? "",
        ports: (container.portMappings ?? []).flatMap((mapping) =>
          mapping.containerPort === undefined ? [] : [{ containerPort: mapping.containerPort, protocol: mapping.protocol, name: mapping.name }],
        ),
      }))
      .filter((container) => container.ports.length > 0);
    return { family, revisions, chosen: { label: ref.label, arn: ref.arn, networkMode: taskDefinition.networkMode, containers } };
  } catch (error) {
    return { family, revisions: [], error: toAwsFailure(error) };
  }
}
