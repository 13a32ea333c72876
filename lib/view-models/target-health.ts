import type { Service, Task } from "@aws-sdk/client-ecs";
import type { TargetHealthDescription, TargetHealthReasonEnum, TargetHealthStateEnum } from "@aws-sdk/client-elastic-load-balancing-v2";
import { parseElbArn, taskId } from "@/lib/arn";
import type { Part } from "./common";

/** The target groups a service's tasks register in, and the health ELBv2 reports for each target. */

export interface ServiceTargetGroup {
  targetGroupArn: string;
  targetGroupName?: string;
  /** ECS's names: the group in `targetGroupArn`, or the `alternateTargetGroupArn` a blue/green style deployment shifts to. */
  role: "primary" | "alternate";
  containerName?: string;
  containerPort?: number;
}

/** Each target group once, in the order the service lists them, primary before its alternate. */
export function targetGroupsOf(service: Service): ServiceTargetGroup[] {
  const groups = new Map<string, ServiceTargetGroup>();
  for (const entry of service.loadBalancers ?? []) {
    const candidates = [
      { arn: entry.targetGroupArn, role: "primary" as const },
      { arn: entry.advancedConfiguration?.alternateTargetGroupArn, role: "alternate" as const },
    ];
    for (const { arn, role } of candidates) {
      if (!arn || groups.has(arn)) continue;
      const parsed = parseElbArn(arn);
      groups.set(arn, {
        targetGroupArn: arn,
        targetGroupName: parsed?.type === "targetgroup" ? parsed.name : undefined,
        role,
        containerName: entry.containerName,
        containerPort: entry.containerPort,
      });
    }
  }
  return [...groups.values()];
}

export interface TargetView {
  /** An IP address, instance id or Lambda ARN. */
  id: string;
  port?: number;
  state?: TargetHealthStateEnum;
  reason?: TargetHealthReasonEnum;
  description?: string;
  /** The task behind the target, when its address says which. */
  taskId?: string;
}

export interface TargetGroupHealth extends ServiceTargetGroup {
  /** Load balancers that send traffic to the group (from DescribeTargetGroups). */
  loadBalancerNames: Part<string[]>;
  targets: Part<TargetView[]>;
}

const key = (address: string | undefined, port: number | undefined) => `${address ?? ""}|${port ?? ""}`;

/** Addresses of a task's ENI, where awsvpc targets are registered (with the container's port). */
function eniAddresses(task: Task): string[] {
  const fromAttachments = (task.attachments ?? []).flatMap((attachment) =>
    (attachment.details ?? []).filter((detail) => detail.name === "privateIPv4Address").map((detail) => detail.value),
  );
  const fromContainers = (task.containers ?? []).flatMap((container) => (container.networkInterfaces ?? []).map((eni) => eni.privateIpv4Address));
  return [...new Set([...fromAttachments, ...fromContainers].filter((address): address is string => Boolean(address)))];
}

/**
 * Target address → task id. A task is found by a network binding (bridge and host mode) or by
 * its ENI address with the container port (awsvpc). An address two tasks share names neither.
 */
export function tasksByTargetAddress(tasks: readonly Task[], containerPort: number | undefined): Map<string, string> {
  const found = new Map<string, string | undefined>();
  const claim = (address: string, id: string) => found.set(address, found.has(address) && found.get(address) !== id ? undefined : id);
  for (const task of tasks) {
    const id = taskId(task.taskArn ?? "");
    for (const container of task.containers ?? []) {
      for (const binding of container.networkBindings ?? []) claim(key(binding.bindIP, binding.hostPort), id);
    }
    for (const address of eniAddresses(task)) claim(key(address, containerPort), id);
  }
  return new Map([...found].filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function toTargetViews(descriptions: readonly TargetHealthDescription[], tasksByAddress: ReadonlyMap<string, string>): TargetView[] {
  return descriptions.map((description) => ({
    id: description.Target?.Id ?? "",
    port: description.Target?.Port,
    state: description.TargetHealth?.State,
    reason: description.TargetHealth?.Reason,
    description: description.TargetHealth?.Description,
    taskId: tasksByAddress.get(key(description.Target?.Id, description.Target?.Port)),
  }));
}

/** Healthy targets out of all, for a group's headline. */
export function targetCounts(targets: readonly TargetView[]): { healthy: number; total: number } {
  return { healthy: targets.filter((target) => target.state === "healthy").length, total: targets.length };
}
