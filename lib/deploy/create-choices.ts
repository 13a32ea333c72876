import { z } from "zod";
import { nameField } from "@/lib/taskdef/container-schema";
import { MAX_DESIRED_COUNT } from "@/lib/schemas/limits";
import { awsvpcNetwork, capacityProviderStrategy, clusterRef, taskDefinitionRef, wholeNumber } from "@/lib/schemas/operations";
import { alarmsChoice, listenerRuleArn, strategyChoice, targetGroupArn, TRAFFIC_SHIFTING, trafficRoleArn } from "./choices";

/**
 * The wizard's choices when it creates a service (the last step of the console's flow): where
 * its tasks run, their network, and the load balancer — for blue/green, linear and canary with
 * the alternate target group, production listener rule and role that ECS needs to shift traffic.
 */
export const LAUNCH_TYPES = ["FARGATE", "EC2", "EXTERNAL", "MANAGED_INSTANCES"] as const;

export const placementChoice = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("cluster-default") }),
    z.object({ kind: z.literal("capacity-providers"), capacityProviderStrategy: capacityProviderStrategy.min(1, "Add at least one capacity provider.") }),
    z.object({ kind: z.literal("launch-type"), launchType: z.enum(LAUNCH_TYPES, { error: `A launch type is ${LAUNCH_TYPES.join(", ")}.` }) }),
  ],
  { error: "Pick the cluster's default capacity providers, a capacity provider strategy or a launch type." },
);

export const loadBalancerChoice = z.object({
  targetGroupArn: targetGroupArn("The target group"),
  containerName: nameField("Container name"),
  containerPort: wholeNumber("Container port", 1, 65_535),
  /** For blue/green, linear and canary: where the new tasks register before traffic moves. */
  alternateTargetGroupArn: targetGroupArn("The alternate target group").optional(),
  productionListenerRule: listenerRuleArn("The production listener rule").optional(),
  testListenerRule: listenerRuleArn("The test listener rule").optional(),
  roleArn: trafficRoleArn.optional(),
});

export const createServiceChoices = z
  .object({
    cluster: clusterRef,
    serviceName: nameField("Service name"),
    taskDefinition: taskDefinitionRef,
    desiredCount: wholeNumber("Desired tasks", 0, MAX_DESIRED_COUNT),
    placement: placementChoice,
    network: awsvpcNetwork.optional(),
    loadBalancer: loadBalancerChoice.optional(),
    strategy: strategyChoice,
    alarms: alarmsChoice.optional(),
  })
  .superRefine((choices, context) => {
    if (!TRAFFIC_SHIFTING.has(choices.strategy.kind)) return;
    const lb = choices.loadBalancer;
    const report = (path: string[], message: string) => context.addIssue({ code: "custom", path, message });
    if (!lb) return report(["loadBalancer"], "Blue/green, linear and canary deployments need a load balancer.");
    if (!lb.alternateTargetGroupArn) report(["loadBalancer", "alternateTargetGroupArn"], "Pick the alternate target group the new tasks register in.");
    else if (lb.alternateTargetGroupArn === lb.targetGroupArn) report(["loadBalancer", "alternateTargetGroupArn"], "The alternate target group must differ from the target group.");
    if (!lb.productionListenerRule) report(["loadBalancer", "productionListenerRule"], "Pick the listener rule that carries production traffic.");
    if (!lb.roleArn) report(["loadBalancer", "roleArn"], "Pick the role ECS uses to shift traffic on the load balancer.");
  });

export type CreateServiceChoices = z.infer<typeof createServiceChoices>;
export type CreateServiceChoicesInput = z.input<typeof createServiceChoices>;
