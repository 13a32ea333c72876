import type { Service } from "@aws-sdk/client-ecs";

/** Service events, worded as ECS words them, newest first, at most 100 kept. */
const MAX_EVENTS = 100;

export function addServiceEvent(service: Service, message: string, at: Date): void {
  const event = { id: crypto.randomUUID(), createdAt: at, message: `(service ${service.serviceName}) ${message}` };
  service.events = [event, ...(service.events ?? [])].slice(0, MAX_EVENTS);
}

const taskId = (taskArn: string) => taskArn.split("/").pop();

export const serviceEventText = {
  startedTasks: (arns: string[]) => `has started ${arns.length} tasks: ${arns.map((a) => `(task ${taskId(a)})`).join(" ")}.`,
  stoppedTasks: (arns: string[]) => `has stopped ${arns.length} running tasks: ${arns.map((a) => `(task ${taskId(a)})`).join(" ")}.`,
  steadyState: () => "has reached a steady state.",
  deploymentCompleted: (deploymentId: string) => `(deployment ${deploymentId}) deployment completed.`,
  deploymentFailed: (deploymentId: string, reason: string) => `(deployment ${deploymentId}) deployment failed: ${reason}`,
  rollingBack: (deploymentId: string) => `rolling back to deployment ${deploymentId}.`,
  failedHealthChecks: (taskArn: string) => `(task ${taskId(taskArn)}) failed container health checks.`,
  failedElbHealthChecks: (taskArn: string, targetGroupArn: string) =>
    `(task ${taskId(taskArn)}) failed ELB health checks in (target-group ${targetGroupArn}).`,
  registeredTargets: (count: number, targetGroupArn: string) => `registered ${count} targets in (target-group ${targetGroupArn})`,
  deregisteredTargets: (count: number, targetGroupArn: string) => `deregistered ${count} targets in (target-group ${targetGroupArn})`,
  stageReached: (deploymentId: string, stage: string) => `(deployment ${deploymentId}) entered lifecycle stage ${stage}.`,
  awaitingAction: (deploymentId: string, stage: string) => `(deployment ${deploymentId}) is waiting for a lifecycle hook at ${stage}.`,
  unableToPlace: () =>
    "was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.",
};
