import { CreateRuleCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlb, createListener, createTargetGroup, FIXED_404, postQuery, VPC_ID } from "./elbv2-fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";

/**
 * The Query codec hands every leaf over as a string, so the handlers parse numbers, booleans,
 * lists and structures themselves: malformed input must be the caller's fault (400
 * ValidationError), never a 500. Raw HTTP, because the SDK would not send these.
 */
let local: TestEmulator;
let arns: { loadBalancer: string; targetGroup: string; listener: string; rule: string };

beforeAll(async () => {
  local = await startTestEmulator();
  const lb = await createAlb(local.elb, "malformed-alb");
  const group = await createTargetGroup(local.elb, "malformed-group");
  const listener = await createListener(local.elb, lb.LoadBalancerArn!, 21500, FIXED_404);
  const { Rules } = await local.elb.send(
    new CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority: 1, Conditions: [{ Field: "path-pattern", Values: ["/"] }], Actions: [FIXED_404] }),
  );
  arns = { loadBalancer: lb.LoadBalancerArn!, targetGroup: group.TargetGroupArn!, listener: listener.ListenerArn!, rule: Rules![0].RuleArn! };
});
afterAll(() => local.stop());

const post = (params: Record<string, string>) => postQuery(local.emulator.endpoint, params);

describe("malformed scalars", () => {
  it.each<[string, () => Record<string, string>]>([
    ["a PageSize that is not a number", () => ({ Action: "DescribeLoadBalancers", PageSize: "ten" })],
    ["a fractional port", () => ({ Action: "CreateTargetGroup", Name: "frac", Protocol: "HTTP", Port: "80.5", VpcId: VPC_ID })],
    ["a port beyond 2^53", () => ({ Action: "CreateTargetGroup", Name: "huge", Protocol: "HTTP", Port: "99999999999999999999", VpcId: VPC_ID })],
    ["a boolean that is not one", () => ({ Action: "ModifyTargetGroup", TargetGroupArn: arns.targetGroup, HealthCheckEnabled: "maybe" })],
    ["a priority with letters", () => ({ Action: "SetRulePriorities", "RulePriorities.member.1.RuleArn": arns.rule, "RulePriorities.member.1.Priority": "1st" })],
    ["a weight that is not a number", () => ({
      Action: "ModifyListener",
      ListenerArn: arns.listener,
      "DefaultActions.member.1.Type": "forward",
      "DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn": arns.targetGroup,
      "DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight": "heavy",
    })],
  ])("refuses %s with a ValidationError", async (_why, params) => {
    const { status, code } = await post(params());
    expect(status).toBe(400);
    expect(code).toBe("ValidationError");
  });
});

describe("malformed shapes", () => {
  it.each<[string, () => Record<string, string>]>([
    ["a structure where a string belongs", () => ({ Action: "DescribeTargetGroups", "Names.member.1.Name": "x" })],
    ["a string where a list belongs", () => ({ Action: "DescribeTags", ResourceArns: arns.loadBalancer })],
    ["a string where a structure belongs", () => ({ Action: "ModifyListener", ListenerArn: arns.listener, "DefaultActions.member.1": "forward" })],
    ["a list where a structure belongs", () => ({ Action: "ModifyTargetGroup", TargetGroupArn: arns.targetGroup, "Matcher.member.1": "200" })],
    ["a missing required name", () => ({ Action: "CreateLoadBalancer", "Subnets.member.1": "subnet-1", "Subnets.member.2": "subnet-2" })],
  ])("refuses %s with a ValidationError", async (_why, params) => {
    const { status, code } = await post(params());
    expect(status).toBe(400);
    expect(code).toBe("ValidationError");
  });
});

describe("mutated requests", () => {
  /** Valid requests; each parameter in turn is replaced by malformed values and shapes. */
  const valid = (): Array<Record<string, string>> => [
    { Action: "CreateLoadBalancer", Name: "fuzz-alb", "Subnets.member.1": "subnet-1", "Subnets.member.2": "subnet-2", "Tags.member.1.Key": "k", "Tags.member.1.Value": "v" },
    { Action: "CreateTargetGroup", Name: "fuzz-group", Protocol: "HTTP", Port: "80", VpcId: VPC_ID, HealthCheckIntervalSeconds: "10", "Matcher.HttpCode": "200" },
    { Action: "CreateListener", LoadBalancerArn: arns.loadBalancer, Protocol: "HTTP", Port: "21501", "DefaultActions.member.1.Type": "forward", "DefaultActions.member.1.TargetGroupArn": arns.targetGroup },
    {
      Action: "CreateRule",
      ListenerArn: arns.listener,
      Priority: "9",
      "Conditions.member.1.Field": "http-header",
      "Conditions.member.1.HttpHeaderConfig.HttpHeaderName": "X-A",
      "Conditions.member.1.HttpHeaderConfig.Values.member.1": "b",
      "Actions.member.1.Type": "fixed-response",
      "Actions.member.1.FixedResponseConfig.StatusCode": "200",
    },
    { Action: "RegisterTargets", TargetGroupArn: arns.targetGroup, "Targets.member.1.Id": "10.0.0.1", "Targets.member.1.Port": "80" },
    { Action: "DescribeTargetHealth", TargetGroupArn: arns.targetGroup, "Targets.member.1.Id": "10.0.0.1" },
    { Action: "ModifyTargetGroupAttributes", TargetGroupArn: arns.targetGroup, "Attributes.member.1.Key": "stickiness.enabled", "Attributes.member.1.Value": "true" },
    { Action: "AddTags", "ResourceArns.member.1": arns.rule, "Tags.member.1.Key": "k", "Tags.member.1.Value": "v" },
    { Action: "DescribeRules", ListenerArn: arns.listener, PageSize: "5" },
  ];
  const replacements = ["", "-1", "abc", "1.5", "1e3", "99999999999999999999", "true", "\u0000", "x".repeat(2000)];

  it("never answers a mutated request with a server error", async () => {
    const statuses = new Set<number>();
    for (const request of valid()) {
      for (const key of Object.keys(request).filter((name) => name !== "Action")) {
        const { [key]: original, ...rest } = request;
        const variants: Array<Record<string, string>> = [
          ...replacements.map((value) => ({ ...rest, [key]: value })),
          { ...rest, [`${key}.Inner`]: original },
          { ...rest, [`${key}.member.1`]: original },
          rest,
        ];
        for (const variant of variants) {
          const { status, body } = await post(variant);
          statuses.add(status);
          if (status >= 500) throw new Error(`${JSON.stringify(variant)} → ${status}: ${body}`);
        }
      }
    }
    expect(statuses.has(400)).toBe(true);
  });
});
