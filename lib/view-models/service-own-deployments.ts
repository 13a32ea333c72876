import type { Deployment, Service, ServiceDeploymentStatus } from "@aws-sdk/client-ecs";
import { isoDate, taskDefinitionRef } from "./common";
import type { DeploymentDetail, DeploymentGroups, RevisionInfo, RevisionProgress } from "./deployments";

/**
 * A service's deployments as its own `deployments` field lists them, for an ECS endpoint that
 * has no service deployments (an older partition, another emulator): the PRIMARY deployment
 * and the ACTIVE ones it replaces, with their task definitions and task counts. There is no
 * history, no stage, no approval and no rollout page; what is shown says so.
 */
export const WITHOUT_SERVICE_DEPLOYMENTS =
  "This ECS endpoint has no service deployments (ListServiceDeployments is not offered), so these are the deployments the service itself lists: no earlier ones, no stages or approvals, and no rollout page.";

const STATUS_OF_ROLLOUT: Record<string, ServiceDeploymentStatus> = { IN_PROGRESS: "IN_PROGRESS", COMPLETED: "SUCCESSFUL", FAILED: "ROLLBACK_FAILED" };

/** The task definition stands for the revision: without service revisions, it is all ECS says. */
function revisionOf(deployment: Deployment): RevisionInfo {
  return { serviceRevisionArn: deployment.id ?? "", taskDefinition: taskDefinitionRef(deployment.taskDefinition), images: [], createdAt: isoDate(deployment.createdAt) };
}

function progressOf(deployment: Deployment): RevisionProgress {
  return {
    serviceRevisionArn: deployment.id ?? "",
    revisionId: deployment.id ?? "",
    revision: revisionOf(deployment),
    requestedTasks: deployment.desiredCount ?? 0,
    runningTasks: deployment.runningCount ?? 0,
    pendingTasks: deployment.pendingCount ?? 0,
  };
}

export function deploymentsOfService(service: Service): DeploymentGroups & { revisions: RevisionInfo[] } {
  const deployments = service.deployments ?? [];
  const primary = deployments.find((deployment) => deployment.status === "PRIMARY");
  const replaced = deployments.filter((deployment) => deployment !== primary && deployment.status === "ACTIVE");
  if (!primary) return { ongoing: [], past: [], revisions: [] };
  const status = STATUS_OF_ROLLOUT[primary.rolloutState ?? ""] ?? (replaced.length > 0 ? "IN_PROGRESS" : "SUCCESSFUL");
  const detail: DeploymentDetail = {
    serviceDeploymentArn: "",
    id: primary.id ?? "",
    status,
    statusReason: primary.rolloutStateReason,
    createdAt: isoDate(primary.createdAt),
    startedAt: isoDate(primary.createdAt),
    updatedAt: isoDate(primary.updatedAt),
    targetRevisionArn: primary.id,
    targetRevision: revisionOf(primary),
    strategy: "Rolling",
    target: progressOf(primary),
    sources: replaced.map(progressOf),
    hooks: [],
  };
  const ongoing = status === "IN_PROGRESS";
  return { ongoing: ongoing ? [detail] : [], ...(ongoing ? {} : { last: detail }), past: [], revisions: [primary, ...replaced].map(revisionOf) };
}
