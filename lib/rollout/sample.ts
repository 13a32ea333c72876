import type { ServiceDeploymentLifecycleStage, ServiceDeploymentStatus } from "@aws-sdk/client-ecs";

/**
 * What the server records of a service deployment each time it samples it, and what the
 * rollout charts are drawn from. Plain JSON: samples are stored as they are and sent to the
 * browser unchanged.
 */

/** How "healthy" was counted (design: say which one the chart shows). */
export type HealthBasis =
  /** Healthy targets in the revision's target group (DescribeTargetHealth). */
  | "targets"
  /** RUNNING tasks whose health status is not UNHEALTHY, for services without a load balancer. */
  | "tasks";

export interface RevisionSample {
  /** The service revision's ARN. */
  arn: string;
  /** The deployment's target revision, or one it replaces. */
  role: "target" | "source";
  /** "web:5", when known. */
  taskDefinition?: string;
  requested: number;
  running: number;
  pending: number;
  /** Healthy tasks of this revision, counted as `healthBasis` says; absent when the count could not be read. */
  healthy?: number;
  /** Production traffic weight ECS asked for (the revision summary's requestedProductionTrafficWeight), 0–100. */
  requestedWeight?: number;
  /** Test traffic weight ECS asked for (requestedTestTrafficWeight), 0–100: above 0, the group's counts include test requests. */
  testWeight?: number;
  /** Production traffic weight the listener rule actually gives this revision's target group, 0–100. */
  actualWeight?: number;
  /**
   * Requests this revision's target group served in the latest complete period (CloudWatch's
   * ALB RequestCount, 60-s periods in ECS's clock), where the platform counts them and the
   * group holds this revision alone. The same counts repeat in the samples of one period.
   */
  requests?: number;
  /** Of those, answers with a 5xx status (HTTPCode_Target_5XX_Count). */
  errors5xx?: number;
}

export interface RolloutSample {
  /** When the sample was taken, ISO 8601. */
  at: string;
  status: ServiceDeploymentStatus;
  stage?: ServiceDeploymentLifecycleStage;
  /** The service's desired count: 100 % healthy means this many healthy tasks. */
  desiredCount: number;
  healthBasis: HealthBasis;
  revisions: RevisionSample[];
}

/** Statuses after which a deployment changes no more: sampling stops, the chart stays. */
export const FINISHED_STATUSES: readonly ServiceDeploymentStatus[] = ["SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED"];

export function isFinished(status: ServiceDeploymentStatus | undefined): boolean {
  return status !== undefined && FINISHED_STATUSES.includes(status);
}
