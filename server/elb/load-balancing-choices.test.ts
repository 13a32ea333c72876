import type { Service } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoLoadBalancer, type DemoLoadBalancer } from "@/emulator/seed/load-balancer";
import { ruleLabel, rulesForTargetGroup, targetGroupLabel } from "@/lib/view-models/load-balancing";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs } from "@/server/aws/test-local-ecs";
import { expectAwsCalls } from "@/server/ecs/test-account";
import { readLoadBalancingChoices } from "./load-balancing-choices";

let local: CountedLocalEcs;
let demo: DemoLoadBalancer;

beforeAll(async () => {
  local = await startCountedLocalEcs();
  demo = await createDemoLoadBalancer(local.elb);
});
afterAll(() => local.stop());
measureEachTestAgainst(() => local);

describe("readLoadBalancingChoices", () => {
  it("lists the demo's load balancer, its target groups with who uses them, and its rules in words", async () => {
    const services: Service[] = [
      { serviceName: "api", loadBalancers: [{ targetGroupArn: demo.api.blue, advancedConfiguration: { alternateTargetGroupArn: demo.api.green, productionListenerRule: "", roleArn: "" } }] },
    ];
    const choices = await readLoadBalancingChoices(CONNECTION, services);

    expect(choices.error).toBeUndefined();
    expect(choices.loadBalancers).toEqual([expect.objectContaining({ name: "demo", type: "application", dnsName: expect.stringMatching(/^demo-.*\.elb\.localhost$/) })]);
    expect(choices.targetGroups.map((group) => [group.name, group.protocol, group.port, group.targetType, group.loadBalancerNames, group.usedBy])).toEqual([
      ["demo-api-blue", "HTTP", 9000, "ip", ["demo"], ["api"]],
      ["demo-api-green", "HTTP", 9000, "ip", ["demo"], ["api"]],
      ["demo-web-blue", "HTTP", 8080, "ip", ["demo"], []],
      ["demo-web-green", "HTTP", 8080, "ip", ["demo"], []],
    ]);
    const production = choices.rules.find((rule) => rule.arn === demo.api.productionRuleArn)!;
    expect(production).toMatchObject({ loadBalancerName: "demo", listener: "HTTP:80", priority: "10", isDefault: false, conditions: ["Host is api.*"] });
    expect(production.forwards.map((target) => [target.targetGroupName, target.weight])).toEqual([
      ["demo-api-blue", 1],
      ["demo-api-green", 0],
    ]);
    expect(ruleLabel(production)).toBe("demo HTTP:80 · priority 10 · Host is api.* → demo-api-blue 1, demo-api-green 0");
    expect(choices.rules.find((rule) => rule.arn === demo.api.testRuleArn)).toMatchObject({ listener: "HTTP:8080", conditions: ["Path is /*"] });
    // Two listeners, each with its rules and its default rule last.
    expect(choices.rules.map((rule) => `${rule.listener} ${rule.priority}`)).toEqual(["HTTP:80 10", "HTTP:80 20", "HTTP:80 30", "HTTP:80 default", "HTTP:8080 10", "HTTP:8080 default"]);
    expect(targetGroupLabel(choices.targetGroups[0])).toBe("demo-api-blue · HTTP:9000 · ip · demo · used by api");

    expectAwsCalls(local, {
      "elbv2:DescribeLoadBalancers": 1,
      "elbv2:DescribeTargetGroups": 1,
      "elbv2:DescribeListeners": 1,
      "elbv2:DescribeRules": 2,
    });
  });

  it("offers the rules that forward to a picked target group, and every forwarding rule before one is picked", async () => {
    const { rules } = await readLoadBalancingChoices(CONNECTION);
    expect(rulesForTargetGroup(rules, demo.web.blue).map((rule) => rule.priority)).toEqual(["20", "30"]);
    expect(rulesForTargetGroup(rules, undefined)).toHaveLength(4);
  });
});
