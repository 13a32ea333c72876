import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoLoadBalancer, type DemoLoadBalancer } from "@/emulator/seed/load-balancer";
import { describeService, registerWebApp } from "@/emulator/test/fixtures";
import type { CreateServiceChoicesInput } from "@/lib/deploy/create-choices";
import { measureEachTestAgainst, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { signInForTests } from "@/server/testing/sign-in";
import { createService } from "./create-service";
import { startShop } from "./test-shop";

const ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers";
const NETWORK = { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"], assignPublicIp: "ENABLED" as const };

describe("createService", () => {
  let local: CountedLocalEcs;
  let lb: DemoLoadBalancer;
  beforeAll(async () => {
    local = await startShop();
    lb = await createDemoLoadBalancer(local.elb);
    await registerWebApp(local.ecs, "checkout", "public.ecr.aws/slipway/checkout:1.0.0", [], { containerHealthCheck: false });
  });
  afterAll(() => local.stop());
  measureEachTestAgainst(() => local);

  const canary = (overrides: Partial<CreateServiceChoicesInput> = {}): CreateServiceChoicesInput => ({
    cluster: "shop",
    serviceName: "checkout",
    taskDefinition: "checkout:1",
    desiredCount: "2",
    placement: { kind: "capacity-providers", capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: "1", base: "0" }] },
    network: NETWORK,
    loadBalancer: {
      targetGroupArn: lb.api.blue,
      containerName: "app",
      containerPort: "8080",
      alternateTargetGroupArn: lb.api.green,
      productionListenerRule: lb.api.productionRuleArn,
      testListenerRule: lb.api.testRuleArn,
      roleArn: ROLE,
    },
    strategy: { kind: "canary", canary: { canaryPercent: "20", canaryBakeTimeMinutes: "3", bakeTimeMinutes: "2" } },
    ...overrides,
  });

  it("creates the service behind the load balancer with its canary strategy, and names what it did", async () => {
    const result = await createService(canary());

    if (!result.ok) throw new Error(`expected a service, got ${result.error.message}: ${JSON.stringify(result.fieldErrors)}`);
    expect(result.message).toBe("checkout created: 2 tasks of checkout:1 behind demo-api-blue.");
    const service = await describeService(local.ecs, "shop", "checkout");
    expect(result.value.serviceArn).toBe(service.serviceArn);
    expect(service).toMatchObject({
      desiredCount: 2,
      capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }],
      deploymentConfiguration: { strategy: "CANARY", bakeTimeInMinutes: 2, canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 3 } },
      networkConfiguration: { awsvpcConfiguration: { subnets: NETWORK.subnets, securityGroups: NETWORK.securityGroups, assignPublicIp: "ENABLED" } },
    });
    expect(service.loadBalancers).toEqual([
      {
        targetGroupArn: lb.api.blue,
        containerName: "app",
        containerPort: 8080,
        advancedConfiguration: { alternateTargetGroupArn: lb.api.green, productionListenerRule: lb.api.productionRuleArn, testListenerRule: lb.api.testRuleArn, roleArn: ROLE },
      },
    ]);
    expect(local.calls("CreateService")).toBe(1);
  });

  it("refuses a canary without its alternate target group at that field, and creates nothing", async () => {
    const { alternateTargetGroupArn: _left, ...withoutAlternate } = canary().loadBalancer!;
    const result = await createService(canary({ serviceName: "cart", loadBalancer: withoutAlternate }));
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input" }, fieldErrors: { "loadBalancer.alternateTargetGroupArn": "Pick the alternate target group the new tasks register in." } });
    expect(local.calls("CreateService")).toBe(0);
    expect((await describeService(local.ecs, "shop", "cart").catch(() => undefined))?.status).not.toBe("ACTIVE");
  });

  it("refuses an out-of-range canary percent at its field", async () => {
    const result = await createService(canary({ serviceName: "cart", strategy: { kind: "canary", canary: { canaryPercent: "0" } } }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { "strategy.canary.canaryPercent": "Canary traffic must be at least 0.1 %." } });
    expect(local.calls("CreateService")).toBe(0);
  });

  it("refuses a name the cluster already has at the name field", async () => {
    const result = await createService({ ...canary({ serviceName: "web", loadBalancer: undefined }), strategy: { kind: "rolling" } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { serviceName: "shop already has a service web; the name is taken: pick another name." } });
    expect(local.calls("CreateService")).toBe(0);
  });

  it("refuses a viewer with 403 and creates nothing", async () => {
    await signInForTests({ id: "vera", name: "Vera", roles: ["viewer"] });
    await expect(createService(canary({ serviceName: "cart" }))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    expect(local.calls("CreateService") + local.calls("DescribeServices")).toBe(0);
  });
});
