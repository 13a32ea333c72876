import {
  CreateRuleCommand,
  DeleteRuleCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  ModifyRuleCommand,
  SetRulePrioritiesCommand,
  type Action,
  type Listener,
  type LoadBalancer,
  type Rule,
  type RuleCondition,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlb, createListener, createNlb, createTargetGroup, failure, FIXED_404, forwardTo } from "./elbv2-fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";

let local: TestEmulator;
let alb: LoadBalancer;
let nextPort = 19500;

beforeAll(async () => {
  local = await startTestEmulator();
  alb = await createAlb(local.elb, "rules-alb");
});
afterAll(() => local.stop());

const OK: Action = { Type: "fixed-response", FixedResponseConfig: { StatusCode: "200", ContentType: "text/plain", MessageBody: "ok" } };
const PATH = (path: string): RuleCondition => ({ Field: "path-pattern", Values: [path] });

async function newListener(loadBalancerArn = alb.LoadBalancerArn!): Promise<Listener> {
  return createListener(local.elb, loadBalancerArn, nextPort++);
}

async function createRule(listenerArn: string, priority: number, conditions: RuleCondition[] = [PATH(`/p${priority}`)], actions = [OK]): Promise<Rule> {
  const result = await local.elb.send(new CreateRuleCommand({ ListenerArn: listenerArn, Priority: priority, Conditions: conditions, Actions: actions }));
  return result.Rules![0];
}

async function rulesOf(listenerArn: string): Promise<Rule[]> {
  return (await local.elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn }))).Rules!;
}

describe("CreateRule", () => {
  it("creates a rule with AWS's shape", async () => {
    const listener = await newListener();
    const rule = await createRule(listener.ListenerArn!, 10);
    expect(rule).toEqual({ RuleArn: expect.any(String), Priority: "10", Conditions: [PATH("/p10")], Actions: [OK], IsDefault: false });
    expect(rule.RuleArn).toMatch(new RegExp(`^${listener.ListenerArn!.replace(":listener/", ":listener-rule/")}/[0-9a-f]{16}$`));
  });

  it.each<[string, RuleCondition]>([
    ["a legacy path pattern", { Field: "path-pattern", Values: ["/img/*"] }],
    ["path patterns in a config", { Field: "path-pattern", PathPatternConfig: { Values: ["/a/*", "/b/*"] } }],
    ["a legacy host header", { Field: "host-header", Values: ["*.example.com"] }],
    ["host headers in a config", { Field: "host-header", HostHeaderConfig: { Values: ["example.com", "www.example.com"] } }],
    ["a path regex", { Field: "path-pattern", PathPatternConfig: { RegexValues: ["^/v[0-9]+/"] } }],
    ["an HTTP header", { Field: "http-header", HttpHeaderConfig: { HttpHeaderName: "X-Canary", Values: ["yes"] } }],
    ["request methods", { Field: "http-request-method", HttpRequestMethodConfig: { Values: ["GET", "HEAD"] } }],
    ["a query string", { Field: "query-string", QueryStringConfig: { Values: [{ Key: "version", Value: "2" }, { Value: "beta" }] } }],
    ["source addresses", { Field: "source-ip", SourceIpConfig: { Values: ["10.0.0.0/8", "2001:db8::/32"] } }],
  ])("keeps %s as given", async (_why, condition) => {
    const listener = await newListener();
    const rule = await createRule(listener.ListenerArn!, 1, [condition]);
    expect(rule.Conditions).toEqual([condition]);
    expect((await rulesOf(listener.ListenerArn!))[0].Conditions).toEqual([condition]);
  });

  it.each<[string, RuleCondition[]]>([
    ["no conditions", []],
    ["an unknown field", [{ Field: "cookie", Values: ["a"] }]],
    ["two path-pattern conditions", [PATH("/a"), PATH("/b")]],
    ["two legacy values", [{ Field: "path-pattern", Values: ["/a", "/b"] }]],
    ["more than five condition values", [{ Field: "path-pattern", PathPatternConfig: { Values: ["/1", "/2", "/3", "/4", "/5", "/6"] } }]],
    ["a path over 128 characters", [PATH(`/${"x".repeat(128)}`)]],
    ["a host header with a space", [{ Field: "host-header", Values: ["bad host"] }]],
    ["a lowercase method", [{ Field: "http-request-method", HttpRequestMethodConfig: { Values: ["get"] } }]],
    ["a header condition without a name", [{ Field: "http-header", HttpHeaderConfig: { Values: ["x"] } }]],
    ["a query pair without a value", [{ Field: "query-string", QueryStringConfig: { Values: [{ Key: "a" }] } }]],
    ["a source address that is not a CIDR block", [{ Field: "source-ip", SourceIpConfig: { Values: ["10.0.0.1"] } }]],
    ["a regex that does not compile", [{ Field: "path-pattern", PathPatternConfig: { RegexValues: ["(unclosed"] } }]],
    ["a regex on a query string", [{ Field: "query-string", RegexValues: ["x"], QueryStringConfig: { Values: [{ Value: "a" }] } }]],
  ])("refuses %s", async (_why, conditions) => {
    const listener = await newListener();
    expect((await failure(createRule(listener.ListenerArn!, 1, conditions))).name).toBe("ValidationError");
  });

  it.each([[0], [50001]])("refuses priority %i", async (priority) => {
    const listener = await newListener();
    expect((await failure(createRule(listener.ListenerArn!, priority))).name).toBe("ValidationError");
  });

  it("refuses a priority the listener already uses, but not one another listener uses", async () => {
    const listener = await newListener();
    await createRule(listener.ListenerArn!, 7);
    expect((await failure(createRule(listener.ListenerArn!, 7, [PATH("/other")]))).name).toBe("PriorityInUseException");
    const other = await newListener();
    await expect(createRule(other.ListenerArn!, 7)).resolves.toMatchObject({ Priority: "7" });
  });

  it("refuses rules on an NLB listener and on unknown listeners", async () => {
    const nlb = await createNlb(local.elb, "rules-nlb");
    const group = await createTargetGroup(local.elb, "rules-nlb-group", { Protocol: "TCP" });
    const tcp = await createListener(local.elb, nlb.LoadBalancerArn!, nextPort++, forwardTo(group.TargetGroupArn!), { Protocol: "TCP" });
    expect((await failure(createRule(tcp.ListenerArn!, 1, [PATH("/")], [forwardTo(group.TargetGroupArn!)]))).name).toBe("ValidationError");
    const unknown = `${alb.LoadBalancerArn!.replace(":loadbalancer/", ":listener/")}/0123456789abcdef`;
    expect((await failure(createRule(unknown, 1))).name).toBe("ListenerNotFoundException");
  });

  it("stops at 100 rules per load balancer", async () => {
    const lb = await createAlb(local.elb, "crowded-alb");
    const listener = await newListener(lb.LoadBalancerArn!);
    for (let priority = 1; priority <= 100; priority++) await createRule(listener.ListenerArn!, priority);
    expect((await failure(createRule(listener.ListenerArn!, 101))).name).toBe("TooManyRulesException");
  });
});

describe("DescribeRules", () => {
  it("lists rules by priority with the default rule last, whose actions are the listener's", async () => {
    const listener = await newListener();
    await createRule(listener.ListenerArn!, 20);
    await createRule(listener.ListenerArn!, 3);
    const rules = await rulesOf(listener.ListenerArn!);
    expect(rules.map((rule) => rule.Priority)).toEqual(["3", "20", "default"]);
    expect(rules[2]).toEqual({ RuleArn: expect.any(String), Priority: "default", IsDefault: true, Conditions: [], Actions: listener.DefaultActions });
  });

  it("keeps the default rule's ARN stable", async () => {
    const listener = await newListener();
    const before = (await rulesOf(listener.ListenerArn!))[0].RuleArn;
    await createRule(listener.ListenerArn!, 1);
    expect((await rulesOf(listener.ListenerArn!))[1].RuleArn).toBe(before);
  });

  it("pages, and finds rules by ARN", async () => {
    const listener = await newListener();
    const created = [await createRule(listener.ListenerArn!, 1), await createRule(listener.ListenerArn!, 2)];
    const first = await local.elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn, PageSize: 2 }));
    expect(first.Rules?.map((rule) => rule.Priority)).toEqual(["1", "2"]);
    const second = await local.elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn, PageSize: 2, Marker: first.NextMarker }));
    expect(second.Rules?.map((rule) => rule.Priority)).toEqual(["default"]);
    const byArn = await local.elb.send(new DescribeRulesCommand({ RuleArns: [created[1].RuleArn!] }));
    expect(byArn.Rules).toEqual([created[1]]);
  });

  it("refuses unknown rules and a request naming neither a listener nor rules", async () => {
    const unknown = `${alb.LoadBalancerArn!.replace(":loadbalancer/", ":listener-rule/")}/0123456789abcdef/0123456789abcdef`;
    const error = await failure(local.elb.send(new DescribeRulesCommand({ RuleArns: [unknown] })));
    expect(error.name).toBe("RuleNotFoundException");
    expect((await failure(local.elb.send(new DescribeRulesCommand({})))).name).toBe("ValidationError");
  });
});

describe("ModifyRule", () => {
  it("changes conditions only, keeping the actions, and actions only, keeping the conditions", async () => {
    const listener = await newListener();
    const rule = await createRule(listener.ListenerArn!, 1);
    const withConditions = await local.elb.send(new ModifyRuleCommand({ RuleArn: rule.RuleArn, Conditions: [PATH("/new")] }));
    expect(withConditions.Rules![0]).toMatchObject({ Conditions: [PATH("/new")], Actions: [OK], Priority: "1" });
    const withActions = await local.elb.send(new ModifyRuleCommand({ RuleArn: rule.RuleArn, Actions: [FIXED_404] }));
    expect(withActions.Rules![0]).toMatchObject({ Conditions: [PATH("/new")], Actions: [FIXED_404] });
    expect((await rulesOf(listener.ListenerArn!))[0]).toEqual(withActions.Rules![0]);
  });

  it("changes the listener's default actions through the default rule", async () => {
    const listener = await newListener();
    const defaultRule = (await rulesOf(listener.ListenerArn!))[0];
    await local.elb.send(new ModifyRuleCommand({ RuleArn: defaultRule.RuleArn, Actions: [OK] }));
    const described = await local.elb.send(new DescribeListenersCommand({ ListenerArns: [listener.ListenerArn!] }));
    expect(described.Listeners![0].DefaultActions).toEqual([OK]);
  });

  it("refuses conditions on the default rule, an empty change, and unknown rules", async () => {
    const listener = await newListener();
    const defaultRule = (await rulesOf(listener.ListenerArn!))[0];
    const conditions = new ModifyRuleCommand({ RuleArn: defaultRule.RuleArn, Conditions: [PATH("/x")] });
    expect((await failure(local.elb.send(conditions))).name).toBe("OperationNotPermittedException");
    expect((await failure(local.elb.send(new ModifyRuleCommand({ RuleArn: defaultRule.RuleArn })))).name).toBe("ValidationError");
    const unknown = `${defaultRule.RuleArn!.slice(0, -16)}0123456789abcdef`;
    expect((await failure(local.elb.send(new ModifyRuleCommand({ RuleArn: unknown, Actions: [OK] })))).name).toBe("RuleNotFoundException");
  });
});

describe("DeleteRule", () => {
  it("deletes a rule but never the default rule", async () => {
    const listener = await newListener();
    const rule = await createRule(listener.ListenerArn!, 1);
    const defaultRule = (await rulesOf(listener.ListenerArn!))[1];
    expect((await failure(local.elb.send(new DeleteRuleCommand({ RuleArn: defaultRule.RuleArn })))).name).toBe("OperationNotPermittedException");
    await local.elb.send(new DeleteRuleCommand({ RuleArn: rule.RuleArn }));
    expect((await rulesOf(listener.ListenerArn!)).map((r) => r.Priority)).toEqual(["default"]);
    expect((await failure(local.elb.send(new DeleteRuleCommand({ RuleArn: rule.RuleArn })))).name).toBe("RuleNotFoundException");
  });
});

describe("SetRulePriorities", () => {
  it("swaps two priorities in one call", async () => {
    const listener = await newListener();
    const a = await createRule(listener.ListenerArn!, 1);
    const b = await createRule(listener.ListenerArn!, 2);
    const result = await local.elb.send(
      new SetRulePrioritiesCommand({ RulePriorities: [{ RuleArn: a.RuleArn, Priority: 2 }, { RuleArn: b.RuleArn, Priority: 1 }] }),
    );
    expect(result.Rules?.map((rule) => [rule.RuleArn, rule.Priority])).toEqual([[a.RuleArn, "2"], [b.RuleArn, "1"]]);
    expect((await rulesOf(listener.ListenerArn!)).map((rule) => rule.RuleArn)).toEqual([b.RuleArn, a.RuleArn, expect.any(String)]);
  });

  it("refuses a priority another rule keeps, the same priority twice, and the default rule", async () => {
    const listener = await newListener();
    const a = await createRule(listener.ListenerArn!, 1);
    const b = await createRule(listener.ListenerArn!, 2);
    const clash = new SetRulePrioritiesCommand({ RulePriorities: [{ RuleArn: a.RuleArn, Priority: 2 }] });
    expect((await failure(local.elb.send(clash))).name).toBe("PriorityInUseException");
    const twice = new SetRulePrioritiesCommand({ RulePriorities: [{ RuleArn: a.RuleArn, Priority: 5 }, { RuleArn: b.RuleArn, Priority: 5 }] });
    expect((await failure(local.elb.send(twice))).name).toBe("ValidationError");
    const defaultRule = (await rulesOf(listener.ListenerArn!))[2];
    const moveDefault = new SetRulePrioritiesCommand({ RulePriorities: [{ RuleArn: defaultRule.RuleArn, Priority: 9 }] });
    expect((await failure(local.elb.send(moveDefault))).name).toBe("OperationNotPermittedException");
    expect((await rulesOf(listener.ListenerArn!)).map((rule) => rule.Priority)).toEqual(["1", "2", "default"]);
  });
});
