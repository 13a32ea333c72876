import type { ServiceDeployment, ServiceRevision, ServiceRevisionSummary, Task } from "@aws-sdk/client-ecs";
import type { TargetHealthDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import { taskDefinitionRef } from "@/lib/view-models/common";
import { tasksByTargetAddress, toTargetViews } from "@/lib/view-models/target-health";
import type { RevisionSample, RolloutSample } from "./sample";

/** Requests a target group served in one period, and how many of them answered 5xx. */
export interface RequestCounts {
  requests: number;
  errors5xx: number;
}

/** What one sample of a service deployment is made from; server/rollout/snapshot.ts reads it. */
export interface RolloutReads {
  at: Date;
  deployment: ServiceDeployment;
  desiredCount: number;
  /** The container port the load balancer sends to, to find a target's task. */
  containerPort?: number;
  /** The deployment's target and source revisions, described. */
  revisions: readonly ServiceRevision[];
  /** Target health by target group ARN; a group missing here could not be read. */
  targetHealth: ReadonlyMap<string, readonly TargetHealthDescription[]>;
  /** The production listener rule's forward weights by target group ARN, when read. */
  ruleWeights?: ReadonlyMap<string, number>;
  /** The service's tasks, read only when target groups alone cannot tell revisions apart. */
  tasks?: readonly Task[];
  /** Requests and 5xx per target group ARN in the latest complete period, where they could be read. */
  requestCounts?: ReadonlyMap<string, RequestCounts>;
}

interface Placed {
  summary: ServiceRevisionSummary;
  role: RevisionSample["role"];
  revision?: ServiceRevision;
  targetGroupArn?: string;
}

/** The target group a revision's tasks register in: ECS's resolved one, else the service's. */
export function targetGroupOf(revision: ServiceRevision | undefined): string | undefined {
  return revision?.resolvedConfiguration?.loadBalancers?.[0]?.targetGroupArn ?? revision?.loadBalancers?.[0]?.targetGroupArn;
}

function placeRevisions(reads: RolloutReads): Placed[] {
  const { deployment } = reads;
  const summaries: [ServiceRevisionSummary, RevisionSample["role"]][] = [
    ...(deployment.targetServiceRevision ? [[deployment.targetServiceRevision, "target"] as [ServiceRevisionSummary, "target"]] : []),
    ...(deployment.sourceServiceRevisions ?? []).map((summary) => [summary, "source"] as [ServiceRevisionSummary, "source"]),
  ];
  const seen = new Set<string>();
  return summaries.flatMap(([summary, role]) => {
    if (!summary.arn || seen.has(summary.arn)) return [];
    seen.add(summary.arn);
    const revision = reads.revisions.find((candidate) => candidate.serviceRevisionArn === summary.arn);
    return [{ summary, role, revision, targetGroupArn: targetGroupOf(revision) }];
  });
}

/**
 * Which revision a task belongs to: the one with its task definition; when two share it (a
 * forced redeploy), tasks created since the deployment began are the new revision's.
 */
function revisionOfTask(task: Task, placed: readonly Placed[], deploymentCreatedAt: Date | undefined): Placed | undefined {
  const candidates = placed.filter((entry) => entry.revision?.taskDefinition === task.taskDefinitionArn);
  if (candidates.length <= 1) return candidates[0];
  const isNew = deploymentCreatedAt !== undefined && task.createdAt !== undefined && task.createdAt >= deploymentCreatedAt;
  return candidates.find((entry) => (entry.role === "target") === isNew);
}

/** Whether ECS wants, or still has, tasks of the revision in this deployment. */
function hasTasks(entry: Placed): boolean {
  const { requestedTaskCount = 0, runningTaskCount = 0, pendingTaskCount = 0 } = entry.summary;
  return requestedTaskCount + runningTaskCount + pendingTaskCount > 0;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Which revision each target group's traffic belongs to: the only revision in the group, or the
 * only one there with tasks (another, with none left, is one a new deployment took over from).
 */
function carriers(placed: readonly Placed[]): Map<string, Placed> {
  const byGroup = new Map<string, Placed[]>();
  for (const entry of placed) if (entry.targetGroupArn) byGroup.set(entry.targetGroupArn, [...(byGroup.get(entry.targetGroupArn) ?? []), entry]);
  const carried = new Map<string, Placed>();
  for (const [group, entries] of byGroup) {
    const withTasks = entries.filter(hasTasks);
    const carrier = entries.length === 1 ? entries[0] : withTasks.length === 1 ? withTasks[0] : undefined;
    if (carrier) carried.set(group, carrier);
  }
  return carried;
}

/** Target groups whose traffic is one of the deployment's revisions': their counts are that revision's. */
export function groupsOfOneRevision(deployment: ServiceDeployment, revisions: readonly ServiceRevision[]): string[] {
  return [...carriers(placeRevisions({ at: new Date(0), deployment, desiredCount: 0, revisions, targetHealth: new Map() })).keys()];
}

/** Whether `reads` needs the service's tasks to count health per revision. */
export function needsTasks(deployment: ServiceDeployment, revisions: readonly ServiceRevision[]): boolean {
  const groups = placeRevisions({ at: new Date(0), deployment, desiredCount: 0, revisions, targetHealth: new Map() }).map((entry) => entry.targetGroupArn);
  return groups.some((group) => group === undefined) || new Set(groups).size < groups.length;
}

export function toRolloutSample(reads: RolloutReads): RolloutSample {
  const placed = placeRevisions(reads);
  const withLoadBalancer = placed.some((entry) => entry.targetGroupArn !== undefined);
  const groupUse = new Map<string, number>();
  for (const { targetGroupArn } of placed) if (targetGroupArn) groupUse.set(targetGroupArn, (groupUse.get(targetGroupArn) ?? 0) + 1);
  const tasksOf = (entry: Placed) => (reads.tasks ?? []).filter((task) => revisionOfTask(task, placed, reads.deployment.createdAt) === entry);
  const totalWeight = reads.ruleWeights ? [...reads.ruleWeights.values()].reduce((sum, weight) => sum + weight, 0) : 0;

  const healthyOf = (entry: Placed): number | undefined => {
    if (!withLoadBalancer) {
      if (!reads.tasks) return undefined;
      return tasksOf(entry).filter((task) => task.lastStatus === "RUNNING" && task.healthStatus !== "UNHEALTHY").length;
    }
    const targets = entry.targetGroupArn ? reads.targetHealth.get(entry.targetGroupArn) : undefined;
    if (!targets) return undefined;
    const healthy = targets.filter((target) => target.TargetHealth?.State === "healthy");
    if (groupUse.get(entry.targetGroupArn!) === 1) return healthy.length;
    if (!reads.tasks) return undefined;
    const byAddress = tasksByTargetAddress(tasksOf(entry), reads.containerPort);
    return toTargetViews(healthy, byAddress).filter((target) => target.taskId !== undefined).length;
  };

  const carried = carriers(placed);
  const carriesGroup = (entry: Placed): boolean => entry.targetGroupArn !== undefined && carried.get(entry.targetGroupArn) === entry;

  const actualWeightOf = (entry: Placed): number | undefined => {
    if (!reads.ruleWeights || !entry.targetGroupArn || totalWeight === 0) return undefined;
    // Drained, beside the revision that carries its group: the load balancer sends it nothing new.
    if (!carriesGroup(entry)) return carried.has(entry.targetGroupArn) && !hasTasks(entry) ? 0 : undefined;
    return round1(((reads.ruleWeights.get(entry.targetGroupArn) ?? 0) / totalWeight) * 100);
  };

  const countsOf = (entry: Placed): RequestCounts | undefined => (carriesGroup(entry) ? reads.requestCounts?.get(entry.targetGroupArn!) : undefined);

  return {
    at: reads.at.toISOString(),
    status: reads.deployment.status ?? "PENDING",
    stage: reads.deployment.lifecycleStage,
    desiredCount: reads.desiredCount,
    healthBasis: withLoadBalancer ? "targets" : "tasks",
    revisions: placed.map((entry): RevisionSample => {
      const sample: RevisionSample = {
        arn: entry.summary.arn!,
        role: entry.role,
        taskDefinition: taskDefinitionRef(entry.revision?.taskDefinition)?.label,
        requested: entry.summary.requestedTaskCount ?? 0,
        running: entry.summary.runningTaskCount ?? 0,
        pending: entry.summary.pendingTaskCount ?? 0,
        healthy: healthyOf(entry),
        requestedWeight: entry.summary.requestedProductionTrafficWeight,
        testWeight: entry.summary.requestedTestTrafficWeight,
        actualWeight: actualWeightOf(entry),
        requests: countsOf(entry)?.requests,
        errors5xx: countsOf(entry)?.errors5xx,
      };
      return Object.fromEntries(Object.entries(sample).filter(([, value]) => value !== undefined)) as unknown as RevisionSample;
    }),
  };
}
