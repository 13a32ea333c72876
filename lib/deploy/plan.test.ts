import type { DeploymentLifecycleHook } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { CHANGE_NOTE_TAG } from "@/lib/taskdef/registration";
import { deployChoices, type DeployChoicesInput } from "./choices";
import { createServiceChoices } from "./create-choices";
import { BLUE, GREEN, plainLoadBalancer, PRODUCTION_RULE, rollingService, shopRevision, TEST_RULE, TRAFFIC_ROLE } from "./fixtures";
import { planCreateService, planDeployment, withRegisteredRevision, type PlanResult } from "./plan";

const target = { cluster: "demo", service: "shop" };

function choices(strategy: unknown, source: DeployChoicesInput["source"] = { kind: "revision", taskDefinition: "shop:8" }) {
  return deployChoices.parse({ target, source, strategy });
}

function planOf(result: PlanResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.plan;
}

const LAMBDA_HOOK: DeploymentLifecycleHook = {
  targetType: "AWS_LAMBDA",
  hookTargetArn: "arn:aws:lambda:us-east-1:123456789012:function:smoke-test",
  roleArn: "arn:aws:iam::123456789012:role/hooks",
  lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"],
};

describe("planDeployment", () => {
  it("deploys a revision with a rolling update, keeping the alarms and setting the grace period", () => {
    const plan = planOf(planDeployment(choices({ kind: "rolling", rolling: { minimumHealthyPercent: 50, maximumPercent: 150, circuitBreaker: { enable: true, rollback: false }, healthCheckGracePeriodSeconds: 30 } }), rollingService()));
    expect(plan.registerTaskDefinition).toBeUndefined();
    expect(plan.updateService).toEqual({
      cluster: "demo",
      service: "shop",
      taskDefinition: "shop:8",
      forceNewDeployment: true,
      healthCheckGracePeriodSeconds: 30,
      deploymentConfiguration: {
        strategy: "ROLLING",
        minimumHealthyPercent: 50,
        maximumPercent: 150,
        deploymentCircuitBreaker: { enable: true, rollback: false },
        alarms: { alarmNames: ["shop-5xx"], enable: true, rollback: true },
      },
    });
    expect(plan.configurationBefore).toEqual(rollingService().deploymentConfiguration);
    expect(plan.configurationAfter).toBe(plan.updateService.deploymentConfiguration);
  });

  it("switches a rolling service to a canary with an approval gate, turning the circuit breaker off as ECS requires", () => {
    const plan = planOf(planDeployment(choices({ kind: "canary", canary: { canaryPercent: 10, canaryBakeTimeMinutes: 15, bakeTimeMinutes: 20, approval: { timeoutMinutes: 60 } } }), rollingService()));
    expect(plan.configurationAfter).toEqual({
      strategy: "CANARY",
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      alarms: { alarmNames: ["shop-5xx"], enable: true, rollback: true },
      deploymentCircuitBreaker: { enable: false, rollback: false },
      bakeTimeInMinutes: 20,
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 15 },
      lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 60, action: "ROLLBACK" } }],
    });
    expect(plan.updateService.healthCheckGracePeriodSeconds).toBeUndefined();
    expect(plan.updateService.loadBalancers).toBeUndefined();
  });

  it("sends linear settings and no canary ones", () => {
    const plan = planOf(planDeployment(choices({ kind: "linear", linear: { stepPercent: 25, stepBakeTimeMinutes: 2 } }), rollingService()));
    expect(plan.configurationAfter).toMatchObject({ strategy: "LINEAR", linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 2 }, bakeTimeInMinutes: 5, lifecycleHooks: [] });
    expect(plan.configurationAfter.canaryConfiguration).toBeUndefined();
  });

  it("leaves a canary's settings behind when going back to rolling, and keeps its breaker's threshold", () => {
    const canary = rollingService({
      deploymentConfiguration: {
        strategy: "CANARY",
        bakeTimeInMinutes: 5,
        canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 },
        lifecycleHooks: [LAMBDA_HOOK],
        deploymentCircuitBreaker: { enable: false, rollback: false, thresholdConfiguration: { type: "COUNT", value: 3 } },
      },
    });
    const after = planOf(planDeployment(choices({ kind: "rolling" }), canary)).configurationAfter;
    expect(after).toEqual({
      strategy: "ROLLING",
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      deploymentCircuitBreaker: { enable: true, rollback: true, thresholdConfiguration: { type: "COUNT", value: 3 } },
    });
  });

  it("keeps the service's Lambda hooks, replaces its approval, and removes it when none is chosen", () => {
    const paused = rollingService({
      deploymentConfiguration: {
        strategy: "BLUE_GREEN",
        bakeTimeInMinutes: 5,
        lifecycleHooks: [LAMBDA_HOOK, { targetType: "PAUSE", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"] }],
      },
    });
    const withApproval = planOf(planDeployment(choices({ kind: "blueGreen", blueGreen: { approval: { stage: "POST_PRODUCTION_TRAFFIC_SHIFT", timeoutAction: "CONTINUE" } } }), paused));
    expect(withApproval.configurationAfter.lifecycleHooks).toEqual([
      LAMBDA_HOOK,
      { targetType: "PAUSE", lifecycleStages: ["POST_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 1440, action: "CONTINUE" } },
    ]);
    const without = planOf(planDeployment(choices({ kind: "blueGreen" }), paused));
    expect(without.configurationAfter.lifecycleHooks).toEqual([LAMBDA_HOOK]);
  });

  it("sets blue/green's test listener rule on the load balancer, and sends no load balancers when it is already set", () => {
    const plan = planOf(planDeployment(choices({ kind: "blueGreen", blueGreen: { testListenerRule: TEST_RULE } }), rollingService()));
    expect(plan.updateService.loadBalancers).toEqual([
      {
        targetGroupArn: BLUE,
        containerName: "shop",
        containerPort: 8080,
        advancedConfiguration: { alternateTargetGroupArn: GREEN, productionListenerRule: PRODUCTION_RULE, roleArn: TRAFFIC_ROLE, testListenerRule: TEST_RULE },
      },
    ]);
    const already = rollingService({ loadBalancers: plan.updateService.loadBalancers });
    expect(planOf(planDeployment(choices({ kind: "blueGreen", blueGreen: { testListenerRule: TEST_RULE } }), already)).updateService.loadBalancers).toBeUndefined();
  });

  it("refuses a strategy the service is not set up for, at the strategy field", () => {
    expect(planDeployment(choices({ kind: "canary" }), rollingService({ loadBalancers: [] }))).toEqual({
      ok: false,
      fieldErrors: { "strategy.kind": "Needs a load balancer: the service has no target group to shift traffic between." },
    });
  });

  it("registers the current revision with the new images and the change note, then deploys that family", () => {
    const source = { kind: "new-images" as const, images: { shop: "public.ecr.aws/acme/shop:1.5.0" }, changeNote: " Checkout button fix " };
    const current = { taskDefinition: shopRevision(), tags: [{ key: "team", value: "shop" }, { key: CHANGE_NOTE_TAG, value: "old note" }] };
    const plan = planOf(planDeployment(choices({ kind: "rolling" }, source), rollingService(), current));
    const registration = plan.registerTaskDefinition!;
    expect(registration.containerDefinitions?.map((container) => container.image)).toEqual([
      "public.ecr.aws/acme/shop:1.5.0",
      "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0",
    ]);
    expect(registration.tags).toEqual([{ key: "team", value: "shop" }, { key: CHANGE_NOTE_TAG, value: "Checkout button fix" }]);
    expect(registration).not.toHaveProperty("taskDefinitionArn");
    expect(registration).not.toHaveProperty("revision");
    expect(plan.updateService.taskDefinition).toBe("shop");
    const arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/shop:9";
    expect(withRegisteredRevision(plan.updateService, arn)).toEqual({ ...plan.updateService, taskDefinition: arn });
  });

  it("refuses an image for a container the revision does not have, at that container", () => {
    const source = { kind: "new-images" as const, images: { shop: "acme/shop:2", worker: "acme/worker:2" } };
    expect(planDeployment(choices({ kind: "rolling" }, source), rollingService(), { taskDefinition: shopRevision() })).toEqual({
      ok: false,
      fieldErrors: { "source.images.worker": "shop has no container named worker." },
    });
  });
});

describe("planCreateService", () => {
  const base = {
    cluster: "demo",
    serviceName: "shop",
    taskDefinition: "shop:1",
    desiredCount: 2,
    placement: { kind: "capacity-providers", capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 }, { capacityProvider: "FARGATE", weight: 1, base: 1 }] },
    network: { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"], assignPublicIp: "ENABLED" },
    loadBalancer: { targetGroupArn: BLUE, containerName: "shop", containerPort: 8080, alternateTargetGroupArn: GREEN, productionListenerRule: PRODUCTION_RULE, roleArn: TRAFFIC_ROLE },
  };

  it("creates a canary service with the load balancer's traffic-shifting settings", () => {
    const input = planCreateService(createServiceChoices.parse({ ...base, strategy: { kind: "canary", canary: { approval: {} } } }));
    expect(input).toMatchObject({
      cluster: "demo",
      serviceName: "shop",
      taskDefinition: "shop:1",
      desiredCount: 2,
      capacityProviderStrategy: base.placement.capacityProviderStrategy,
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"], assignPublicIp: "ENABLED" } },
      loadBalancers: [{ targetGroupArn: BLUE, containerName: "shop", containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: GREEN, productionListenerRule: PRODUCTION_RULE, roleArn: TRAFFIC_ROLE } }],
      deploymentController: { type: "ECS" },
      deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 }, bakeTimeInMinutes: 5 },
    });
    expect(input.launchType).toBeUndefined();
    expect(input.healthCheckGracePeriodSeconds).toBeUndefined();
    expect(input.deploymentConfiguration?.lifecycleHooks).toHaveLength(1);
  });

  it("creates a rolling service on a launch type, without a load balancer or a network when none is chosen", () => {
    const input = planCreateService(createServiceChoices.parse({ ...base, placement: { kind: "launch-type", launchType: "FARGATE" }, network: undefined, loadBalancer: undefined, strategy: { kind: "rolling" } }));
    expect(input).toMatchObject({ launchType: "FARGATE", healthCheckGracePeriodSeconds: 0, deploymentConfiguration: { strategy: "ROLLING", deploymentCircuitBreaker: { enable: true, rollback: true } } });
    expect([input.capacityProviderStrategy, input.networkConfiguration, input.loadBalancers]).toEqual([undefined, undefined, undefined]);
  });

  it("uses the cluster's default capacity providers when told to, and takes blue/green's test rule", () => {
    const input = planCreateService(createServiceChoices.parse({ ...base, placement: { kind: "cluster-default" }, strategy: { kind: "blueGreen", blueGreen: { testListenerRule: TEST_RULE } } }));
    expect([input.launchType, input.capacityProviderStrategy]).toEqual([undefined, undefined]);
    expect(input.loadBalancers?.[0].advancedConfiguration?.testListenerRule).toBe(TEST_RULE);
  });
});

describe("planDeployment for a service that cannot shift traffic yet", () => {
  const plain = () => rollingService({ loadBalancers: [plainLoadBalancer] });
  const canary = { kind: "canary", canary: { canaryPercent: 10 } };
  const setup = { alternateTargetGroupArn: GREEN, productionListenerRule: PRODUCTION_RULE, roleArn: TRAFFIC_ROLE };

  it("sets up the alternate target group, the production rule and the role with the deployment", () => {
    const plan = planOf(planDeployment(deployChoices.parse({ target, source: { kind: "revision", taskDefinition: "shop:8" }, strategy: canary, trafficShifting: setup }), plain()));
    expect(plan.updateService.loadBalancers).toEqual([{ ...plainLoadBalancer, advancedConfiguration: setup }]);
    expect(plan.updateService.deploymentConfiguration).toMatchObject({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 10 } });
  });

  it("says what is missing when nothing is set up", () => {
    const result = planDeployment(choices(canary), plain());
    expect(result).toMatchObject({ ok: false, fieldErrors: { "strategy.kind": expect.stringContaining("Needs an alternate target group") } });
  });

  it("refuses the service's own target group as the alternate, at its field", () => {
    const result = planDeployment(deployChoices.parse({ target, source: { kind: "revision", taskDefinition: "shop:8" }, strategy: canary, trafficShifting: { ...setup, alternateTargetGroupArn: BLUE } }), plain());
    expect(result).toEqual({ ok: false, fieldErrors: { "trafficShifting.alternateTargetGroupArn": "The alternate target group must differ from the service's target group." } });
  });

  it("leaves a rolling deploy's load balancers alone, whatever was picked for traffic shifting", () => {
    const plan = planOf(planDeployment(deployChoices.parse({ target, source: { kind: "revision", taskDefinition: "shop:8" }, strategy: { kind: "rolling" }, trafficShifting: setup }), plain()));
    expect(plan.updateService.loadBalancers).toBeUndefined();
  });
});


describe("deployment alarms", () => {
  const revision = { kind: "revision" as const, taskDefinition: "shop:8" };

  it("watches the chosen alarms, rolling back on one in ALARM when asked", () => {
    const plan = planOf(planDeployment(deployChoices.parse({ target, source: revision, strategy: { kind: "rolling" }, alarms: { names: ["shop-5xx", "shop-latency"], rollback: false } }), rollingService()));
    expect(plan.updateService.deploymentConfiguration?.alarms).toEqual({ alarmNames: ["shop-5xx", "shop-latency"], enable: true, rollback: false });
  });

  it("switches the watching off when no alarm is chosen, and keeps the service's alarms when nothing is said", () => {
    const off = planOf(planDeployment(deployChoices.parse({ target, source: revision, strategy: { kind: "rolling" }, alarms: { names: [] } }), rollingService()));
    expect(off.updateService.deploymentConfiguration?.alarms).toEqual({ alarmNames: [], enable: false, rollback: false });
    const kept = planOf(planDeployment(deployChoices.parse({ target, source: revision, strategy: { kind: "canary" } }), rollingService()));
    expect(kept.updateService.deploymentConfiguration?.alarms).toEqual({ alarmNames: ["shop-5xx"], enable: true, rollback: true });
  });

  it("refuses an alarm named twice at its field", () => {
    expect(deployChoices.safeParse({ target, source: revision, strategy: { kind: "rolling" }, alarms: { names: ["a", "a"] } }).success).toBe(false);
  });
});
