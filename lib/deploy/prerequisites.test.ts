import { describe, expect, it } from "vitest";
import { BLUE, GREEN, plainLoadBalancer, rollingService, shiftingLoadBalancer } from "./fixtures";
import { availabilityOf, strategyAvailability } from "./prerequisites";

const whatIsMissing = (service: Parameters<typeof availabilityOf>[0], kind: Parameters<typeof availabilityOf>[1]) =>
  availabilityOf(service, kind).missing.map((missing) => missing.what);

describe("strategy prerequisites", () => {
  it("offers every strategy to a service with an alternate target group, a production rule and a role", () => {
    expect(strategyAvailability(rollingService()).map(({ kind, available }) => [kind, available])).toEqual([
      ["rolling", true],
      ["blueGreen", true],
      ["linear", true],
      ["canary", true],
    ]);
  });

  it("offers only rolling without a load balancer, and says why canary cannot be picked", () => {
    const service = rollingService({ loadBalancers: [] });
    expect(availabilityOf(service, "rolling").available).toBe(true);
    expect(availabilityOf(service, "canary")).toEqual({
      kind: "canary",
      available: false,
      missing: [{ what: "load-balancer", message: "Needs a load balancer: the service has no target group to shift traffic between." }],
      canSetUp: false,
    });
  });

  it("names all three missing pieces of a load balancer set up for rolling updates, which the deploy can set up", () => {
    expect(whatIsMissing(rollingService({ loadBalancers: [plainLoadBalancer] }), "linear")).toEqual(["alternate-target-group", "production-listener-rule", "traffic-role"]);
    expect(availabilityOf(rollingService({ loadBalancers: [plainLoadBalancer] }), "linear").canSetUp).toBe(true);
    expect(availabilityOf(rollingService({ loadBalancers: [plainLoadBalancer] }), "rolling").canSetUp).toBe(false);
  });

  it("names just the role when only the role is missing", () => {
    const lb = { ...shiftingLoadBalancer, advancedConfiguration: { ...shiftingLoadBalancer.advancedConfiguration, roleArn: undefined } };
    const { missing } = availabilityOf(rollingService({ loadBalancers: [lb] }), "blueGreen");
    expect(missing).toEqual([{ what: "traffic-role", message: "Needs the IAM role ECS uses to shift traffic, allowed to change the listener rules." }]);
  });

  it("says which target group lacks what when the service has two", () => {
    const second = { targetGroupArn: GREEN.replace("shop-green", "admin"), containerName: "shop", containerPort: 9090 };
    const { missing } = availabilityOf(rollingService({ loadBalancers: [shiftingLoadBalancer, second] }), "canary");
    expect(missing.map((m) => m.message)).toEqual([
      "Needs an alternate target group (for admin), where the new tasks register before traffic moves to them.",
      "Needs a production listener rule (for admin) (an ALB listener rule or an NLB listener) whose weights ECS shifts.",
      "Needs the IAM role ECS uses to shift traffic (for admin), allowed to change the listener rules.",
    ]);
  });

  it("refuses traffic shifting through a Classic Load Balancer, which no deploy can set up", () => {
    const classic = rollingService({ loadBalancers: [{ loadBalancerName: "legacy", containerName: "shop", containerPort: 80 }] });
    expect(whatIsMissing(classic, "canary")).toEqual(["target-group"]);
    expect(availabilityOf(classic, "canary").canSetUp).toBe(false);
  });

  it("offers nothing to a service another controller deploys, rolling included", () => {
    const service = rollingService({ deploymentController: { type: "CODE_DEPLOY" } });
    expect(strategyAvailability(service).every((entry) => !entry.available && entry.missing[0].what === "ecs-controller")).toBe(true);
    expect(availabilityOf(service, "rolling").missing[0].message).toContain("CodeDeploy");
  });

  it("counts a service with no controller named as ECS's", () => {
    expect(availabilityOf(rollingService({ deploymentController: undefined, loadBalancers: [{ ...plainLoadBalancer, targetGroupArn: BLUE }] }), "rolling").available).toBe(true);
  });
});
