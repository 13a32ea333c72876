import type { LoadBalancer, Service } from "@aws-sdk/client-ecs";
import { parseElbArn } from "@/lib/arn";
import { STRATEGY_KINDS, TRAFFIC_SHIFTING, type StrategyKind, type TrafficShiftingSetup } from "./choices";

/**
 * Which strategies a service can be deployed with, and for each that it cannot, exactly what
 * is missing (spec §3): BLUE_GREEN, LINEAR and CANARY shift traffic between two target groups
 * through a listener rule, with a role ECS assumes to change it.
 */
export type MissingPrerequisite =
  | "ecs-controller"
  | "load-balancer"
  | "target-group"
  | "alternate-target-group"
  | "production-listener-rule"
  | "traffic-role";

export interface Missing {
  what: MissingPrerequisite;
  /** A sentence for the person choosing, naming the target group concerned when there are several. */
  message: string;
}

export interface StrategyAvailability {
  kind: StrategyKind;
  available: boolean;
  missing: Missing[];
  /** What is missing can be set up by the deploy itself: the alternate target group, the production rule, the role. */
  canSetUp: boolean;
}

/** What a deploy can give a service with one target group, through UpdateService, to shift traffic. */
const SETTABLE: ReadonlySet<MissingPrerequisite> = new Set(["alternate-target-group", "production-listener-rule", "traffic-role"]);

export function strategyAvailability(service: Service): StrategyAvailability[] {
  const controller = controllerMissing(service);
  const loadBalancers = service.loadBalancers ?? [];
  const shifting = trafficShiftingMissing(loadBalancers);
  const settable = loadBalancers.length === 1 && shifting.every((missing) => SETTABLE.has(missing.what));
  return STRATEGY_KINDS.map((kind) => {
    const missing = [...controller, ...(TRAFFIC_SHIFTING.has(kind) ? shifting : [])];
    return { kind, available: missing.length === 0, missing, canSetUp: missing.length > 0 && controller.length === 0 && settable };
  });
}

/** The service as it will be once the deploy sets up traffic shifting on its one load balancer. */
export function withTrafficShifting(service: Service, setup: TrafficShiftingSetup): Service {
  const [first, ...rest] = service.loadBalancers ?? [];
  if (!first) return service;
  const { alternateTargetGroupArn, productionListenerRule, testListenerRule, roleArn } = setup;
  const advancedConfiguration = { ...first.advancedConfiguration, alternateTargetGroupArn, productionListenerRule, roleArn, ...(testListenerRule ? { testListenerRule } : {}) };
  return { ...service, loadBalancers: [{ ...first, advancedConfiguration }, ...rest] };
}

/** The availability of one strategy. */
export function availabilityOf(service: Service, kind: StrategyKind): StrategyAvailability {
  return strategyAvailability(service).find((entry) => entry.kind === kind)!;
}

function controllerMissing(service: Service): Missing[] {
  const type = service.deploymentController?.type ?? "ECS";
  if (type === "ECS") return [];
  const who = type === "CODE_DEPLOY" ? "CodeDeploy" : "an external controller";
  return [{ what: "ecs-controller", message: `This service is deployed by ${who}; ECS's own strategies need the ECS deployment controller.` }];
}

function trafficShiftingMissing(loadBalancers: readonly LoadBalancer[]): Missing[] {
  if (loadBalancers.length === 0) {
    return [{ what: "load-balancer", message: "Needs a load balancer: the service has no target group to shift traffic between." }];
  }
  return loadBalancers.flatMap((lb, index) => {
    const group = lb.targetGroupArn ? targetGroupName(lb.targetGroupArn) : lb.loadBalancerName;
    // One load balancer reads as "the"; several are told apart by their target group.
    const of = loadBalancers.length > 1 ? ` (for ${group ?? `load balancer ${index + 1}`})` : "";
    if (!lb.targetGroupArn) {
      return [{ what: "target-group" as const, message: `Needs an Application or Network Load Balancer target group${of}: a Classic Load Balancer cannot shift traffic.` }];
    }
    const advanced = lb.advancedConfiguration;
    const missing: Missing[] = [];
    if (!advanced?.alternateTargetGroupArn) {
      missing.push({ what: "alternate-target-group", message: `Needs an alternate target group${of}, where the new tasks register before traffic moves to them.` });
    }
    if (!advanced?.productionListenerRule) {
      missing.push({ what: "production-listener-rule", message: `Needs a production listener rule${of} (an ALB listener rule or an NLB listener) whose weights ECS shifts.` });
    }
    if (!advanced?.roleArn) {
      missing.push({ what: "traffic-role", message: `Needs the IAM role ECS uses to shift traffic${of}, allowed to change the listener rules.` });
    }
    return missing;
  });
}

/** `demo-web-blue` from `arn:…:targetgroup/demo-web-blue/0123`. */
function targetGroupName(arn: string): string {
  const resource = parseElbArn(arn);
  return resource?.type === "targetgroup" ? resource.name : arn;
}
