import type {
  Compatibility,
  Container,
  ContainerDefinition,
  HealthStatus,
  NetworkMode,
  PortMapping,
  Task,
  TaskDefinition,
  TaskDefinitionStatus,
  TransportProtocol,
} from "@aws-sdk/client-ecs";
import { clusterName } from "@/lib/arn";
import type { AwsFailure } from "@/lib/aws-errors";
import { maskEnvironment, maskSecrets, type EnvironmentEntry, type SecretEntry } from "@/lib/secrets/mask";
import { isoDate, taskDefinitionRef, type Part, type TaskDefinitionRef } from "./common";
import { toTaskRow, type TaskRow } from "./tasks";

/** The view model of a task's page: its containers, why it stopped, when things happened, and what it runs. */

export interface PortView {
  containerPort?: number;
  hostPort?: number;
  protocol?: TransportProtocol;
  /** Where the port answers: the binding's address, or the task's ENI address in awsvpc mode. */
  address?: string;
}

export interface ContainerView {
  name: string;
  image?: string;
  imageDigest?: string;
  lastStatus?: string;
  exitCode?: number;
  reason?: string;
  health?: HealthStatus;
  /** Known with the task definition; ECS counts a container essential unless it says otherwise. */
  essential?: boolean;
  ports: PortView[];
}

export interface TaskTimestamps {
  createdAt?: string;
  pullStartedAt?: string;
  pullStoppedAt?: string;
  startedAt?: string;
  stoppingAt?: string;
  executionStoppedAt?: string;
  stoppedAt?: string;
}

export interface TaskDetail extends TaskRow {
  clusterName: string;
  group?: string;
  startedBy?: string;
  cpu?: string;
  memory?: string;
  platformVersion?: string;
  privateAddress?: string;
  timestamps: TaskTimestamps;
  containers: ContainerView[];
}

export interface TaskDefinitionSummary {
  ref: TaskDefinitionRef;
  status?: TaskDefinitionStatus;
  cpu?: string;
  memory?: string;
  networkMode?: NetworkMode;
  requiresCompatibilities: Compatibility[];
  taskRoleArn?: string;
  executionRoleArn?: string;
  registeredAt?: string;
  containers: DefinitionContainer[];
}

export interface DefinitionContainer {
  name: string;
  image?: string;
  essential: boolean;
  portMappings: PortMapping[];
  healthCheck?: string[];
  /** Masked already where the viewer may not see secrets: what is hidden never leaves the server. */
  environment: EnvironmentEntry[];
  secrets: SecretEntry[];
}

/** A task's page; the task definition is its own part, so a failed DescribeTaskDefinition leaves the task shown. */
export interface TaskPage {
  task: TaskDetail;
  taskDefinition: Part<TaskDefinitionSummary>;
}

/** A task page as its live read carries it: `readLive` answers 503 when a part has an `error`, as a failed one does. */
export type TaskPageRead = Part<TaskPage> & { error?: AwsFailure };

function privateAddress(task: Task): string | undefined {
  const details = (task.attachments ?? []).flatMap((attachment) => attachment.details ?? []);
  return details.find((detail) => detail.name === "privateIPv4Address")?.value;
}

/** Bindings when ECS reports them (bridge, host, local ECS); otherwise (awsvpc) the definition's ports on the ENI. */
function portsOf(container: Container, definition: ContainerDefinition | undefined, address: string | undefined): PortView[] {
  const bindings = container.networkBindings ?? [];
  if (bindings.length > 0) {
    return bindings.map((binding) => ({ containerPort: binding.containerPort, hostPort: binding.hostPort, protocol: binding.protocol, address: binding.bindIP }));
  }
  return (definition?.portMappings ?? []).map((mapping) => ({ containerPort: mapping.containerPort, hostPort: mapping.hostPort, protocol: mapping.protocol, address }));
}

export function toTaskDetail(task: Task, definition?: TaskDefinition): TaskDetail {
  const address = privateAddress(task);
  const definitions = new Map((definition?.containerDefinitions ?? []).map((container) => [container.name, container]));
  return {
    ...toTaskRow(task),
    clusterName: clusterName(task.clusterArn ?? ""),
    group: task.group,
    startedBy: task.startedBy,
    cpu: task.cpu,
    memory: task.memory,
    platformVersion: task.platformVersion,
    privateAddress: address,
    timestamps: {
      createdAt: isoDate(task.createdAt),
      pullStartedAt: isoDate(task.pullStartedAt),
      pullStoppedAt: isoDate(task.pullStoppedAt),
      startedAt: isoDate(task.startedAt),
      stoppingAt: isoDate(task.stoppingAt),
      executionStoppedAt: isoDate(task.executionStoppedAt),
      stoppedAt: isoDate(task.stoppedAt),
    },
    containers: (task.containers ?? []).map((container) => {
      const containerDefinition = definitions.get(container.name);
      return {
        name: container.name ?? "",
        image: container.image,
        imageDigest: container.imageDigest,
        lastStatus: container.lastStatus,
        exitCode: container.exitCode,
        reason: container.reason,
        health: container.healthStatus,
        essential: containerDefinition && (containerDefinition.essential ?? true),
        ports: portsOf(container, containerDefinition, address),
      };
    }),
  };
}

/** Built on the server, with `canSeeSecrets` from the viewer's role; without it, secret values are masked. */
export function toTaskDefinitionSummary(definition: TaskDefinition, { canSeeSecrets = false }: { canSeeSecrets?: boolean } = {}): TaskDefinitionSummary {
  const arn = definition.taskDefinitionArn ?? "";
  const family = definition.family ?? "";
  const revision = definition.revision ?? 0;
  return {
    ref: taskDefinitionRef(arn) ?? { arn, family, revision, label: `${family}:${revision}` },
    status: definition.status,
    cpu: definition.cpu,
    memory: definition.memory,
    networkMode: definition.networkMode,
    requiresCompatibilities: definition.requiresCompatibilities ?? [],
    taskRoleArn: definition.taskRoleArn,
    executionRoleArn: definition.executionRoleArn,
    registeredAt: isoDate(definition.registeredAt),
    containers: (definition.containerDefinitions ?? []).map((container) => ({
      name: container.name ?? "",
      image: container.image,
      essential: container.essential ?? true,
      portMappings: container.portMappings ?? [],
      healthCheck: container.healthCheck?.command,
      environment: maskEnvironment(container.environment ?? [], canSeeSecrets),
      secrets: maskSecrets(container.secrets ?? [], canSeeSecrets),
    })),
  };
}
