import type {
  Cluster,
  Service,
  ServiceDeployment,
  ServiceRevision,
  Tag,
  Task,
  TaskDefinition,
} from "@aws-sdk/client-ecs";

/**
 * What local ECS stores. The public part of each record is the SDK's own type, returned to
 * clients as it is; the rest is the engine's bookkeeping, never sent on the wire.
 */
export interface ClusterRecord {
  cluster: Cluster;
}

export interface TaskDefinitionRecord {
  taskDefinition: TaskDefinition;
}

export interface ServiceRecord {
  service: Service;
  /** Service.deployments[].id → the service deployment and revision it rolls out. */
  links: Record<string, { serviceDeploymentArn: string; serviceRevisionArn: string }>;
}

export interface TaskRecord {
  task: Task;
  /** Set for tasks a service started. */
  serviceName?: string;
  /** Service.deployments[].id that started the task. */
  deploymentId?: string;
  /** Emulated epoch ms at which the task moves to its next lifecycle status. */
  nextTransitionAt?: number;
  /** Why the task is being stopped; `failure` counts toward the circuit breaker. */
  pendingStop?: { stopCode: string; reason: string; failure: boolean };
}

export interface ServiceDeploymentRecord {
  serviceDeployment: ServiceDeployment;
  /** The Service.deployments[].id this service deployment rolls out. */
  deploymentId: string;
}

export interface ServiceRevisionRecord {
  serviceRevision: ServiceRevision;
}

export interface TagsRecord {
  resourceArn: string;
  tags: Tag[];
}
