import type {
  CapacityProviderStrategyItem,
  Cluster,
  LaunchType,
  NetworkConfiguration,
  Tag,
  TaskDefinition,
  TaskOverride,
} from "@aws-sdk/client-ecs";
import { putTags } from "../services/ecs/tag-store";
import type { TaskRecord } from "../store/records";
import type { EcsWorld } from "../world";
import { buildTask, pickCapacityProviders } from "./task-factory";

/** Where new tasks run: a launch type, or a capacity provider strategy. */
export interface Launch {
  launchType: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
}

export interface LaunchRequest {
  cluster: Cluster;
  taskDefinition: TaskDefinition;
  count: number;
  launch: Launch;
  group: string;
  startedBy?: string;
  overrides?: TaskOverride;
  networkConfiguration?: NetworkConfiguration;
  tags?: Tag[];
  serviceName?: string;
  deploymentId?: string;
}

const AVAILABILITY_ZONES = ["a", "b", "c"];

/**
 * The launch a RunTask or a service asks for: its own launch type or strategy, else the
 * cluster's default strategy, else EC2 (as ECS does).
 */
export function resolveLaunch(
  cluster: Cluster,
  requested: { launchType?: LaunchType; capacityProviderStrategy?: CapacityProviderStrategyItem[] },
): Launch {
  if (requested.launchType) return { launchType: requested.launchType };
  const strategy = requested.capacityProviderStrategy?.length
    ? requested.capacityProviderStrategy
    : cluster.defaultCapacityProviderStrategy;
  if (strategy?.length) return { launchType: "FARGATE", capacityProviderStrategy: strategy };
  return { launchType: "EC2" };
}

/** Local ECS has no container instances, so only Fargate launches can place tasks. */
export function canPlace(launch: Launch): boolean {
  return launch.launchType === "FARGATE";
}

/** Builds and launches `count` tasks; returns them (none when the launch cannot be placed). */
export function launchTasks(world: EcsWorld, request: LaunchRequest, existingByProvider: Record<string, number> = {}): TaskRecord[] {
  if (!canPlace(request.launch) || request.count <= 0) return [];
  const clusterName = request.cluster.clusterName!;
  const providers = request.launch.capacityProviderStrategy
    ? pickCapacityProviders(request.launch.capacityProviderStrategy, existingByProvider, request.count)
    : [];
  const records: TaskRecord[] = [];
  for (let i = 0; i < request.count; i++) {
    const task = buildTask({
      scope: world.settings,
      clusterName,
      taskDefinition: request.taskDefinition,
      launchType: request.launch.launchType,
      capacityProviderName: providers[i],
      group: request.group,
      startedBy: request.startedBy,
      overrides: request.overrides,
      networkConfiguration: request.networkConfiguration,
      tags: request.tags,
      availabilityZone: `${world.settings.region}${AVAILABILITY_ZONES[(Math.random() * AVAILABILITY_ZONES.length) | 0]}`,
      now: world.clock.now(),
    });
    const record: TaskRecord = { task, serviceName: request.serviceName, deploymentId: request.deploymentId };
    putTags(world.state, task.taskArn!, request.tags);
    world.tasks.launch(record);
    records.push(record);
  }
  return records;
}
