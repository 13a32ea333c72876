import { describe, expect, it } from "vitest";
import { capacityStrategyLabel, deploymentStrategy, deploymentStrategyLabel, pausesForApproval } from "./strategy";

const pause = { targetType: "PAUSE" as const, lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT" as const] };

describe("deploymentStrategyLabel", () => {
  it("names each of ECS's strategies, with its step when it has one", () => {
    expect(deploymentStrategyLabel(undefined)).toBe("Rolling");
    expect(deploymentStrategyLabel({ minimumHealthyPercent: 100 })).toBe("Rolling");
    expect(deploymentStrategyLabel({ strategy: "BLUE_GREEN" })).toBe("Blue/green");
    expect(deploymentStrategyLabel({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 10 } })).toBe("Canary 10 %");
    expect(deploymentStrategyLabel({ strategy: "CANARY" })).toBe("Canary");
    expect(deploymentStrategyLabel({ strategy: "LINEAR", linearConfiguration: { stepPercent: 25 } })).toBe("Linear, 25 % steps");
  });

  it("says when a deployment pauses for approval", () => {
    const canary = { strategy: "CANARY" as const, canaryConfiguration: { canaryPercent: 5 }, lifecycleHooks: [pause] };
    expect(deploymentStrategyLabel(canary)).toBe("Canary 5 % with approval");
    const lambdaHookOnly = { strategy: "BLUE_GREEN" as const, lifecycleHooks: [{ targetType: "AWS_LAMBDA" as const, hookTargetArn: "arn:aws:lambda:us-east-1:123456789012:function:check" }] };
    expect(pausesForApproval(lambdaHookOnly)).toBe(false);
    expect(deploymentStrategyLabel(lambdaHookOnly)).toBe("Blue/green");
  });

  it("names the controller when ECS does not run the deployment", () => {
    expect(deploymentStrategyLabel({ strategy: "ROLLING" }, { type: "CODE_DEPLOY" })).toBe("CodeDeploy");
    expect(deploymentStrategyLabel(undefined, { type: "EXTERNAL" })).toBe("External");
    expect(deploymentStrategyLabel(undefined, { type: "ECS" })).toBe("Rolling");
  });

  it("takes ROLLING when no strategy is named, as ECS does", () => {
    expect(deploymentStrategy({})).toBe("ROLLING");
    expect(deploymentStrategy({ strategy: "LINEAR" })).toBe("LINEAR");
  });
});

describe("capacityStrategyLabel", () => {
  it("lists providers with weight and a base only when there is one", () => {
    expect(capacityStrategyLabel([{ capacityProvider: "FARGATE", weight: 1, base: 0 }])).toBe("FARGATE (weight 1)");
    expect(
      capacityStrategyLabel([
        { capacityProvider: "FARGATE", weight: 1, base: 2 },
        { capacityProvider: "FARGATE_SPOT", weight: 3 },
      ]),
    ).toBe("FARGATE (weight 1, base 2) + FARGATE_SPOT (weight 3)");
  });

  it("falls back on the launch type, or says there is none", () => {
    expect(capacityStrategyLabel([], "FARGATE")).toBe("FARGATE");
    expect(capacityStrategyLabel(undefined)).toBe("None");
  });
});
