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
  links: Record<string, DeploymentLink>;
}

export interface DeploymentLink {
  serviceDeploymentArn: string;
  serviceRevisionArn: string;
  /** The target group each of Service.loadBalancers[] registers this deployment's tasks in. */
  targetGroupArns?: string[];
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
  /** Load balancer targets this task registered (task IP and host port, per target group). */
  targets?: Array<{ targetGroupArn: string; id: string; port: number }>;
}

export interface ServiceDeploymentRecord {
  serviceDeployment: ServiceDeployment;
  /** The Service.deployments[].id this service deployment rolls out. */
  deploymentId: string;
  /** Progress of a BLUE_GREEN, LINEAR or CANARY deployment; absent for ROLLING. */
  native?: NativeDeploymentState;
}

/** Where a traffic-shifting deployment is: blue serves production, green is rolled out. */
export interface NativeDeploymentState {
  blueDeploymentId: string;
  greenDeploymentId: string;
  /** One per Service.loadBalancers[] entry. */
  routes: Array<{
    blueTargetGroupArn: string;
    greenTargetGroupArn: string;
    productionListenerRule: string;
    testListenerRule?: string;
  }>;
  /** Percent of production traffic on green after each step. */
  steps: Array<{ greenPercent: number; bakeMs: number }>;
  stepIndex: number;
  /** Emulated epoch ms at which the current stage began. */
  stageStartedAt?: number;
  /** Emulated epoch ms at which the current bake ends. */
  waitUntil?: number;
}

export interface ServiceRevisionRecord {
  serviceRevision: ServiceRevision;
}

export interface TagsRecord {
  resourceArn: string;
  tags: Tag[];
}
