import type { ServiceDefinition } from "../../protocols/operation";
import type { EcsWorld } from "../../world";
import { createListenerOperations } from "./listeners";
import { createLoadBalancerOperations } from "./load-balancers";
import { createRuleOperations } from "./rules";
import { createTagOperations } from "./tags";
import { createTargetGroupOperations } from "./target-groups";
import { createTargetOperations } from "./targets";

export const ELBV2_XML_NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

/** Elastic Load Balancing v2 (ALB and NLB) over the AWS Query protocol. */
export function createElbv2Service(world: EcsWorld, beforeOperation?: ServiceDefinition["beforeOperation"]): ServiceDefinition {
  return {
    name: "Elastic Load Balancing",
    beforeOperation,
    operations: {
      ...createLoadBalancerOperations(world),
      ...createTargetGroupOperations(world),
      ...createListenerOperations(world),
      ...createRuleOperations(world),
      ...createTargetOperations(world),
      ...createTagOperations(world),
    },
  };
}
