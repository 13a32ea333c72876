import { Collection, DocumentDatabase } from "./database";
import type {
  ClusterRecord,
  ServiceDeploymentRecord,
  ServiceRecord,
  ServiceRevisionRecord,
  TagsRecord,
  TaskDefinitionRecord,
  TaskRecord,
} from "./records";

/**
 * Every record local ECS keeps, keyed by ARN. Lookups by name go through the helpers below
 * so that the key scheme lives in one place.
 */
export class EcsState {
  readonly clusters: Collection<ClusterRecord>;
  readonly taskDefinitions: Collection<TaskDefinitionRecord>;
  readonly services: Collection<ServiceRecord>;
  readonly tasks: Collection<TaskRecord>;
  readonly serviceDeployments: Collection<ServiceDeploymentRecord>;
  readonly serviceRevisions: Collection<ServiceRevisionRecord>;
  readonly tags: Collection<TagsRecord>;

  /** "clusterArn|serviceName" → task ARNs, so a service's reconcile never scans every task. */
  private readonly taskIndex = new Map<string, Set<string>>();

  constructor(readonly db: DocumentDatabase) {
    this.clusters = new Collection("cluster", db);
    this.taskDefinitions = new Collection("task-definition", db);
    this.services = new Collection("service", db);
    this.tasks = new Collection("task", db);
    this.serviceDeployments = new Collection("service-deployment", db);
    this.serviceRevisions = new Collection("service-revision", db);
    this.tags = new Collection("tags", db);
    for (const record of this.tasks.values()) this.index(record);
  }

  addTask(record: TaskRecord): TaskRecord {
    this.tasks.put(record.task.taskArn!, record);
    this.index(record);
    return record;
  }

  removeTask(taskArn: string): void {
    const record = this.tasks.get(taskArn);
    if (!record) return;
    this.taskIndex.get(indexKey(record.task.clusterArn!, record.serviceName))?.delete(taskArn);
    this.tasks.delete(taskArn);
  }

  private index(record: TaskRecord): void {
    const key = indexKey(record.task.clusterArn!, record.serviceName);
    let set = this.taskIndex.get(key);
    if (!set) this.taskIndex.set(key, (set = new Set()));
    set.add(record.task.taskArn!);
  }

  /** Tasks a service started. */
  *tasksOfService(clusterArn: string, serviceName: string): Generator<TaskRecord> {
    for (const arn of this.taskIndex.get(indexKey(clusterArn, serviceName)) ?? []) {
      const record = this.tasks.get(arn);
      if (record) yield record;
    }
  }

  /** Every task of one cluster. */
  *tasksOfCluster(clusterArn: string): Generator<TaskRecord> {
    for (const record of this.tasks.values()) {
      if (record.task.clusterArn === clusterArn) yield record;
    }
  }

  *servicesOf(clusterArn: string): Generator<ServiceRecord> {
    for (const record of this.services.values()) {
      if (record.service.clusterArn === clusterArn) yield record;
    }
  }
}

function indexKey(clusterArn: string, serviceName: string | undefined): string {
  return `${clusterArn}|${serviceName ?? ""}`;
}
