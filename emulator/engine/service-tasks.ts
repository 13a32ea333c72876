import type { Deployment, TaskDefinition } from "@aws-sdk/client-ecs";
import type { ServiceRecord, TaskRecord } from "../store/records";
import type { EcsWorld } from "../world";
import { targetsHealthy, targetsUnhealthy } from "./load-balancing/service-targets";
import { addServiceEvent, serviceEventText } from "./service-events";
import { launchServiceTasks } from "./service-task-launcher";
import { isTaskHealthy } from "./task-health";

const PENDING_STATUSES = new Set(["PROVISIONING", "PENDING", "ACTIVATING"]);

/** What every deployment strategy does with a service's tasks: count, judge, start, stop. */
export class ServiceTasks {
  constructor(private readonly world: () => EcsWorld) {}

  all(record: ServiceRecord): TaskRecord[] {
    return [...this.world().state.tasksOfService(record.service.clusterArn!, record.service.serviceName!)];
  }

  /** Tasks meant to run: not stopped, not being stopped. */
  live(record: ServiceRecord, deploymentId?: string): TaskRecord[] {
    return this.all(record).filter(
      (t) => t.task.desiredStatus === "RUNNING" && t.task.lastStatus !== "STOPPED" && (deploymentId === undefined || t.deploymentId === deploymentId),
    );
  }

  /** Healthy as a deployment counts it: container checks and, behind a load balancer, every target healthy. */
  healthy(task: TaskRecord, now: number): boolean {
    const definition = this.definitionOf(task);
    const behindLoadBalancer = (task.targets?.length ?? 0) > 0;
    if (!definition || !isTaskHealthy(task.task, definition, now, behindLoadBalancer)) return false;
    return targetsHealthy(this.world(), task);
  }

  /** Tasks failing container or load balancer health checks go, once the grace period is over. */
  replaceUnhealthy(record: ServiceRecord, now: number): void {
    const graceMs = (record.service.healthCheckGracePeriodSeconds ?? 0) * 1000;
    for (const task of this.live(record)) {
      if (now < (task.task.startedAt?.getTime() ?? now) + graceMs) continue;
      const failedTargetGroup = task.task.lastStatus === "RUNNING" ? targetsUnhealthy(this.world(), task) : undefined;
      if (task.task.healthStatus === "UNHEALTHY") {
        addServiceEvent(record.service, serviceEventText.failedHealthChecks(task.task.taskArn!), new Date(now));
        this.stop(record, [task], "Task failed container health checks", true);
      } else if (failedTargetGroup) {
        addServiceEvent(record.service, serviceEventText.failedElbHealthChecks(task.task.taskArn!, failedTargetGroup), new Date(now));
        this.stop(record, [task], `Task failed ELB health checks in (target-group ${failedTargetGroup})`, true);
      }
    }
  }

  /** Starts `count` tasks of a deployment and says so in the service's events. */
  launch(record: ServiceRecord, deployment: Deployment, count: number): void {
    if (count <= 0) return;
    const service = record.service;
    const started = launchServiceTasks(this.world(), record, deployment, count);
    const now = this.world().clock.now();
    if (started.length > 0) addServiceEvent(service, serviceEventText.startedTasks(started.map((t) => t.task.taskArn!)), now);
    else if (!service.events?.[0]?.message?.includes("was unable to place a task")) {
      addServiceEvent(service, serviceEventText.unableToPlace(), now);
    }
  }

  /** Brings a deployment to exactly `count` tasks; unhealthy and newest go first. */
  scale(record: ServiceRecord, deployment: Deployment, count: number, now: number): void {
    const mine = this.live(record, deployment.id);
    if (mine.length < count) return this.launch(record, deployment, count - mine.length);
    const excess = mine.length - count;
    if (excess <= 0) return;
    const ordered = mine.sort((a, b) => {
      const health = Number(this.healthy(a, now)) - Number(this.healthy(b, now));
      return health !== 0 ? health : (b.task.createdAt?.getTime() ?? 0) - (a.task.createdAt?.getTime() ?? 0);
    });
    this.stop(record, ordered.slice(0, excess), `Scaling activity initiated by (deployment ${deployment.id})`, false);
  }

  stop(record: ServiceRecord, tasks: TaskRecord[], reason: string, failure: boolean): void {
    if (tasks.length === 0) return;
    for (const task of tasks) {
      this.world().tasks.stop(task.task.taskArn!, { stopCode: "ServiceSchedulerInitiated", reason, failure });
    }
    addServiceEvent(record.service, serviceEventText.stoppedTasks(tasks.map((t) => t.task.taskArn!)), this.world().clock.now());
  }

  /** Running and pending counts of the service and of each deployment. */
  updateCounts(record: ServiceRecord): void {
    const service = record.service;
    const all = this.all(record).filter((t) => t.task.desiredStatus === "RUNNING");
    const count = (tasks: TaskRecord[], pending: boolean) =>
      tasks.filter((t) => (pending ? PENDING_STATUSES.has(t.task.lastStatus!) : t.task.lastStatus === "RUNNING")).length;
    service.runningCount = count(all, false);
    service.pendingCount = count(all, true);
    for (const deployment of service.deployments ?? []) {
      const mine = all.filter((t) => t.deploymentId === deployment.id);
      deployment.runningCount = count(mine, false);
      deployment.pendingCount = count(mine, true);
      if (deployment.status === "PRIMARY") deployment.desiredCount = service.desiredCount;
      else deployment.desiredCount = mine.length;
    }
    service.currentServiceRevisions = (service.deployments ?? [])
      .filter((d) => d.status === "PRIMARY" || (d.runningCount ?? 0) + (d.pendingCount ?? 0) > 0)
      .map((d) => ({
        arn: record.links[d.id!]?.serviceRevisionArn,
        requestedTaskCount: d.desiredCount,
        runningTaskCount: d.runningCount,
        pendingTaskCount: d.pendingCount,
      }));
  }

  private definitionOf(task: TaskRecord): TaskDefinition | undefined {
    return this.world().state.taskDefinitions.get(task.task.taskDefinitionArn!)?.taskDefinition;
  }
}
