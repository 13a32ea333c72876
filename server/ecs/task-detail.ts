import "server-only";
import { DescribeTaskDefinitionCommand, type TaskDefinition } from "@aws-sdk/client-ecs";
import { describeTasks } from "@/server/aws/batching";
import type { Connection } from "@/server/aws/connection";
import { settle } from "@/server/aws/errors";
import { readEcs } from "@/server/aws/reads";
import { clusterName, taskId } from "@/lib/arn";
import { awsFailure } from "@/lib/aws-errors";
import type { Part } from "@/lib/view-models/common";
import { toTaskDefinitionSummary, toTaskDetail, type TaskPage } from "@/lib/view-models/task-detail";

/**
 * One task's page: its containers (image, status, exit code, health, ports), why it stopped,
 * when each step happened, and the task definition it runs. It costs
 *
 *   ecs:DescribeTasks           1
 *   ecs:DescribeTaskDefinition  1 (after the task, which names it)
 *
 * A task ECS no longer knows (stopped tasks are kept for about an hour) is not found; a task
 * definition that cannot be read leaves the task shown with the error beside it. Secret-looking
 * environment values and secrets' sources come back masked unless `canSeeSecrets` says the
 * viewer's role may see them.
 */
async function describeTaskDefinition(connection: Connection, taskDefinition: string): Promise<TaskDefinition> {
  const output = await readEcs(connection, new DescribeTaskDefinitionCommand({ taskDefinition }));
  return output.taskDefinition!;
}

export async function readTaskDetail(
  connection: Connection,
  cluster: string,
  task: string,
  { canSeeSecrets = false }: { canSeeSecrets?: boolean } = {},
): Promise<Part<TaskPage>> {
  const [described] = await settle([describeTasks(connection, cluster, [task])]);
  if (!described.ok) return described;
  const found = described.value.tasks[0];
  if (!found) {
    const detail = `ECS has no task ${taskId(task)} in cluster ${clusterName(cluster)}; it forgets stopped tasks about an hour after they stop.`;
    return { ok: false, error: awsFailure("not-found", { detail }) };
  }
  const [definition] = await settle([describeTaskDefinition(connection, found.taskDefinitionArn!)]);
  return {
    ok: true,
    value: {
      task: toTaskDetail(found, definition.ok ? definition.value : undefined),
      taskDefinition: definition.ok ? { ok: true, value: toTaskDefinitionSummary(definition.value, { canSeeSecrets }) } : definition,
    },
  };
}
