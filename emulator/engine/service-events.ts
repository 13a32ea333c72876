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
  unableToPlace: () =>
    "was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.",
};
