import type { Deployment } from "@aws-sdk/client-ecs";
import type { ServiceRecord, TaskRecord } from "../store/records";
import type { EcsWorld } from "../world";
import { tagsOf } from "../services/ecs/tag-store";
import { launchTasks } from "./task-launcher";

/** Starts `count` tasks of a service's deployment, spread over its capacity providers. */
export function launchServiceTasks(world: EcsWorld, record: ServiceRecord, deployment: Deployment, count: number): TaskRecord[] {
  const service = record.service;
  const cluster = world.state.clusters.get(service.clusterArn!)?.cluster;
  const taskDefinition = world.state.taskDefinitions.get(deployment.taskDefinition!)?.taskDefinition;
  if (!cluster || !taskDefinition) return [];
  const existingByProvider: Record<string, number> = {};
  for (const task of world.state.tasksOfService(service.clusterArn!, service.serviceName!)) {
    const provider = task.task.capacityProviderName;
    if (provider && task.task.desiredStatus === "RUNNING") existingByProvider[provider] = (existingByProvider[provider] ?? 0) + 1;
  }
  return launchTasks(
    world,
    {
      cluster,
      taskDefinition,
      count,
      launch: { launchType: deployment.launchType ?? "FARGATE", capacityProviderStrategy: deployment.capacityProviderStrategy },
      group: `service:${service.serviceName}`,
      startedBy: deployment.id,
      networkConfiguration: deployment.networkConfiguration,
      tags: service.propagateTags === "SERVICE" ? tagsOf(world.state, service.serviceArn!) : undefined,
      serviceName: service.serviceName,
      deploymentId: deployment.id,
    },
    existingByProvider,
  );
}
