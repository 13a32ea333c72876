import {
  CreateRuleCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ModifyListenerCommand,
  ModifyRuleCommand,
  type Action,
  type LoadBalancer,
  type TargetGroup,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlb, createListener, createNlb, createTargetGroup, failure, FIXED_404, forwardTo, weighted } from "./elbv2-fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";

let local: TestEmulator;
let alb: LoadBalancer;
let groups: TargetGroup[];
let nextPort = 20000;

beforeAll(async () => {
  local = await startTestEmulator();
  alb = await createAlb(local.elb, "actions-alb");
  groups = [];
  for (let i = 1; i <= 6; i++) groups.push(await createTargetGroup(local.elb, `actions-group-${i}`));
});
afterAll(() => local.stop());

const arn = (index: number) => groups[index].TargetGroupArn!;

/** Creates a rule with `action` on a fresh listener and returns the rule's stored actions. */
async function storedActions(action: Action): Promise<Action[]> {
  const listener = await createListener(local.elb, alb.LoadBalancerArn!, nextPort++);
  await local.elb.send(
    new CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority: 1, Conditions: [{ Field: "path-pattern", Values: ["/"] }], Actions: [action] }),
  );
  const { Rules } = await local.elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }));
  return Rules![0].Actions!;
}

describe("forward actions", () => {
  it("store a lone TargetGroupArn as a ForwardConfig of weight 1 with stickiness off", async () => {
    expect(await storedActions(forwardTo(arn(0)))).toEqual([
      {
        Type: "forward",
        TargetGroupArn: arn(0),
        ForwardConfig: { TargetGroups: [{ TargetGroupArn: arn(0), Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } },
      },
    ]);
  });

  it("keep weighted groups, without a TargetGroupArn", async () => {
    expect(await storedActions(weighted([arn(0), 90], [arn(1), 10]))).toEqual([
      {
        Type: "forward",
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: arn(0), Weight: 90 },
            { TargetGroupArn: arn(1), Weight: 10 },
          ],
          TargetGroupStickinessConfig: { Enabled: false },
        },
      },
    ]);
  });

  it("accept the weights 0 and 999", async () => {
    const [action] = await storedActions(weighted([arn(0), 0], [arn(1), 999]));
    expect(action.ForwardConfig?.TargetGroups?.map((group) => group.Weight)).toEqual([0, 999]);
  });

  it("accept five groups", async () => {
    const [action] = await storedActions(weighted(...groups.slice(0, 5).map((group): [string, number] => [group.TargetGroupArn!, 20])));
    expect(action.ForwardConfig?.TargetGroups).toHaveLength(5);
  });

  it("refuse six groups", async () => {
    const six = weighted(...groups.map((group): [string, number] => [group.TargetGroupArn!, 1]));
    expect((await failure(storedActions(six))).name).toBe("TooManyTargetGroupsException");
  });

  it("accept a TargetGroupArn and a ForwardConfig that name the same single group", async () => {
    const action: Action = { Type: "forward", TargetGroupArn: arn(2), ForwardConfig: { TargetGroups: [{ TargetGroupArn: arn(2), Weight: 5 }] } };
    expect((await storedActions(action))[0]).toMatchObject({ TargetGroupArn: arn(2), ForwardConfig: { TargetGroups: [{ TargetGroupArn: arn(2), Weight: 5 }] } });
  });

  it("keep stickiness settings", async () => {
    const action: Action = {
      Type: "forward",
      ForwardConfig: {
        TargetGroups: [{ TargetGroupArn: arn(0), Weight: 1 }, { TargetGroupArn: arn(1), Weight: 1 }],
        TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 3600 },
      },
    };
    expect((await storedActions(action))[0].ForwardConfig?.TargetGroupStickinessConfig).toEqual({ Enabled: true, DurationSeconds: 3600 });
  });

  it.each<[string, () => Action]>([
    ["a weight of -1", () => weighted([arn(0), -1], [arn(1), 1])],
    ["a weight of 1000", () => weighted([arn(0), 1000], [arn(1), 1])],
    ["a TargetGroupArn that differs from the ForwardConfig", () => ({ ...weighted([arn(1), 1]), TargetGroupArn: arn(0) })],
    ["a TargetGroupArn beside two weighted groups", () => ({ ...weighted([arn(0), 1], [arn(1), 1]), TargetGroupArn: arn(0) })],
    ["the same group twice", () => weighted([arn(0), 1], [arn(0), 2])],
    ["no target group at all", () => ({ Type: "forward" })],
    ["stickiness on without a duration", () => ({ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: arn(0) }], TargetGroupStickinessConfig: { Enabled: true } } })],
    ["a stickiness duration over 7 days", () => ({ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: arn(0) }], TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 604801 } } })],
  ])("refuse %s", async (_why, action) => {
    expect((await failure(storedActions(action()))).name).toBe("ValidationError");
  });

  it("refuse an unknown target group", async () => {
    const unknown = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/ghost/0123456789abcdef";
    expect((await failure(storedActions(weighted([arn(0), 1], [unknown, 1])))).name).toBe("TargetGroupNotFoundException");
  });

  it("name exactly one group on an NLB", async () => {
    const nlb = await createNlb(local.elb, "actions-nlb");
    const tcp = [await createTargetGroup(local.elb, "actions-tcp-1", { Protocol: "TCP" }), await createTargetGroup(local.elb, "actions-tcp-2", { Protocol: "TCP" })];
    const listener = await createListener(local.elb, nlb.LoadBalancerArn!, nextPort++, forwardTo(tcp[0].TargetGroupArn!), { Protocol: "TCP" });
    const two = weighted([tcp[0].TargetGroupArn!, 1], [tcp[1].TargetGroupArn!, 1]);
    const error = await failure(local.elb.send(new ModifyListenerCommand({ ListenerArn: listener.ListenerArn, DefaultActions: [two] })));
    expect(error.name).toBe("ValidationError");
  });

  it("shift traffic by modifying a rule's weights, and both groups count as in use", async () => {
    const blue = await createTargetGroup(local.elb, "shift-blue");
    const green = await createTargetGroup(local.elb, "shift-green");
    const listener = await createListener(local.elb, alb.LoadBalancerArn!, nextPort++);
    const { Rules } = await local.elb.send(
      new CreateRuleCommand({
        ListenerArn: listener.ListenerArn,
        Priority: 1,
        Conditions: [{ Field: "path-pattern", Values: ["/*"] }],
        Actions: [weighted([blue.TargetGroupArn!, 100], [green.TargetGroupArn!, 0])],
      }),
    );
    const shifted = await local.elb.send(
      new ModifyRuleCommand({ RuleArn: Rules![0].RuleArn, Actions: [weighted([blue.TargetGroupArn!, 10], [green.TargetGroupArn!, 90])] }),
    );
    expect(shifted.Rules![0].Actions![0].ForwardConfig?.TargetGroups?.map((group) => group.Weight)).toEqual([10, 90]);
    const described = await local.elb.send(new DescribeTargetGroupsCommand({ Names: ["shift-blue", "shift-green"] }));
    expect(described.TargetGroups?.map((group) => group.LoadBalancerArns)).toEqual([[alb.LoadBalancerArn], [alb.LoadBalancerArn]]);
  });
});

describe("fixed-response and redirect actions", () => {
  it("keep a fixed response as given", async () => {
    expect(await storedActions(FIXED_404)).toEqual([FIXED_404]);
  });

  it("fill a redirect's unset parts with AWS's placeholders", async () => {
    const [action] = await storedActions({ Type: "redirect", RedirectConfig: { Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" } });
    expect(action.RedirectConfig).toEqual({ Protocol: "HTTPS", Port: "443", Host: "#{host}", Path: "/#{path}", Query: "#{query}", StatusCode: "HTTP_301" });
  });

  it.each<[string, Action, string]>([
    ["a 302 fixed response", { Type: "fixed-response", FixedResponseConfig: { StatusCode: "302" } }, "ValidationError"],
    ["an unknown content type", { Type: "fixed-response", FixedResponseConfig: { StatusCode: "200", ContentType: "image/png" } }, "ValidationError"],
    ["a message over 1024 characters", { Type: "fixed-response", FixedResponseConfig: { StatusCode: "200", MessageBody: "x".repeat(1025) } }, "ValidationError"],
    ["a redirect status of 303", { Type: "redirect", RedirectConfig: { Protocol: "HTTPS", StatusCode: "HTTP_303" as "HTTP_301" } }, "ValidationError"],
    ["a redirect to itself", { Type: "redirect", RedirectConfig: { StatusCode: "HTTP_302" } }, "InvalidLoadBalancerActionException"],
    ["a redirect path without a slash", { Type: "redirect", RedirectConfig: { Path: "home", StatusCode: "HTTP_302" } }, "ValidationError"],
    ["an authenticate action", { Type: "authenticate-oidc", AuthenticateOidcConfig: { Issuer: "i", AuthorizationEndpoint: "a", TokenEndpoint: "t", UserInfoEndpoint: "u", ClientId: "c" } }, "InvalidLoadBalancerActionException"],
    ["an unknown action type", { Type: "drop" as "forward" }, "ValidationError"],
  ])("refuse %s", async (_why, action, expected) => {
    expect((await failure(storedActions(action))).name).toBe(expected);
  });

  it("refuse a rule that mixes forward with another terminal action", async () => {
    const listener = await createListener(local.elb, alb.LoadBalancerArn!, nextPort++);
    const error = await failure(
      local.elb.send(
        new CreateRuleCommand({
          ListenerArn: listener.ListenerArn,
          Priority: 1,
          Conditions: [{ Field: "path-pattern", Values: ["/"] }],
          Actions: [{ ...forwardTo(arn(0)), Order: 1 }, { ...FIXED_404, Order: 2 }],
        }),
      ),
    );
    expect(error.name).toBe("InvalidLoadBalancerActionException");
  });
});
