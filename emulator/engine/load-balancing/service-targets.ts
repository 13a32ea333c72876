import type { Action, TargetGroupTuple } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { ServiceRecord, TaskRecord } from "../../store/records";
import type { EcsWorld } from "../../world";
import { deregistrationDelayMs } from "./group-settings";

/**
 * Where ECS meets ELBv2: the target groups a service's tasks register in, their health, and
 * the weights of a production or test listener rule.
 */
/** The target group per Service.loadBalancers[] entry that a deployment's tasks use. */
export function targetGroupsForDeployment(record: ServiceRecord, deploymentId: string | undefined): string[] {
  const linked = deploymentId ? record.links[deploymentId]?.targetGroupArns : undefined;
  return linked ?? (record.service.loadBalancers ?? []).map((lb) => lb.targetGroupArn!);
}

/** At ACTIVATING: the task's address goes into its deployment's target groups. */
export function registerTaskTargets(world: EcsWorld, task: TaskRecord, service: ServiceRecord): void {
  const groups = targetGroupsForDeployment(service, task.deploymentId);
  const targets: NonNullable<TaskRecord["targets"]> = [];
  (service.service.loadBalancers ?? []).forEach((lb, index) => {
    const binding = task.task.containers
      ?.find((c) => c.name === lb.containerName)
      ?.networkBindings?.find((b) => b.containerPort === lb.containerPort);
    const targetGroupArn = groups[index];
    if (!binding?.hostPort || !targetGroupArn) return;
    const target = { targetGroupArn, id: binding.bindIP ?? "127.0.0.1", port: binding.hostPort };
    world.loadBalancing.registerTargets(targetGroupArn, [{ Id: target.id, Port: target.port }]);
    targets.push(target);
  });
  task.targets = targets;
}

/** At DEACTIVATING: returns how long (emulated ms) the targets take to drain. */
export function deregisterTaskTargets(world: EcsWorld, task: TaskRecord): number {
  let longest = 0;
  for (const target of task.targets ?? []) {
    world.loadBalancing.deregisterTargets(target.targetGroupArn, [{ Id: target.id, Port: target.port }]);
    const group = world.elb.targetGroups.get(target.targetGroupArn);
    if (group) longest = Math.max(longest, deregistrationDelayMs(group));
  }
  return longest;
}

/** ELB's view of one task target: its state, or undefined when it is not registered. */
export function targetState(world: EcsWorld, target: { targetGroupArn: string; id: string; port: number }): string | undefined {
  const group = world.elb.targetGroups.get(target.targetGroupArn);
  return group?.targets.find((t) => t.id === target.id && t.port === target.port)?.state;
}

/** Healthy for a deployment behind a load balancer: healthy in every target group it is in. */
export function targetsHealthy(world: EcsWorld, task: TaskRecord): boolean {
  return (task.targets ?? []).every((target) => targetState(world, target) === "healthy");
}

export function targetsUnhealthy(world: EcsWorld, task: TaskRecord): string | undefined {
  return task.targets?.find((target) => targetState(world, target) === "unhealthy")?.targetGroupArn;
}

/**
 * The forward action behind a production or test "rule": an ALB rule ARN, or (NLB) a
 * listener ARN whose default action forwards.
 */
function forwardOwner(world: EcsWorld, ruleOrListenerArn: string) {
  const rule = world.elb.rules.get(ruleOrListenerArn);
  if (rule) return { listenerArn: rule.listenerArn, actions: rule.rule.Actions ?? [], rule };
  const listener = world.elb.listeners.get(ruleOrListenerArn);
  if (listener) return { listenerArn: ruleOrListenerArn, actions: listener.listener.DefaultActions ?? [], rule: undefined };
  return undefined;
}

export function forwardTargetGroups(world: EcsWorld, ruleOrListenerArn: string): TargetGroupTuple[] {
  const forward = forwardOwner(world, ruleOrListenerArn)?.actions.find((a) => a.Type === "forward");
  if (!forward) return [];
  if (forward.ForwardConfig?.TargetGroups?.length) return forward.ForwardConfig.TargetGroups;
  return forward.TargetGroupArn ? [{ TargetGroupArn: forward.TargetGroupArn, Weight: 1 }] : [];
}

/** Rewrites the forward action's weights (the rule's, and the listener's default if it is the default rule). */
export async function setForwardWeights(world: EcsWorld, ruleOrListenerArn: string, groups: TargetGroupTuple[]): Promise<void> {
  const owner = forwardOwner(world, ruleOrListenerArn);
  if (!owner) return;
  const rewrite = (actions: Action[]): Action[] =>
    actions.map((action) =>
      action.Type === "forward"
        ? { ...action, TargetGroupArn: undefined, ForwardConfig: { ...action.ForwardConfig, TargetGroups: groups } }
        : action,
    );
  const listener = world.elb.listeners.get(owner.listenerArn);
  if (owner.rule) {
    owner.rule.rule.Actions = rewrite(owner.rule.rule.Actions ?? []);
    world.elb.rules.put(ruleOrListenerArn, owner.rule);
  }
  if (listener && (!owner.rule || owner.rule.rule.IsDefault)) {
    listener.listener.DefaultActions = rewrite(listener.listener.DefaultActions ?? []);
    world.elb.listeners.put(owner.listenerArn, listener);
  }
  await world.loadBalancing.listenerChanged(owner.listenerArn);
}
