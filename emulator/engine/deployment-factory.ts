import { createHash } from "node:crypto";
import type { ContainerImage, Deployment, ServiceDeployment, ServiceRevision, ServiceRevisionSummary } from "@aws-sdk/client-ecs";
import { ecsArn } from "../store/arns";
import { newDeploymentId, newServiceDeploymentId, newServiceRevisionId } from "../store/ids";
import type { ServiceRecord } from "../store/records";
import type { EcsWorld } from "../world";
import { blueRevisionArn, setRequestedWeights } from "./deployment-outcomes";
import { planTraffic } from "./native/native-plan";
import { circuitBreakerThreshold } from "./rolling-math";

/** Service deployment statuses after which nothing more happens. */
export const FINISHED_SERVICE_DEPLOYMENT_STATUSES = new Set(["SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED"]);

/**
 * Starts a deployment of the service's current configuration: an immutable service revision,
 * a new PRIMARY entry in Service.deployments and a service deployment that tracks it.
 * The scheduler then moves tasks over.
 */
export function startDeployment(world: EcsWorld, record: ServiceRecord): Deployment {
  const { state, clock, settings } = world;
  const service = record.service;
  const now = clock.now();
  const clusterName = service.clusterArn!.split("/").pop()!;
  const revision = createServiceRevision(world, record);
  const deployment: Deployment = {
    id: newDeploymentId(),
    status: "PRIMARY",
    taskDefinition: service.taskDefinition,
    desiredCount: service.desiredCount,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAt: now,
    updatedAt: now,
    launchType: service.launchType,
    capacityProviderStrategy: service.capacityProviderStrategy,
    platformVersion: service.platformVersion,
    platformFamily: service.platformFamily,
    networkConfiguration: service.networkConfiguration,
    rolloutState: "IN_PROGRESS",
  };
  deployment.rolloutStateReason = `ECS deployment ${deployment.id} in progress.`;

  const sources = sourceRevisionSummaries(record);
  const plan = planTraffic(world, record, deployment.id!);
  resolveLoadBalancers(world, revision, plan.targetGroupArns);
  supersedeOngoingServiceDeployment(world, record);
  for (const existing of service.deployments ?? []) if (existing.status === "PRIMARY") existing.status = "ACTIVE";
  service.deployments = [deployment, ...(service.deployments ?? [])];

  const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker;
  const serviceDeploymentArn = ecsArn.serviceDeployment(settings, clusterName, service.serviceName!, newServiceDeploymentId());
  const serviceDeployment: ServiceDeployment = {
    serviceDeploymentArn,
    serviceArn: service.serviceArn,
    clusterArn: service.clusterArn,
    createdAt: now,
    startedAt: now,
    updatedAt: now,
    sourceServiceRevisions: sources,
    targetServiceRevision: { arn: revision.serviceRevisionArn, requestedTaskCount: service.desiredCount, runningTaskCount: 0, pendingTaskCount: 0 },
    status: "IN_PROGRESS",
    deploymentConfiguration: structuredClone(service.deploymentConfiguration),
    deploymentCircuitBreaker: breaker?.enable
      ? { status: "MONITORING", failureCount: 0, threshold: circuitBreakerThreshold(breaker, service.desiredCount ?? 0) }
      : { status: "DISABLED", failureCount: 0, threshold: 0 },
    alarms: service.deploymentConfiguration?.alarms?.enable
      ? { status: "MONITORING", alarmNames: [...(service.deploymentConfiguration.alarms.alarmNames ?? [])], triggeredAlarmNames: [] }
      : { status: "DISABLED" },
  };
  if (plan.native) setRequestedWeights(serviceDeployment, 0, 0, blueRevisionArn(record, plan.native));
  state.serviceDeployments.put(serviceDeploymentArn, { serviceDeployment, deploymentId: deployment.id!, native: plan.native });
  record.links[deployment.id!] = {
    serviceDeploymentArn,
    serviceRevisionArn: revision.serviceRevisionArn!,
    targetGroupArns: plan.targetGroupArns,
  };
  service.currentServiceDeployment = serviceDeploymentArn;
  return deployment;
}

function createServiceRevision(world: EcsWorld, record: ServiceRecord): ServiceRevision {
  const service = record.service;
  const clusterName = service.clusterArn!.split("/").pop()!;
  const definition = world.state.taskDefinitions.get(service.taskDefinition!)?.taskDefinition;
  const containerImages: ContainerImage[] = (definition?.containerDefinitions ?? []).map((c) => ({
    containerName: c.name,
    image: c.image,
    // Local ECS pulls nothing; a digest of the reference stands in for the image digest.
    imageDigest: `sha256:${createHash("sha256").update(c.image ?? "").digest("hex")}`,
  }));
  const serviceRevision: ServiceRevision = {
    serviceRevisionArn: ecsArn.serviceRevision(world.settings, clusterName, service.serviceName!, newServiceRevisionId()),
    serviceArn: service.serviceArn,
    clusterArn: service.clusterArn,
    taskDefinition: service.taskDefinition,
    capacityProviderStrategy: service.capacityProviderStrategy,
    launchType: service.launchType,
    platformVersion: service.platformVersion,
    platformFamily: service.platformFamily,
    loadBalancers: service.loadBalancers,
    serviceRegistries: service.serviceRegistries,
    networkConfiguration: service.networkConfiguration,
    containerImages,
    guardDutyEnabled: false,
    createdAt: world.clock.now(),
  };
  world.state.serviceRevisions.put(serviceRevision.serviceRevisionArn!, { serviceRevision });
  return serviceRevision;
}

/**
 * Which target group the revision's tasks register in, once the deployment's plan says so:
 * for blue/green, linear and canary that is the group not serving production when it starts.
 */
function resolveLoadBalancers(world: EcsWorld, revision: ServiceRevision, targetGroupArns: readonly string[]): void {
  const loadBalancers = revision.loadBalancers ?? [];
  if (loadBalancers.length === 0) return;
  revision.resolvedConfiguration = {
    loadBalancers: loadBalancers.map((lb, index) => ({
      targetGroupArn: targetGroupArns[index] ?? lb.targetGroupArn,
      productionListenerRule: lb.advancedConfiguration?.productionListenerRule,
    })),
  };
  world.state.serviceRevisions.put(revision.serviceRevisionArn!, { serviceRevision: revision });
}

/** The revisions that have tasks now: what a new deployment moves away from. */
function sourceRevisionSummaries(record: ServiceRecord): ServiceRevisionSummary[] {
  return (record.service.deployments ?? [])
    .filter((d) => (d.runningCount ?? 0) + (d.pendingCount ?? 0) > 0 || d.status === "PRIMARY")
    .flatMap((d) => {
      const link = record.links[d.id!];
      if (!link) return [];
      return [{ arn: link.serviceRevisionArn, requestedTaskCount: d.desiredCount, runningTaskCount: d.runningCount, pendingTaskCount: d.pendingCount }];
    });
}

/** A newer deployment replaces one still in progress (emulator decision: it ends as STOPPED). */
function supersedeOngoingServiceDeployment(world: EcsWorld, record: ServiceRecord): void {
  const arn = record.service.currentServiceDeployment;
  const current = arn ? world.state.serviceDeployments.get(arn) : undefined;
  if (!current || FINISHED_SERVICE_DEPLOYMENT_STATUSES.has(current.serviceDeployment.status!)) return;
  const now = world.clock.now();
  Object.assign(current.serviceDeployment, {
    status: "STOPPED",
    statusReason: "Superseded by a newer service deployment.",
    stoppedAt: now,
    finishedAt: now,
    updatedAt: now,
  });
  if (current.serviceDeployment.deploymentCircuitBreaker?.status === "MONITORING") {
    current.serviceDeployment.deploymentCircuitBreaker.status = "MONITORING_COMPLETE";
  }
  world.state.serviceDeployments.put(arn!, current);
}
