import "server-only";
import type { Service, ServiceDeployment, ServiceRevision, Task } from "@aws-sdk/client-ecs";
import { DescribeRulesCommand, DescribeTargetHealthCommand, type Rule, type TargetHealthDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import { awsFailure } from "@/lib/aws-errors";
import { parseEcsArn } from "@/lib/arn";
import type { RolloutSample } from "@/lib/rollout/sample";
import { groupsOfOneRevision, needsTasks, targetGroupOf, toRolloutSample } from "@/lib/rollout/to-sample";
import type { Part } from "@/lib/view-models/common";
import { describeServiceDeployments, describeServices, describeTasksWhileListing } from "@/server/aws/batching";
import { connectionKey, type Connection } from "@/server/aws/connection";
import { listTaskArns } from "@/server/aws/ecs-lists";
import { settle, toAwsFailure } from "@/server/aws/errors";
import { readElb } from "@/server/aws/reads";
import { describeServiceRevisions } from "@/server/ecs/service-revisions";
import { requestCountsOf } from "./snapshot-request-counts";

/**
 * One look at a service deployment: the deployment itself, its service, and a sample for the
 * charts. Per look:
 *
 *   ecs:DescribeServiceDeployments   1
 *   ecs:DescribeServices             1   (desired count)
 *   ecs:DescribeServiceRevisions     1, the first time a revision is seen (revisions never change)
 *   elbv2:DescribeTargetHealth       1 per target group the revisions use (1 rolling, 2 traffic shifting)
 *   elbv2:DescribeRules              1 with a production listener rule
 *   ecs:ListTasks + DescribeTasks    only when target groups cannot tell the revisions apart
 *                                    (rolling, or no load balancer): 1 + ⌈tasks/100⌉ each
 *   elbv2:DescribeTargetGroups       1 + cloudwatch:GetMetricData 1 (request and 5xx counts), at most
 *                                    once every 10 s per deployment (snapshot-request-counts.ts), only
 *                                    when a target group holds one revision alone; 0 in between
 *
 * At one look a second, that is 0.1 GetMetricData a second per deployment sampled, however many
 * people watch it (CloudWatch bills GetMetricData by the metrics asked for: 2 per target group).
 */
export interface RolloutSnapshot {
  deployment: ServiceDeployment;
  service: Service;
  /** The deployment's target and source revisions. */
  revisions: ServiceRevision[];
  sample: RolloutSample;
}

/** Service revisions are immutable: each is described once per process and connection. */
const revisionCache = new Map<string, ServiceRevision>();
const MAX_CACHED_REVISIONS = 5_000;

async function revisionsOf(connection: Connection, deployment: ServiceDeployment): Promise<ServiceRevision[]> {
  const arns = [deployment.targetServiceRevision?.arn, ...(deployment.sourceServiceRevisions ?? []).map((summary) => summary.arn)].filter(
    (arn): arn is string => Boolean(arn),
  );
  const key = (arn: string) => `${connectionKey(connection)} ${arn}`;
  const missing = arns.filter((arn) => !revisionCache.has(key(arn)));
  if (missing.length > 0) {
    if (revisionCache.size > MAX_CACHED_REVISIONS) revisionCache.clear();
    for (const revision of await describeServiceRevisions(connection, missing)) revisionCache.set(key(revision.serviceRevisionArn!), revision);
  }
  return arns.flatMap((arn) => revisionCache.get(key(arn)) ?? []);
}

/** The production listener rule's forward weights by target group. */
function forwardWeights(rule: Rule | undefined): Map<string, number> | undefined {
  const forward = rule?.Actions?.find((action) => action.Type === "forward");
  const groups = forward?.ForwardConfig?.TargetGroups ?? (forward?.TargetGroupArn ? [{ TargetGroupArn: forward.TargetGroupArn, Weight: 1 }] : undefined);
  return groups && new Map(groups.map((group) => [group.TargetGroupArn ?? "", group.Weight ?? 1]));
}

async function readRuleWeights(connection: Connection, service: Service): Promise<Map<string, number> | undefined> {
  const ruleArn = service.loadBalancers?.find((lb) => lb.advancedConfiguration?.productionListenerRule)?.advancedConfiguration?.productionListenerRule;
  // An NLB's "rule" is its listener; its weights are the listener's default action, which this view leaves out.
  if (!ruleArn?.includes(":listener-rule/")) return undefined;
  const { Rules } = await readElb(connection, new DescribeRulesCommand({ RuleArns: [ruleArn] }));
  return forwardWeights(Rules?.[0]);
}

async function readServiceTasks(connection: Connection, service: Service): Promise<Task[]> {
  const cluster = service.clusterArn!;
  const { tasks } = await describeTasksWhileListing(connection, cluster, (onArns) =>
    listTaskArns(connection, { cluster, serviceName: service.serviceName, desiredStatus: "RUNNING" }, onArns),
  );
  return tasks;
}

export async function readRolloutSnapshot(connection: Connection, serviceDeploymentArn: string, now = () => new Date()): Promise<Part<RolloutSnapshot>> {
  const parsed = parseEcsArn(serviceDeploymentArn);
  if (parsed?.type !== "service-deployment") return { ok: false, error: awsFailure("invalid-input", { detail: `${serviceDeploymentArn} is not a service deployment ARN.` }) };
  try {
    const [deployments, services] = await Promise.all([
      describeServiceDeployments(connection, [serviceDeploymentArn]),
      describeServices(connection, parsed.cluster, [parsed.service]),
    ]);
    const deployment = deployments.serviceDeployments[0];
    const service = services.services[0];
    if (!deployment || !service) return { ok: false, error: awsFailure("not-found", { detail: `ECS has no service deployment ${serviceDeploymentArn}.` }) };
    const revisions = await revisionsOf(connection, deployment);
    const groups = [...new Set(revisions.map(targetGroupOf).filter((arn): arn is string => Boolean(arn)))];
    const healthOf = async (arn: string) => (await readElb(connection, new DescribeTargetHealthCommand({ TargetGroupArn: arn }))).TargetHealthDescriptions ?? [];
    const [health, weights, tasks, requestCounts] = await settle([
      Promise.all(groups.map(async (arn) => [arn, await healthOf(arn)] as [string, TargetHealthDescription[]])),
      readRuleWeights(connection, service),
      needsTasks(deployment, revisions) ? readServiceTasks(connection, service) : Promise.resolve(undefined),
      requestCountsOf(connection, deployment, groupsOfOneRevision(deployment, revisions), now().getTime()),
    ]);
    const sample = toRolloutSample({
      at: now(),
      deployment,
      desiredCount: service.desiredCount ?? 0,
      containerPort: service.loadBalancers?.[0]?.containerPort,
      revisions,
      // A part that failed leaves its numbers out of this sample rather than failing the whole look.
      targetHealth: new Map(health.ok ? health.value : []),
      ruleWeights: weights.ok ? weights.value : undefined,
      tasks: tasks.ok ? tasks.value : undefined,
      requestCounts: requestCounts.ok ? requestCounts.value : undefined,
    });
    return { ok: true, value: { deployment, service, revisions, sample } };
  } catch (error) {
    return { ok: false, error: toAwsFailure(error) };
  }
}
