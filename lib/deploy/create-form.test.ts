import { describe, expect, it } from "vitest";
import { checkChoices } from "./choices";
import { createServiceChoices } from "./create-choices";
import { createChoicesOf, emptyCreateServiceForm, type CreateServiceForm } from "./create-form";
import { BLUE, GREEN, PRODUCTION_RULE, TEST_RULE, TRAFFIC_ROLE } from "./fixtures";
import { planCreateService } from "./plan";

function form(overrides: Partial<CreateServiceForm> = {}): CreateServiceForm {
  return {
    ...emptyCreateServiceForm({ subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"], roleArn: TRAFFIC_ROLE }),
    serviceName: " shop ",
    taskDefinition: "shop:7",
    desiredCount: "3",
    ...overrides,
  };
}

describe("the create-service form's choices", () => {
  it("sends a rolling service in the cluster's default capacity with the prefilled network, and no load balancer", () => {
    const checked = checkChoices(createServiceChoices, createChoicesOf("demo", form(), true));
    if (!checked.ok) throw new Error(JSON.stringify(checked.fieldErrors));
    const input = planCreateService(checked.value);
    expect(input).toMatchObject({
      cluster: "demo",
      serviceName: "shop",
      taskDefinition: "shop:7",
      desiredCount: 3,
      launchType: undefined,
      capacityProviderStrategy: undefined,
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"], assignPublicIp: "DISABLED" } },
      loadBalancers: undefined,
      deploymentConfiguration: { strategy: "ROLLING", minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
  });

  it("sends a canary behind the picked target groups and rules, with an approval gate", () => {
    const picked = form({
      strategy: "canary",
      targetGroupArn: BLUE,
      container: "shop:8080",
      alternateTargetGroupArn: GREEN,
      productionListenerRule: PRODUCTION_RULE,
      testListenerRule: TEST_RULE,
      approval: true,
      placement: "launch-type",
    });
    const checked = checkChoices(createServiceChoices, createChoicesOf("demo", picked, true));
    if (!checked.ok) throw new Error(JSON.stringify(checked.fieldErrors));
    const input = planCreateService(checked.value);
    expect(input.launchType).toBe("FARGATE");
    expect(input.loadBalancers).toEqual([
      {
        targetGroupArn: BLUE,
        containerName: "shop",
        containerPort: 8080,
        advancedConfiguration: { alternateTargetGroupArn: GREEN, productionListenerRule: PRODUCTION_RULE, testListenerRule: TEST_RULE, roleArn: TRAFFIC_ROLE },
      },
    ]);
    expect(input.deploymentConfiguration).toMatchObject({
      strategy: "CANARY",
      canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 },
      lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }],
    });
  });

  it("leaves the traffic-shifting picks out of a rolling service, and the network out of a task definition that needs none", () => {
    const choices = createChoicesOf("demo", form({ targetGroupArn: BLUE, container: "shop:8080", alternateTargetGroupArn: GREEN }), false);
    expect(choices.loadBalancer).toEqual({ targetGroupArn: BLUE, containerName: "shop", containerPort: "8080" });
    expect(choices.network).toBeUndefined();
  });

  it("says at each field what a canary without its rule, and an out-of-range step, need", () => {
    const choices = createChoicesOf("demo", form({ strategy: "canary", targetGroupArn: BLUE, container: "shop:8080", settings: { ...form().settings, canaryPercent: "150" } }), true);
    const checked = checkChoices(createServiceChoices, choices);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.fieldErrors).toMatchObject({
      "strategy.canary.canaryPercent": "Canary traffic must be at most 100 %.",
    });
    const withoutRule = checkChoices(createServiceChoices, createChoicesOf("demo", form({ strategy: "linear", targetGroupArn: BLUE, container: "shop:8080", alternateTargetGroupArn: GREEN }), true));
    expect(!withoutRule.ok && withoutRule.fieldErrors).toEqual({ "loadBalancer.productionListenerRule": "Pick the listener rule that carries production traffic." });
  });
});
