import type {
  DeploymentLifecycleHookAction,
  DeploymentLifecycleHookDetail,
  DeploymentLifecycleHookStatus,
  DeploymentLifecycleHookTargetType,
  DeploymentRolloutState,
  Service,
  ServiceDeployment,
  ServiceDeploymentBrief,
  ServiceDeploymentLifecycleStage,
  ServiceDeploymentRollbackMonitorsStatus,
  ServiceDeploymentStatus,
  ServiceRevision,
  ServiceRevisionSummary,
} from "@aws-sdk/client-ecs";
import { idOfArn, isoDate, taskDefinitionRef, type TaskDefinitionRef } from "./common";
import { deploymentStrategyLabel } from "./strategy";

/** Statuses of a service deployment that has not finished: it can still change, or wait for a person. */
const ONGOING: ReadonlySet<string> = new Set<ServiceDeploymentStatus>([
  "PENDING",
  "IN_PROGRESS",
  "STOP_REQUESTED",
  "ROLLBACK_REQUESTED",
  "ROLLBACK_IN_PROGRESS",
]);

export function isOngoing(status: ServiceDeploymentStatus | undefined): boolean {
  return status !== undefined && ONGOING.has(status);
}

/** A deployment paused at a PAUSE hook: ContinueServiceDeployment with `hookId` continues or rolls it back. */
export interface ApprovalGate {
  serviceDeploymentArn: string;
  hookId: string;
  lifecycleStage?: ServiceDeploymentLifecycleStage;
  /** When the timeout action is taken if nobody decides. */
  expiresAt?: string;
  timeoutAction?: DeploymentLifecycleHookAction;
}

/**
 * The hook a deployment waits on, if it waits. Only an unfinished deployment can: a finished
 * one may still list a hook as AWAITING_ACTION (it was stopped while paused), and nobody can act on it.
 */
export function awaitingApproval(deployment: ServiceDeployment): ApprovalGate | undefined {
  if (!deployment.serviceDeploymentArn || !isOngoing(deployment.status)) return undefined;
  const hook = (deployment.lifecycleHookDetails ?? []).findLast((detail) => detail.status === "AWAITING_ACTION" && detail.hookId);
  if (!hook) return undefined;
  return {
    serviceDeploymentArn: deployment.serviceDeploymentArn,
    hookId: hook.hookId!,
    lifecycleStage: deployment.lifecycleStage,
    expiresAt: isoDate(hook.expiresAt),
    timeoutAction: hook.timeoutAction,
  };
}

/** What DescribeServices alone says of a service's rollout (ECS's `deployments`, not service deployments). */
export interface RolloutSummary {
  state?: DeploymentRolloutState;
  reason?: string;
  inProgress: boolean;
}

export function rolloutOf(service: Service): RolloutSummary {
  const deployments = service.deployments ?? [];
  const primary = deployments.find((deployment) => deployment.status === "PRIMARY") ?? deployments[0];
  // Without rollout states (older services), a second deployment still draining means one is in progress.
  const inProgress = deployments.some((deployment) => deployment.rolloutState === "IN_PROGRESS") || (deployments.length > 1 && !primary?.rolloutState);
  return { state: primary?.rolloutState, reason: primary?.rolloutStateReason, inProgress };
}

/** A service revision: the task definition and images a deployment moves from or to. */
export interface RevisionInfo {
  serviceRevisionArn: string;
  taskDefinition?: TaskDefinitionRef;
  images: { containerName: string; image: string }[];
  createdAt?: string;
}

export function toRevisionInfo(revision: ServiceRevision): RevisionInfo {
  return {
    serviceRevisionArn: revision.serviceRevisionArn ?? "",
    taskDefinition: taskDefinitionRef(revision.taskDefinition),
    images: (revision.containerImages ?? []).map((image) => ({ containerName: image.containerName ?? "", image: image.image ?? "" })),
    createdAt: isoDate(revision.createdAt),
  };
}

/** A revision's place in one deployment: its task counts and requested traffic weights. */
export interface RevisionProgress {
  serviceRevisionArn: string;
  revisionId: string;
  /** Known when the revision was described. */
  revision?: RevisionInfo;
  requestedTasks: number;
  runningTasks: number;
  pendingTasks: number;
  productionTrafficWeight?: number;
  testTrafficWeight?: number;
}

export type Revisions = ReadonlyMap<string, RevisionInfo>;

function toProgress(summary: ServiceRevisionSummary, revisions: Revisions): RevisionProgress {
  const arn = summary.arn ?? "";
  return {
    serviceRevisionArn: arn,
    revisionId: idOfArn(arn),
    revision: revisions.get(arn),
    requestedTasks: summary.requestedTaskCount ?? 0,
    runningTasks: summary.runningTaskCount ?? 0,
    pendingTasks: summary.pendingTaskCount ?? 0,
    productionTrafficWeight: summary.requestedProductionTrafficWeight,
    testTrafficWeight: summary.requestedTestTrafficWeight,
  };
}

/** A row of deployment history: what ListServiceDeployments says, without describing the deployment. */
export interface DeploymentSummary {
  serviceDeploymentArn: string;
  id: string;
  status?: ServiceDeploymentStatus;
  statusReason?: string;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  targetRevisionArn?: string;
  /** Known when the target revision was described. */
  targetRevision?: RevisionInfo;
}

export function toDeploymentSummary(brief: ServiceDeploymentBrief, revisions: Revisions): DeploymentSummary {
  const arn = brief.serviceDeploymentArn ?? "";
  return {
    serviceDeploymentArn: arn,
    id: idOfArn(arn),
    status: brief.status,
    statusReason: brief.statusReason,
    createdAt: isoDate(brief.createdAt),
    startedAt: isoDate(brief.startedAt),
    finishedAt: isoDate(brief.finishedAt),
    targetRevisionArn: brief.targetServiceRevisionArn,
    targetRevision: brief.targetServiceRevisionArn ? revisions.get(brief.targetServiceRevisionArn) : undefined,
  };
}

export interface LifecycleHookView {
  hookId?: string;
  targetType?: DeploymentLifecycleHookTargetType;
  targetArn?: string;
  status?: DeploymentLifecycleHookStatus;
  expiresAt?: string;
  timeoutAction?: DeploymentLifecycleHookAction;
}

const toHookView = (hook: DeploymentLifecycleHookDetail): LifecycleHookView => ({
  hookId: hook.hookId,
  targetType: hook.targetType,
  targetArn: hook.targetArn,
  status: hook.status,
  expiresAt: isoDate(hook.expiresAt),
  timeoutAction: hook.timeoutAction,
});

/** An ongoing or last deployment, described in full. */
export interface DeploymentDetail extends DeploymentSummary {
  strategy: string;
  lifecycleStage?: ServiceDeploymentLifecycleStage;
  updatedAt?: string;
  stoppedAt?: string;
  target?: RevisionProgress;
  sources: RevisionProgress[];
  awaitingApproval?: ApprovalGate;
  hooks: LifecycleHookView[];
  circuitBreaker?: { status?: ServiceDeploymentRollbackMonitorsStatus; failureCount: number; threshold: number };
  alarms?: { status?: ServiceDeploymentRollbackMonitorsStatus; alarmNames: string[]; triggeredAlarmNames: string[] };
  rollback?: { reason?: string; startedAt?: string; serviceRevisionArn?: string };
}

export function toDeploymentDetail(deployment: ServiceDeployment, revisions: Revisions): DeploymentDetail {
  const arn = deployment.serviceDeploymentArn ?? "";
  const target = deployment.targetServiceRevision;
  const { deploymentCircuitBreaker: breaker, alarms, rollback } = deployment;
  return {
    serviceDeploymentArn: arn,
    id: idOfArn(arn),
    status: deployment.status,
    statusReason: deployment.statusReason,
    createdAt: isoDate(deployment.createdAt),
    startedAt: isoDate(deployment.startedAt),
    finishedAt: isoDate(deployment.finishedAt),
    targetRevisionArn: target?.arn,
    targetRevision: target?.arn ? revisions.get(target.arn) : undefined,
    strategy: deploymentStrategyLabel(deployment.deploymentConfiguration),
    lifecycleStage: deployment.lifecycleStage,
    updatedAt: isoDate(deployment.updatedAt),
    stoppedAt: isoDate(deployment.stoppedAt),
    target: target ? toProgress(target, revisions) : undefined,
    sources: (deployment.sourceServiceRevisions ?? []).map((source) => toProgress(source, revisions)),
    awaitingApproval: awaitingApproval(deployment),
    hooks: (deployment.lifecycleHookDetails ?? []).map(toHookView),
    circuitBreaker: breaker && { status: breaker.status, failureCount: breaker.failureCount ?? 0, threshold: breaker.threshold ?? 0 },
    alarms: alarms && { status: alarms.status, alarmNames: alarms.alarmNames ?? [], triggeredAlarmNames: alarms.triggeredAlarmNames ?? [] },
    rollback: rollback && { reason: rollback.reason, startedAt: isoDate(rollback.startedAt), serviceRevisionArn: rollback.serviceRevisionArn },
  };
}

/** As the ECS console shows them: what is happening now, what happened last, and the history before it. */
export interface DeploymentGroups {
  ongoing: DeploymentDetail[];
  last?: DeploymentDetail;
  past: DeploymentSummary[];
}

const newestFirst = (briefs: readonly ServiceDeploymentBrief[]) =>
  [...briefs].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));

/** Only the ongoing deployments and the last finished one are worth describing; the history is shown from the briefs. */
export function deploymentsToDescribe(briefs: readonly ServiceDeploymentBrief[]): string[] {
  const sorted = newestFirst(briefs);
  const last = sorted.find((brief) => !isOngoing(brief.status));
  return [...sorted.filter((brief) => isOngoing(brief.status)), ...(last ? [last] : [])].flatMap((brief) => brief.serviceDeploymentArn ?? []);
}

/** Revisions worth describing: what the ongoing and last deployments move from and to, and what the service runs now. */
export function revisionsToDescribe(described: readonly ServiceDeployment[], service?: Service): string[] {
  const arns = described.flatMap((deployment) => [deployment.targetServiceRevision, ...(deployment.sourceServiceRevisions ?? [])].map((summary) => summary?.arn));
  const current = (service?.currentServiceRevisions ?? []).map((summary) => summary.arn);
  return [...new Set([...arns, ...current].filter((arn): arn is string => Boolean(arn)))];
}

export function groupDeployments(briefs: readonly ServiceDeploymentBrief[], described: readonly ServiceDeployment[], revisions: Revisions): DeploymentGroups {
  const details = new Map(described.map((deployment) => [deployment.serviceDeploymentArn, deployment]));
  const detailOf = (brief: ServiceDeploymentBrief) => {
    const deployment = details.get(brief.serviceDeploymentArn);
    return deployment ? toDeploymentDetail(deployment, revisions) : undefined;
  };
  const sorted = newestFirst(briefs);
  const finished = sorted.filter((brief) => !isOngoing(brief.status));
  return {
    ongoing: sorted.filter((brief) => isOngoing(brief.status)).flatMap((brief) => detailOf(brief) ?? []),
    last: finished[0] && detailOf(finished[0]),
    past: finished.slice(1).map((brief) => toDeploymentSummary(brief, revisions)),
  };
}

/**
 * The service revision that serves production while `deployment` runs: the one asked for the
 * most production traffic (the source on a tie, as the new one has not taken over yet); for a
 * rolling deployment, which asks for no weights, the source with the most running tasks.
 */
export function servingRevisionArn(deployment: ServiceDeployment): string | undefined {
  const target = deployment.targetServiceRevision;
  const sources = deployment.sourceServiceRevisions ?? [];
  const weight = (summary: ServiceRevisionSummary | undefined) => summary?.requestedProductionTrafficWeight;
  if ([target, ...sources].some((summary) => weight(summary) !== undefined)) {
    const source = [...sources].sort((a, b) => (weight(b) ?? 0) - (weight(a) ?? 0))[0];
    return (weight(target) ?? 0) > (weight(source) ?? 0) || !source ? target?.arn : source.arn;
  }
  return [...sources].sort((a, b) => (b.runningTaskCount ?? 0) - (a.runningTaskCount ?? 0))[0]?.arn ?? target?.arn;
}

/** The source revision serving production: the one with the most production traffic, else the most tasks. */
export function productionSource(sources: readonly RevisionProgress[]): RevisionProgress | undefined {
  return [...sources].sort((a, b) => (b.productionTrafficWeight ?? 0) - (a.productionTrafficWeight ?? 0) || b.runningTasks - a.runningTasks)[0];
}
