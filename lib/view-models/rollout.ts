import type { DeploymentConfiguration, Service, ServiceDeployment, ServiceRevision } from "@aws-sdk/client-ecs";
import type { AwsFailure } from "@/lib/aws-errors";
import type { RolloutSample } from "@/lib/rollout/sample";
import { toDeploymentDetail, toRevisionInfo, type DeploymentDetail } from "./deployments";
import { toServiceEvents, type ServiceEventView } from "./service-detail";

/**
 * One service deployment's live view: what it is doing now (from the sampler's latest look)
 * and the samples its charts are drawn from. Plain JSON.
 */
export interface RolloutView {
  cluster: string;
  service: string;
  serviceArn: string;
  desiredCount: number;
  deployment: DeploymentDetail;
  /** The configuration the deployment runs with (its own snapshot, not the service's current one). */
  configuration: DeploymentConfiguration;
  /** The service's events since the deployment was created, newest first. */
  events: ServiceEventView[];
  /** When the latest look was taken (ISO). */
  lookedAt: string;
  /** Samples after the `since` the browser asked with, oldest first; all of them without `since`. */
  samples: RolloutSample[];
  /** What people decided here about the deployment, oldest first (from the audit log). */
  decisions: RolloutDecision[];
  /** Set when the latest look failed: what is shown is from the one before. */
  staleBecause?: AwsFailure;
}

/** A person's decision on a deployment: approving a pause, rolling it back, or stopping it. */
export interface RolloutDecision {
  what: "Approved" | "Rolled back" | "Stopped";
  by: string;
  /** ISO 8601. */
  at: string;
}

/** A rollout's read: its view, or why it could not be read. */
export type RolloutRead = (RolloutView & { error?: undefined }) | { error: AwsFailure };

export function toRolloutView(
  look: { deployment: ServiceDeployment; service: Service; revisions: readonly ServiceRevision[]; lookedAt: string },
  samples: RolloutSample[],
  decisions: RolloutDecision[] = [],
  staleBecause?: AwsFailure,
): RolloutView {
  const { deployment, service } = look;
  const revisions = new Map(look.revisions.map((revision) => [revision.serviceRevisionArn ?? "", toRevisionInfo(revision)]));
  const since = deployment.createdAt?.getTime() ?? 0;
  return {
    cluster: service.clusterArn?.split("/").pop() ?? "",
    service: service.serviceName ?? "",
    serviceArn: service.serviceArn ?? "",
    desiredCount: service.desiredCount ?? 0,
    deployment: toDeploymentDetail(deployment, revisions),
    configuration: deployment.deploymentConfiguration ?? {},
    events: toServiceEvents(service).filter((event) => !event.createdAt || Date.parse(event.createdAt) >= since - 1_000),
    lookedAt: look.lookedAt,
    samples,
    decisions,
    ...(staleBecause ? { staleBecause } : {}),
  };
}
