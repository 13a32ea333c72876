import "server-only";
import type { Service, Task } from "@aws-sdk/client-ecs";
import { DescribeTargetHealthCommand, type TargetHealthDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Connection } from "@/server/aws/connection";
import { describeAllTargetGroups } from "@/server/aws/elb-lists";
import { settle, type Settled } from "@/server/aws/errors";
import { readElb } from "@/server/aws/reads";
import { parseElbArn } from "@/lib/arn";
import { targetGroupsOf, tasksByTargetAddress, toTargetViews, type ServiceTargetGroup, type TargetGroupHealth } from "@/lib/view-models/target-health";

/**
 * Target health of a service's target groups, alternates included. ELBv2 reports health one
 * target group a call, so G groups cost G DescribeTargetHealth; one DescribeTargetGroups for
 * all of them names their load balancers. Each group's health is its own part.
 */
export interface TargetHealthReads {
  groups: ServiceTargetGroup[];
  health: Settled<TargetHealthDescription[]>[];
  loadBalancerNames: Settled<Map<string, string[]>>;
}

async function loadBalancerNamesByGroup(connection: Connection, targetGroupArns: string[]): Promise<Map<string, string[]>> {
  const groups = await describeAllTargetGroups(connection, { TargetGroupArns: targetGroupArns });
  return new Map(
    groups.map((group) => [
      group.TargetGroupArn!,
      (group.LoadBalancerArns ?? []).flatMap((arn) => {
        const parsed = parseElbArn(arn);
        return parsed && parsed.type !== "targetgroup" ? [parsed.loadBalancerName] : [];
      }),
    ]),
  );
}

/** Starts the reads; they run alongside the service's tasks, which are needed only to name each target's task. */
export async function readTargetHealth(connection: Connection, service: Service): Promise<TargetHealthReads> {
  const groups = targetGroupsOf(service);
  if (groups.length === 0) return { groups, health: [], loadBalancerNames: { ok: true, value: new Map() } };
  const arns = groups.map((group) => group.targetGroupArn);
  const healthOf = async (arn: string) => (await readElb(connection, new DescribeTargetHealthCommand({ TargetGroupArn: arn }))).TargetHealthDescriptions ?? [];
  const [[loadBalancerNames], health] = await Promise.all([settle([loadBalancerNamesByGroup(connection, arns)]), settle(arns.map(healthOf))]);
  return { groups, health, loadBalancerNames };
}

export function toTargetGroupHealth(reads: TargetHealthReads, tasks: readonly Task[]): TargetGroupHealth[] {
  return reads.groups.map((group, index): TargetGroupHealth => {
    const health = reads.health[index];
    const names = reads.loadBalancerNames;
    const loadBalancerNames: TargetGroupHealth["loadBalancerNames"] = names.ok ? { ok: true, value: names.value.get(group.targetGroupArn) ?? [] } : names;
    const targets: TargetGroupHealth["targets"] = health.ok
      ? { ok: true, value: toTargetViews(health.value, tasksByTargetAddress(tasks, group.containerPort)) }
      : health;
    return { ...group, loadBalancerNames, targets };
  });
}
