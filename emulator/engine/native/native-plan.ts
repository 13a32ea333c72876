import type { ServiceRecord, NativeDeploymentState } from "../../store/records";
import type { EcsWorld } from "../../world";
import { forwardTargetGroups } from "../load-balancing/service-targets";
import { trafficSteps } from "./traffic-plan";

export interface TrafficPlan {
  /** Where the new deployment's tasks register, per Service.loadBalancers[] entry. */
  targetGroupArns: string[];
  /** Set for a traffic-shifting deployment that has a blue to shift away from. */
  native?: NativeDeploymentState;
}

/**
 * Decides, as a deployment starts, which target groups its tasks use. For BLUE_GREEN, LINEAR
 * and CANARY the live (blue) group is the one the production rule sends traffic to, and green
 * is the other of the pair, so the groups swap roles after every success (emulator decision 5).
 * The first deployment of a service has no blue: it starts in the live group like a rolling one.
 */
export function planTraffic(world: EcsWorld, record: ServiceRecord, greenDeploymentId: string): TrafficPlan {
  const service = record.service;
  const loadBalancers = service.loadBalancers ?? [];
  const strategy = service.deploymentConfiguration?.strategy ?? "ROLLING";
  if (strategy === "ROLLING" || loadBalancers.length === 0) {
    return { targetGroupArns: loadBalancers.map((lb) => lb.targetGroupArn!) };
  }
  const routes = loadBalancers.map((lb) => {
    const advanced = lb.advancedConfiguration!;
    const pair = [lb.targetGroupArn!, advanced.alternateTargetGroupArn!];
    const weights = forwardTargetGroups(world, advanced.productionListenerRule!);
    const weightOf = (arn: string) => weights.find((tuple) => tuple.TargetGroupArn === arn)?.Weight ?? 0;
    const live = weightOf(pair[1]) > weightOf(pair[0]) ? pair[1] : pair[0];
    return {
      blueTargetGroupArn: live,
      greenTargetGroupArn: live === pair[0] ? pair[1] : pair[0],
      productionListenerRule: advanced.productionListenerRule!,
      testListenerRule: advanced.testListenerRule,
    };
  });
  const blue = (service.deployments ?? []).find((d) => d.rolloutState === "COMPLETED" && d.id !== greenDeploymentId);
  const blueHasTasks = blue && [...world.state.tasksOfService(service.clusterArn!, service.serviceName!)].some(
    (t) => t.deploymentId === blue.id && t.task.desiredStatus === "RUNNING",
  );
  if (!blue || !blueHasTasks) return { targetGroupArns: routes.map((r) => r.blueTargetGroupArn) };
  // Deployments from before the service had a load balancer record no groups: they are blue's.
  record.links[blue.id!].targetGroupArns ??= routes.map((r) => r.blueTargetGroupArn);
  return {
    targetGroupArns: routes.map((r) => r.greenTargetGroupArn),
    native: {
      blueDeploymentId: blue.id!,
      greenDeploymentId,
      routes,
      steps: trafficSteps(service.deploymentConfiguration!),
      stepIndex: 0,
    },
  };
}
