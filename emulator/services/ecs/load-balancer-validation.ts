import type { DeploymentStrategy, LoadBalancer, TaskDefinition } from "@aws-sdk/client-ecs";
import { forwardTargetGroups } from "../../engine/load-balancing/service-targets";
import type { EcsWorld } from "../../world";
import { InvalidParameterException } from "./errors";

/**
 * A service's `loadBalancers` checked against ELBv2 as ECS checks them: the target group
 * exists, sits behind a load balancer and suits the network mode; the container port exists;
 * and for BLUE_GREEN, LINEAR and CANARY the alternate group and listener rules are in place.
 */
const MAX_LOAD_BALANCERS = 5;

export function validateLoadBalancers(
  world: EcsWorld,
  loadBalancers: LoadBalancer[] | undefined,
  taskDefinition: TaskDefinition,
  strategy: DeploymentStrategy | undefined,
): LoadBalancer[] {
  if (loadBalancers === undefined || loadBalancers.length === 0) {
    if (strategy && strategy !== "ROLLING") {
      throw new InvalidParameterException(
        `The ${strategy} deployment strategy needs a load balancer with an alternate target group and a production listener rule.`,
      );
    }
    return [];
  }
  if (!Array.isArray(loadBalancers)) throw new InvalidParameterException("loadBalancers must be a list.");
  if (loadBalancers.length > MAX_LOAD_BALANCERS) throw new InvalidParameterException(`A service can have at most ${MAX_LOAD_BALANCERS} load balancers.`);
  return loadBalancers.map((lb) => {
    if (lb === null || typeof lb !== "object") throw new InvalidParameterException("Each load balancer must be an object.");
    if (lb.loadBalancerName !== undefined) throw new InvalidParameterException("Classic Load Balancers are not supported; give a targetGroupArn.");
    requireTargetGroup(world, lb.targetGroupArn, taskDefinition);
    requireContainerPort(taskDefinition, lb.containerName, lb.containerPort);
    if (strategy && strategy !== "ROLLING") requireAdvancedConfiguration(world, lb, taskDefinition, strategy);
    return {
      targetGroupArn: lb.targetGroupArn,
      containerName: lb.containerName,
      containerPort: lb.containerPort,
      advancedConfiguration: lb.advancedConfiguration,
    };
  });
}

function requireTargetGroup(world: EcsWorld, arn: unknown, taskDefinition: TaskDefinition): void {
  const group = typeof arn === "string" ? world.elb.targetGroups.get(arn)?.targetGroup : undefined;
  if (!group) throw new InvalidParameterException(`The target group ${String(arn)} does not exist.`);
  if (!group.LoadBalancerArns?.length) {
    throw new InvalidParameterException(`The target group with targetGroupArn ${group.TargetGroupArn} does not have an associated load balancer.`);
  }
  if (taskDefinition.networkMode === "awsvpc" && group.TargetType !== "ip") {
    throw new InvalidParameterException(
      `The provided target group ${group.TargetGroupArn} has target type ${group.TargetType}, which is incompatible with the awsvpc network mode specified in the task definition.`,
    );
  }
}

function requireContainerPort(taskDefinition: TaskDefinition, name: unknown, port: unknown): void {
  const container = taskDefinition.containerDefinitions?.find((c) => c.name === name);
  if (!container) throw new InvalidParameterException(`The container ${String(name)} does not exist in the task definition.`);
  if (!container.portMappings?.some((mapping) => mapping.containerPort === port)) {
    throw new InvalidParameterException(`The container ${String(name)} did not have a container port ${String(port)} defined.`);
  }
}

function requireAdvancedConfiguration(world: EcsWorld, lb: LoadBalancer, taskDefinition: TaskDefinition, strategy: string): void {
  const advanced = lb.advancedConfiguration;
  if (!advanced || typeof advanced !== "object") {
    throw new InvalidParameterException(`advancedConfiguration is required for each load balancer with the ${strategy} deployment strategy.`);
  }
  if (typeof advanced.roleArn !== "string" || advanced.roleArn === "") {
    throw new InvalidParameterException("advancedConfiguration.roleArn is required: ECS uses it to change the listener rules.");
  }
  requireTargetGroup(world, advanced.alternateTargetGroupArn, taskDefinition);
  if (advanced.alternateTargetGroupArn === lb.targetGroupArn) {
    throw new InvalidParameterException("advancedConfiguration.alternateTargetGroupArn must differ from targetGroupArn.");
  }
  for (const [field, rule] of [["productionListenerRule", advanced.productionListenerRule], ["testListenerRule", advanced.testListenerRule]] as const) {
    if (rule === undefined && field === "testListenerRule") continue;
    const groups = typeof rule === "string" ? forwardTargetGroups(world, rule).map((t) => t.TargetGroupArn) : [];
    if (!groups.includes(lb.targetGroupArn) && !groups.includes(advanced.alternateTargetGroupArn)) {
      throw new InvalidParameterException(
        `advancedConfiguration.${field} must be a listener rule (or NLB listener) that forwards to the service's target groups; ${String(rule)} does not.`,
      );
    }
  }
}
