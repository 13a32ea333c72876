import { randomBytes } from "node:crypto";
import type {
  CapacityProviderStrategyItem,
  Container,
  LaunchType,
  NetworkConfiguration,
  Tag,
  Task,
  TaskDefinition,
  TaskOverride,
} from "@aws-sdk/client-ecs";
import { ecsArn, type ArnScope } from "../store/arns";
import { newTaskId } from "../store/ids";

/**
 * Builds a new Task, as ECS returns it from RunTask, from a task definition and where it was
 * placed. Pure: the lifecycle engine moves it on from PROVISIONING.
 */
export interface NewTaskParams {
  scope: ArnScope;
  clusterName: string;
  taskDefinition: TaskDefinition;
  launchType: LaunchType;
  capacityProviderName?: string;
  group: string;
  startedBy?: string;
  overrides?: TaskOverride;
  networkConfiguration?: NetworkConfiguration;
  tags?: Tag[];
  availabilityZone: string;
  now: Date;
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

export function buildTask(params: NewTaskParams): Task {
  const taskId = newTaskId();
  const taskArn = ecsArn.task(params.scope, params.clusterName, taskId);
  const definition = params.taskDefinition;
  const attachmentId = crypto.randomUUID();
  const awsvpc = definition.networkMode === "awsvpc";
  const containers: Container[] = (definition.containerDefinitions ?? []).map((container) => {
    const override = params.overrides?.containerOverrides?.find((o) => o.name === container.name);
    return {
      containerArn: `arn:aws:ecs:${params.scope.region}:${params.scope.accountId}:container/${params.clusterName}/${taskId}/${crypto.randomUUID()}`,
      taskArn,
      name: container.name,
      image: container.image,
      runtimeId: `${taskId}-${hex(4)}`,
      lastStatus: "PENDING",
      networkBindings: [],
      networkInterfaces: awsvpc ? [{ attachmentId, privateIpv4Address: "127.0.0.1" }] : [],
      healthStatus: "UNKNOWN",
      cpu: String(override?.cpu ?? container.cpu ?? 0),
      memory: override?.memory !== undefined ? String(override.memory) : container.memory !== undefined ? String(container.memory) : undefined,
      memoryReservation: container.memoryReservation !== undefined ? String(container.memoryReservation) : undefined,
    };
  });
  const subnet = params.networkConfiguration?.awsvpcConfiguration?.subnets?.[0];
  return {
    taskArn,
    clusterArn: ecsArn.cluster(params.scope, params.clusterName),
    taskDefinitionArn: definition.taskDefinitionArn,
    group: params.group,
    startedBy: params.startedBy,
    lastStatus: "PROVISIONING",
    desiredStatus: "RUNNING",
    createdAt: params.now,
    version: 1,
    launchType: params.launchType,
    capacityProviderName: params.capacityProviderName,
    platformVersion: params.launchType === "FARGATE" ? "1.4.0" : undefined,
    platformFamily: params.launchType === "FARGATE" ? "Linux" : undefined,
    availabilityZone: params.availabilityZone,
    cpu: params.overrides?.cpu ?? definition.cpu,
    memory: params.overrides?.memory ?? definition.memory,
    connectivity: "CONNECTED",
    connectivityAt: params.now,
    enableExecuteCommand: false,
    healthStatus: "UNKNOWN",
    overrides: { containerOverrides: [], inferenceAcceleratorOverrides: [], ...params.overrides },
    containers,
    attachments: awsvpc
      ? [
          {
            id: attachmentId,
            type: "ElasticNetworkInterface",
            status: "PRECREATED",
            details: [
              { name: "subnetId", value: subnet ?? "subnet-local" },
              { name: "networkInterfaceId", value: `eni-${hex(8)}` },
              { name: "macAddress", value: "02:00:00:00:00:00" },
              { name: "privateDnsName", value: "localhost" },
              { name: "privateIPv4Address", value: "127.0.0.1" },
            ],
          },
        ]
      : [],
    tags: params.tags ?? [],
    ephemeralStorage: params.launchType === "FARGATE" ? { sizeInGiB: 20 } : undefined,
  };
}

/**
 * Picks the capacity provider for each of `count` new tasks from a strategy, as ECS does:
 * `base` tasks go first to the provider that has one, the rest split by weight.
 */
export function pickCapacityProviders(
  strategy: CapacityProviderStrategyItem[],
  existingByProvider: Record<string, number>,
  count: number,
): string[] {
  const placed: Record<string, number> = { ...existingByProvider };
  const picks: string[] = [];
  const total = () => Object.values(placed).reduce((sum, n) => sum + n, 0);
  for (let i = 0; i < count; i++) {
    const needingBase = strategy.find((item) => (item.base ?? 0) > (placed[item.capacityProvider!] ?? 0));
    let choice = needingBase?.capacityProvider;
    if (!choice) {
      const weighted = strategy.filter((item) => (item.weight ?? 0) > 0);
      const pool = weighted.length > 0 ? weighted : strategy;
      const weightSum = pool.reduce((sum, item) => sum + (item.weight ?? 1), 0);
      // The provider furthest below its weighted share of the tasks placed so far goes next.
      const next = total() + 1;
      let best = pool[0];
      let bestDeficit = -Infinity;
      for (const item of pool) {
        const share = ((item.weight ?? 1) / weightSum) * next;
        const deficit = share - (placed[item.capacityProvider!] ?? 0);
        if (deficit > bestDeficit) {
          best = item;
          bestDeficit = deficit;
        }
      }
      choice = best.capacityProvider!;
    }
    placed[choice] = (placed[choice] ?? 0) + 1;
    picks.push(choice);
  }
  return picks;
}
