import type { AssignPublicIp, CapacityProviderStrategyItem, Cluster, LoadBalancer, NetworkConfiguration, Service, ServiceDeployment } from "@aws-sdk/client-ecs";
import { clusterName, parseElbArn } from "@/lib/arn";
import type { AwsFailure } from "@/lib/aws-errors";
import { taskDefinitionRef, type Part, type TaskDefinitionRef } from "./common";
import { awaitingApproval, rolloutOf, type ApprovalGate, type RolloutSummary } from "./deployments";
import { capacityStrategyLabel, deploymentStrategyLabel } from "./strategy";
import type { TaskRow } from "./tasks";

/** View models of the clusters overview and of one cluster's page. */

export interface ClusterHeader {
  name: string;
  arn: string;
  status?: string;
  capacityProviders: string[];
  defaultStrategy: CapacityProviderStrategyItem[];
  defaultStrategyLabel: string;
  activeServices: number;
  runningTasks: number;
  pendingTasks: number;
}

export function toClusterHeader(cluster: Cluster): ClusterHeader {
  const arn = cluster.clusterArn ?? "";
  return {
    name: cluster.clusterName ?? clusterName(arn),
    arn,
    status: cluster.status,
    capacityProviders: cluster.capacityProviders ?? [],
    defaultStrategy: cluster.defaultCapacityProviderStrategy ?? [],
    defaultStrategyLabel: capacityStrategyLabel(cluster.defaultCapacityProviderStrategy),
    activeServices: cluster.activeServicesCount ?? 0,
    runningTasks: cluster.runningTasksCount ?? 0,
    pendingTasks: cluster.pendingTasksCount ?? 0,
  };
}

/** Where a service's traffic comes from: the load balancer when its ARNs name it, and the target group. */
export interface LoadBalancing {
  loadBalancer?: string;
  targetGroup?: string;
}

export function toLoadBalancing(entry: LoadBalancer): LoadBalancing {
  const rule = entry.advancedConfiguration?.productionListenerRule;
  const parsedRule = rule ? parseElbArn(rule) : undefined;
  const group = entry.targetGroupArn ? parseElbArn(entry.targetGroupArn) : undefined;
  return {
    loadBalancer: parsedRule && parsedRule.type !== "targetgroup" ? parsedRule.loadBalancerName : entry.loadBalancerName,
    targetGroup: group?.type === "targetgroup" ? group.name : undefined,
  };
}

/** A service as a row of the cluster's table, and as a callout of the overview. */
export interface ServiceRow {
  name: string;
  arn: string;
  status?: string;
  desired: number;
  running: number;
  pending: number;
  taskDefinition?: TaskDefinitionRef;
  /** Deployment strategy, e.g. "Canary 10 % with approval". */
  strategy: string;
  /** Capacity provider strategy or launch type. */
  capacity: string;
  rollout: RolloutSummary;
  /** Set only while a deployment is in progress and waits at a PAUSE hook. */
  awaitingApproval?: ApprovalGate;
  /** Why it is not known whether the deployment in progress waits for approval. */
  approvalError?: AwsFailure;
  loadBalancing: LoadBalancing[];
  /** Where its tasks get their network interfaces, for services of awsvpc task definitions. */
  network?: AwsvpcNetwork;
}

/** A service's awsvpc configuration: what a task run by hand beside it needs too. */
export interface AwsvpcNetwork {
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: AssignPublicIp;
}

export function toAwsvpcNetwork(configuration: NetworkConfiguration | undefined): AwsvpcNetwork | undefined {
  const awsvpc = configuration?.awsvpcConfiguration;
  if (!awsvpc?.subnets?.length) return undefined;
  return { subnets: awsvpc.subnets, securityGroups: awsvpc.securityGroups ?? [], assignPublicIp: awsvpc.assignPublicIp ?? "DISABLED" };
}

/** The service deployment a service is in, when that deployment is in progress: the only ones that can await approval. */
export function currentDeploymentInProgress(service: Service): string | undefined {
  return rolloutOf(service).inProgress ? service.currentServiceDeployment : undefined;
}

/** `deployments` holds the described current service deployments (or why they could not be read). */
export function toServiceRow(service: Service, deployments: Part<ReadonlyMap<string, ServiceDeployment>>): ServiceRow {
  const current = currentDeploymentInProgress(service);
  const deployment = current && deployments.ok ? deployments.value.get(current) : undefined;
  return {
    name: service.serviceName ?? "",
    arn: service.serviceArn ?? "",
    status: service.status,
    desired: service.desiredCount ?? 0,
    running: service.runningCount ?? 0,
    pending: service.pendingCount ?? 0,
    taskDefinition: taskDefinitionRef(service.taskDefinition),
    strategy: deploymentStrategyLabel(service.deploymentConfiguration, service.deploymentController),
    capacity: capacityStrategyLabel(service.capacityProviderStrategy, service.launchType),
    rollout: rolloutOf(service),
    awaitingApproval: deployment ? awaitingApproval(deployment) : undefined,
    approvalError: current && !deployments.ok ? deployments.error : undefined,
    loadBalancing: (service.loadBalancers ?? []).map(toLoadBalancing),
    network: toAwsvpcNetwork(service.networkConfiguration),
  };
}

export type RolloutKind = "awaiting-approval" | "deploying" | "failed" | "steady";

export interface RolloutStatus {
  kind: RolloutKind;
  /** "Deploying api:3", "Steady". */
  headline: string;
  /** What else to know: "Awaiting approval". */
  note?: string;
  /** Both, for a search or a title: "Deploying api:3 · Awaiting approval". */
  text: string;
}

/** A service's rollout in a table cell's words. */
export function rolloutStatus(service: ServiceRow): RolloutStatus {
  const status = (kind: RolloutKind, headline: string, note?: string): RolloutStatus => ({ kind, headline, note, text: note ? `${headline} · ${note}` : headline });
  if (service.rollout.inProgress) {
    const deploying = service.taskDefinition ? `Deploying ${service.taskDefinition.label}` : "Deploying";
    return service.awaitingApproval ? status("awaiting-approval", deploying, "Awaiting approval") : status("deploying", deploying);
  }
  if (service.rollout.state === "FAILED") return status("failed", "Rollout failed", service.rollout.reason);
  return status("steady", "Steady");
}

export interface ClusterSummary extends ClusterHeader {
  /** Services with a deployment in progress, by name. */
  rollouts: ServiceRow[];
  /** Why the cluster's services could not be read; `rollouts` is then empty. */
  error?: AwsFailure;
}

export interface ClustersOverview {
  /** Active clusters, by name. */
  clusters: ClusterSummary[];
  /** Why the clusters could not be listed; `clusters` is then empty. */
  error?: AwsFailure;
}

/** Every service waiting for a decision, across clusters: what an approver looks for first. */
export function awaitingApprovalAcrossClusters(overview: ClustersOverview): { cluster: string; service: ServiceRow }[] {
  return overview.clusters.flatMap((cluster) =>
    cluster.rollouts.filter((service) => service.awaitingApproval).map((service) => ({ cluster: cluster.name, service })),
  );
}

export interface ClusterDetail {
  clusterName: string;
  /** Set when no part could be read (the cluster does not exist, or AWS did not answer): the header's reason. */
  error?: AwsFailure;
  cluster: Part<ClusterHeader>;
  /** By name. */
  services: Part<ServiceRow[]>;
}

/** A cluster's tasks table, read apart from its page (server/ecs/cluster-detail.ts says why). */
export interface ClusterTasks {
  /** Newest first; empty when they could not be read. */
  tasks: TaskRow[];
  error?: AwsFailure;
}
