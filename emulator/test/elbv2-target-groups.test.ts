import {
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteListenerCommand,
  DeleteTargetGroupCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  ModifyRuleCommand,
  ModifyTargetGroupAttributesCommand,
  ModifyTargetGroupCommand,
  type CreateTargetGroupCommandInput,
  type TargetGroup,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlb, createListener, createTargetGroup, failure, FIXED_404, forwardTo, VPC_ID } from "./elbv2-fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const UNKNOWN_GROUP = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/ghost/0123456789abcdef";

async function describeGroup(name: string): Promise<TargetGroup> {
  return (await local.elb.send(new DescribeTargetGroupsCommand({ Names: [name] }))).TargetGroups![0];
}

async function attributesOf(targetGroupArn: string): Promise<Record<string, string>> {
  const result = await local.elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: targetGroupArn }));
  return Object.fromEntries(result.Attributes!.map((attribute) => [attribute.Key!, attribute.Value!]));
}

describe("CreateTargetGroup", () => {
  it("gives an HTTP group ALB's default health check", async () => {
    const group = await createTargetGroup(local.elb, "http-defaults", { TargetType: undefined });
    expect(group).toMatchObject({
      TargetGroupName: "http-defaults",
      Protocol: "HTTP",
      Port: 8080,
      VpcId: VPC_ID,
      TargetType: "instance",
      ProtocolVersion: "HTTP1",
      HealthCheckEnabled: true,
      HealthCheckProtocol: "HTTP",
      HealthCheckPort: "traffic-port",
      HealthCheckPath: "/",
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: "200" },
      LoadBalancerArns: [],
    });
    expect(group.TargetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup\/http-defaults\/[0-9a-f]{16}$/);
  });

  it("gives a TCP group a TCP health check with a 10-second timeout", async () => {
    const group = await createTargetGroup(local.elb, "tcp-defaults", { Protocol: "TCP" });
    expect(group).toMatchObject({ HealthCheckProtocol: "TCP", HealthCheckTimeoutSeconds: 10, HealthCheckIntervalSeconds: 30 });
    expect(group.HealthCheckPath).toBeUndefined();
    expect(group.Matcher).toBeUndefined();
  });

  it("creates a Lambda group without protocol, port or VPC, health checks off", async () => {
    const result = await local.elb.send(new CreateTargetGroupCommand({ Name: "lambda-group", TargetType: "lambda" }));
    const group = result.TargetGroups![0];
    expect(group).toMatchObject({ TargetType: "lambda", HealthCheckEnabled: false, HealthCheckIntervalSeconds: 35, HealthCheckTimeoutSeconds: 30 });
    expect(group.Protocol).toBeUndefined();
    const error = await failure(local.elb.send(new CreateTargetGroupCommand({ Name: "lambda-port", TargetType: "lambda", Port: 80 })));
    expect(error.name).toBe("ValidationError");
  });

  it("keeps health-check settings the client chose", async () => {
    const group = await createTargetGroup(local.elb, "custom-check", {
      HealthCheckPath: "/health",
      HealthCheckIntervalSeconds: 5,
      HealthCheckTimeoutSeconds: 2,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      HealthCheckPort: "9000",
      Matcher: { HttpCode: "200-299" },
    });
    expect(group).toMatchObject({
      HealthCheckPath: "/health",
      HealthCheckIntervalSeconds: 5,
      HealthCheckTimeoutSeconds: 2,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      HealthCheckPort: "9000",
      Matcher: { HttpCode: "200-299" },
    });
  });

  it.each<[string, Partial<CreateTargetGroupCommandInput>]>([
    ["an interval under 5", { HealthCheckIntervalSeconds: 4 }],
    ["an interval over 300", { HealthCheckIntervalSeconds: 301 }],
    ["a timeout under 2", { HealthCheckTimeoutSeconds: 1 }],
    ["a timeout over 120", { HealthCheckTimeoutSeconds: 121 }],
    ["a timeout not shorter than the interval", { HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 10 }],
    ["a healthy threshold of 1", { HealthyThresholdCount: 1 }],
    ["an unhealthy threshold of 11", { UnhealthyThresholdCount: 11 }],
    ["a matcher outside 200-499", { Matcher: { HttpCode: "500" } }],
    ["a malformed matcher", { Matcher: { HttpCode: "2xx" } }],
    ["a path without a leading slash", { HealthCheckPath: "health" }],
    ["health-check port 0", { HealthCheckPort: "0" }],
    ["a TCP health check of an HTTP group", { HealthCheckProtocol: "TCP" }],
    ["disabled health checks for IP targets", { HealthCheckEnabled: false }],
    ["no protocol", { Protocol: undefined }],
    ["no port", { Port: undefined }],
    ["no VPC", { VpcId: undefined }],
    ["port 0", { Port: 0 }],
    ["an unknown protocol", { Protocol: "SMTP" as "HTTP" }],
    ["a name over 32 characters", { Name: "n".repeat(33) }],
    ["a name ending with a hyphen", { Name: "group-" }],
    ["a name with a dot", { Name: "group.one" }],
  ])("refuses %s", async (_why, extra) => {
    expect((await failure(createTargetGroup(local.elb, "refused-group", extra))).name).toBe("ValidationError");
  });

  it("answers a repeated create with the same settings with the existing group, and refuses different ones", async () => {
    const first = await createTargetGroup(local.elb, "repeat-group");
    expect((await createTargetGroup(local.elb, "repeat-group")).TargetGroupArn).toBe(first.TargetGroupArn);
    const error = await failure(createTargetGroup(local.elb, "repeat-group", { Port: 9090 }));
    expect(error.name).toBe("DuplicateTargetGroupNameException");
  });
});

describe("DescribeTargetGroups", () => {
  it("finds groups by name, ARN and load balancer", async () => {
    const group = await createTargetGroup(local.elb, "described-group");
    expect((await describeGroup("described-group")).TargetGroupArn).toBe(group.TargetGroupArn);
    const byArn = await local.elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [group.TargetGroupArn!] }));
    expect(byArn.TargetGroups?.map((found) => found.TargetGroupName)).toEqual(["described-group"]);

    const lb = await createAlb(local.elb, "described-alb");
    await createListener(local.elb, lb.LoadBalancerArn!, 18081, forwardTo(group.TargetGroupArn!));
    const byBalancer = await local.elb.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    expect(byBalancer.TargetGroups?.map((found) => found.TargetGroupName)).toEqual(["described-group"]);
  });

  it("refuses unknown groups and mixed selectors", async () => {
    expect((await failure(local.elb.send(new DescribeTargetGroupsCommand({ Names: ["nope"] })))).name).toBe("TargetGroupNotFoundException");
    expect((await failure(local.elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [UNKNOWN_GROUP] })))).name).toBe(
      "TargetGroupNotFoundException",
    );
    const mixed = new DescribeTargetGroupsCommand({ Names: ["a"], TargetGroupArns: [UNKNOWN_GROUP] });
    expect((await failure(local.elb.send(mixed))).name).toBe("ValidationError");
  });

  it("pages with PageSize and Marker", async () => {
    const names = ["tg-page-1", "tg-page-2", "tg-page-3"];
    for (const name of names) await createTargetGroup(local.elb, name);
    const first = await local.elb.send(new DescribeTargetGroupsCommand({ Names: names, PageSize: 2 }));
    expect(first.TargetGroups?.map((group) => group.TargetGroupName)).toEqual(names.slice(0, 2));
    const second = await local.elb.send(new DescribeTargetGroupsCommand({ Names: names, PageSize: 2, Marker: first.NextMarker }));
    expect(second.TargetGroups?.map((group) => group.TargetGroupName)).toEqual(names.slice(2));
    expect(second.NextMarker).toBeUndefined();
  });
});

describe("ModifyTargetGroup", () => {
  it("changes the health check and keeps everything else", async () => {
    const group = await createTargetGroup(local.elb, "modified-group");
    const { TargetGroups } = await local.elb.send(
      new ModifyTargetGroupCommand({ TargetGroupArn: group.TargetGroupArn, HealthCheckPath: "/ready", HealthCheckIntervalSeconds: 10 }),
    );
    expect(TargetGroups![0]).toMatchObject({ HealthCheckPath: "/ready", HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 5, Port: 8080 });
    expect(await describeGroup("modified-group")).toEqual(TargetGroups![0]);
  });

  it("refuses settings that break the health-check rules, and unknown groups", async () => {
    const group = await createTargetGroup(local.elb, "modified-group-2");
    const tooShort = new ModifyTargetGroupCommand({ TargetGroupArn: group.TargetGroupArn, HealthCheckIntervalSeconds: 5 });
    expect((await failure(local.elb.send(tooShort))).name).toBe("ValidationError");
    const unknown = new ModifyTargetGroupCommand({ TargetGroupArn: UNKNOWN_GROUP, HealthCheckPath: "/" });
    expect((await failure(local.elb.send(unknown))).name).toBe("TargetGroupNotFoundException");
  });
});

describe("target group attributes", () => {
  it("starts with ALB's defaults", async () => {
    const group = await createTargetGroup(local.elb, "attribute-group");
    expect(await attributesOf(group.TargetGroupArn!)).toMatchObject({
      "deregistration_delay.timeout_seconds": "300",
      "stickiness.enabled": "false",
      "stickiness.type": "lb_cookie",
      "stickiness.lb_cookie.duration_seconds": "86400",
      "load_balancing.algorithm.type": "round_robin",
      "slow_start.duration_seconds": "0",
    });
  });

  it("round-trips changes and returns every attribute", async () => {
    const group = await createTargetGroup(local.elb, "attribute-group-2");
    const before = await attributesOf(group.TargetGroupArn!);
    const result = await local.elb.send(
      new ModifyTargetGroupAttributesCommand({
        TargetGroupArn: group.TargetGroupArn,
        Attributes: [
          { Key: "deregistration_delay.timeout_seconds", Value: "0" },
          { Key: "stickiness.enabled", Value: "true" },
          { Key: "stickiness.lb_cookie.duration_seconds", Value: "604800" },
          { Key: "slow_start.duration_seconds", Value: "30" },
        ],
      }),
    );
    expect(result.Attributes).toHaveLength(Object.keys(before).length);
    expect(await attributesOf(group.TargetGroupArn!)).toMatchObject({
      "deregistration_delay.timeout_seconds": "0",
      "stickiness.enabled": "true",
      "stickiness.lb_cookie.duration_seconds": "604800",
      "slow_start.duration_seconds": "30",
      "load_balancing.algorithm.type": "round_robin",
    });
  });

  it.each([
    ["an unknown key", "stickiness.colour", "blue"],
    ["a deregistration delay over 3600", "deregistration_delay.timeout_seconds", "3601"],
    ["a negative deregistration delay", "deregistration_delay.timeout_seconds", "-1"],
    ["a cookie duration of 0", "stickiness.lb_cookie.duration_seconds", "0"],
    ["a slow start of 10 seconds", "slow_start.duration_seconds", "10"],
    ["an unknown algorithm", "load_balancing.algorithm.type", "random"],
    ["an NLB stickiness type on an ALB group", "stickiness.type", "source_ip"],
  ])("refuses %s", async (_why, Key, Value) => {
    const group = await createTargetGroup(local.elb, "attribute-group-3");
    const command = new ModifyTargetGroupAttributesCommand({ TargetGroupArn: group.TargetGroupArn, Attributes: [{ Key, Value }] });
    expect((await failure(local.elb.send(command))).name).toBe("ValidationError");
  });
});

describe("DeleteTargetGroup", () => {
  it("refuses while a listener forwards to the group, then deletes it", async () => {
    const group = await createTargetGroup(local.elb, "busy-group");
    const lb = await createAlb(local.elb, "busy-alb");
    const listener = await createListener(local.elb, lb.LoadBalancerArn!, 18082, forwardTo(group.TargetGroupArn!));
    const error = await failure(local.elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: group.TargetGroupArn })));
    expect(error.name).toBe("ResourceInUseException");
    expect(error.message).toContain(group.TargetGroupArn);

    await local.elb.send(new DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
    await local.elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: group.TargetGroupArn }));
    expect((await failure(describeGroup("busy-group"))).name).toBe("TargetGroupNotFoundException");
  });

  it("succeeds for a group that does not exist", async () => {
    await expect(local.elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: UNKNOWN_GROUP }))).resolves.toBeDefined();
  });
});

describe("LoadBalancerArns", () => {
  it("follows the listeners and rules that forward to a group", async () => {
    const lb = await createAlb(local.elb, "linking-alb");
    const main = await createTargetGroup(local.elb, "linked-main");
    const other = await createTargetGroup(local.elb, "linked-other");
    const listener = await createListener(local.elb, lb.LoadBalancerArn!, 18083, FIXED_404);
    expect((await describeGroup("linked-main")).LoadBalancerArns).toEqual([]);

    const { Rules } = await local.elb.send(
      new CreateRuleCommand({
        ListenerArn: listener.ListenerArn,
        Priority: 1,
        Conditions: [{ Field: "path-pattern", Values: ["/main/*"] }],
        Actions: [forwardTo(main.TargetGroupArn!)],
      }),
    );
    expect((await describeGroup("linked-main")).LoadBalancerArns).toEqual([lb.LoadBalancerArn]);

    await local.elb.send(new ModifyRuleCommand({ RuleArn: Rules![0].RuleArn, Actions: [forwardTo(other.TargetGroupArn!)] }));
    expect((await describeGroup("linked-main")).LoadBalancerArns).toEqual([]);
    expect((await describeGroup("linked-other")).LoadBalancerArns).toEqual([lb.LoadBalancerArn]);
  });
});
