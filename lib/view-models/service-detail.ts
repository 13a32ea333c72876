import type {
  AssignPublicIp,
  DeploymentConfiguration,
  DeploymentControllerType,
  DeploymentStrategy,
  LaunchType,
  SchedulingStrategy,
  Service,
} from "@aws-sdk/client-ecs";
import { clusterName } from "@/lib/arn";
import type { AwsFailure } from "@/lib/aws-errors";
import { idOfArn, isoDate, taskDefinitionRef, type Part, type TaskDefinitionRef } from "./common";
import { rolloutOf, type DeploymentGroups, type RevisionInfo, type RolloutSummary } from "./deployments";
import { capacityStrategyLabel, deploymentStrategy, deploymentStrategyLabel } from "./strategy";
import type { ServiceEntryPoint } from "./load-balancing";
import type { TargetGroupHealth } from "./target-health";
import type { StoppedTaskRow, TaskGroup } from "./tasks";

/** The view model of a service's page. */

export interface ServiceSummary {
  name: string;
  arn: string;
  clusterName: string;
  status?: string;
  desired: number;
  running: number;
  pending: number;
  taskDefinition?: TaskDefinitionRef;
  capacity: string;
  launchType?: LaunchType;
  platformVersion?: string;
  schedulingStrategy?: SchedulingStrategy;
  deploymentController: DeploymentControllerType;
  createdAt?: string;
  createdBy?: string;
  healthCheckGracePeriodSeconds?: number;
  network?: { subnets: string[]; securityGroups: string[]; assignPublicIp?: AssignPublicIp };
  rollout: RolloutSummary;
  /** The revisions the service runs now, with their task counts. */
  currentRevisions: { serviceRevisionArn: string; revisionId: string; requested: number; running: number; pending: number }[];
}

export function toServiceSummary(service: Service): ServiceSummary {
  const arn = service.serviceArn ?? "";
  const vpc = service.networkConfiguration?.awsvpcConfiguration;
  return {
    name: service.serviceName ?? "",
    arn,
    clusterName: clusterName(service.clusterArn ?? ""),
    status: service.status,
    desired: service.desiredCount ?? 0,
    running: service.runningCount ?? 0,
    pending: service.pendingCount ?? 0,
    taskDefinition: taskDefinitionRef(service.taskDefinition),
    capacity: capacityStrategyLabel(service.capacityProviderStrategy, service.launchType),
    launchType: service.launchType,
    platformVersion: service.platformVersion,
    schedulingStrategy: service.schedulingStrategy,
    deploymentController: service.deploymentController?.type ?? "ECS",
    createdAt: isoDate(service.createdAt),
    createdBy: service.createdBy,
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
    network: vpc && { subnets: vpc.subnets ?? [], securityGroups: vpc.securityGroups ?? [], assignPublicIp: vpc.assignPublicIp },
    rollout: rolloutOf(service),
    currentRevisions: (service.currentServiceRevisions ?? []).map((revision) => ({
      serviceRevisionArn: revision.arn ?? "",
      revisionId: idOfArn(revision.arn ?? ""),
      requested: revision.requestedTaskCount ?? 0,
      running: revision.runningTaskCount ?? 0,
      pending: revision.pendingTaskCount ?? 0,
    })),
  };
}

/** The service's deployment configuration as ECS holds it (plain data), with its strategy named. */
export interface DeploymentSettings {
  strategy: DeploymentStrategy;
  label: string;
  configuration: DeploymentConfiguration;
}

export function toDeploymentSettings(service: Service): DeploymentSettings {
  const configuration = service.deploymentConfiguration ?? {};
  return {
    strategy: deploymentStrategy(configuration),
    label: deploymentStrategyLabel(configuration, service.deploymentController),
    configuration,
  };
}

export interface ServiceEventView {
  id: string;
  createdAt?: string;
  message: string;
}

/** Newest first, as ECS keeps them (its last 100). */
export function toServiceEvents(service: Service): ServiceEventView[] {
  return (service.events ?? [])
    .map((event) => ({ id: event.id ?? "", createdAt: isoDate(event.createdAt), message: event.message ?? "" }))
    .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
}

export interface ServiceDeploymentsView extends DeploymentGroups {
  /** The revisions described: those of the ongoing and last deployments, and those the service runs now. */
  revisions: RevisionInfo[];
  /** Why the revisions (task definitions and images) of the deployments are missing, if they are. */
  revisionsError?: AwsFailure;
  /** Set when the endpoint has no service deployments: what is shown instead, in a sentence. */
  withoutServiceDeployments?: string;
}

/** A revision the service runs now, with its task definition and images when they were described. */
export interface CurrentRevisionView {
  serviceRevisionArn: string;
  revisionId: string;
  revision?: RevisionInfo;
  requested: number;
  running: number;
  pending: number;
}

/** The summary's current revisions, joined to what the deployments part described of them. */
export function currentRevisionViews(summary: ServiceSummary, revisions: readonly RevisionInfo[]): CurrentRevisionView[] {
  const byArn = new Map(revisions.map((revision) => [revision.serviceRevisionArn, revision]));
  return summary.currentRevisions.map((current) => ({ ...current, revision: byArn.get(current.serviceRevisionArn) }));
}

export interface ServiceTasks {
  /** Tasks meant to run, by task definition revision. */
  byRevision: TaskGroup[];
  /** Stopped and stopping tasks that ECS still reports (about an hour's worth). */
  stopped: StoppedTaskRow[];
}

export interface ServiceDetail {
  /** Set when the service itself could not be read (it does not exist, or DescribeServices failed): the page has nothing to stand on. */
  error?: AwsFailure;
  clusterName: string;
  serviceName: string;
  service: Part<{ summary: ServiceSummary; deploymentConfiguration: DeploymentSettings; events: ServiceEventView[] }>;
  deployments: Part<ServiceDeploymentsView>;
  /** Empty when the service could not be read, or has no load balancer. */
  loadBalancers: TargetGroupHealth[];
  /** Where the service answers: its load balancers' DNS names and listeners, with its listener rules. */
  entryPoints: Part<ServiceEntryPoint[]>;
  tasks: Part<ServiceTasks>;
}
