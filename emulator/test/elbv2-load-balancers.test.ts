import {
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  DeleteLoadBalancerCommand,
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  ModifyLoadBalancerAttributesCommand,
  type LoadBalancer,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlb, createListener, createNlb, createTargetGroup, failure, forwardTo, SUBNETS } from "./elbv2-fixtures";
import { waitFor } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

const ARN_PREFIX = "arn:aws:elasticloadbalancing:us-east-1:000000000000";

async function describeByName(name: string): Promise<LoadBalancer> {
  const result = await local.elb.send(new DescribeLoadBalancersCommand({ Names: [name] }));
  return result.LoadBalancers![0];
}

async function attributesOf(loadBalancerArn: string): Promise<Record<string, string>> {
  const result = await local.elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: loadBalancerArn }));
  return Object.fromEntries(result.Attributes!.map((attribute) => [attribute.Key!, attribute.Value!]));
}

describe("CreateLoadBalancer", () => {
  it("creates an internet-facing ALB in one zone per subnet, provisioning at first", async () => {
    const lb = await createAlb(local.elb, "web-alb", { SecurityGroups: ["sg-0123abcd"] });
    expect(lb).toMatchObject({
      LoadBalancerName: "web-alb",
      Type: "application",
      Scheme: "internet-facing",
      IpAddressType: "ipv4",
      State: { Code: "provisioning" },
      CanonicalHostedZoneId: "Z35SXDOTRQ7X7K",
      SecurityGroups: ["sg-0123abcd"],
      AvailabilityZones: [
        { ZoneName: "us-east-1a", SubnetId: SUBNETS[0] },
        { ZoneName: "us-east-1b", SubnetId: SUBNETS[1] },
      ],
    });
    expect(lb.LoadBalancerArn).toMatch(new RegExp(`^${ARN_PREFIX}:loadbalancer/app/web-alb/[0-9a-f]{16}$`));
    expect(lb.DNSName).toMatch(/^web-alb-\d{10}\.us-east-1\.elb\.localhost$/);
    expect(lb.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(lb.CreatedTime).toBeInstanceOf(Date);
  });

  it("becomes active a few emulated seconds later", async () => {
    await createAlb(local.elb, "becomes-active");
    const active = await waitFor("the load balancer to become active", async () => {
      const lb = await describeByName("becomes-active");
      return lb.State?.Code === "active" ? lb : undefined;
    });
    expect(active.State).toEqual({ Code: "active" });
  });

  it("gives an ALB without security groups its VPC's default group, and prefixes internal DNS names", async () => {
    const lb = await createAlb(local.elb, "private-alb", { Scheme: "internal" });
    expect(lb.SecurityGroups).toHaveLength(1);
    expect(lb.SecurityGroups![0]).toMatch(/^sg-[0-9a-f]{17}$/);
    expect(lb.DNSName).toMatch(/^internal-private-alb-\d{10}\.us-east-1\.elb\.localhost$/);
  });

  it("creates an NLB in a single subnet, without security groups", async () => {
    const lb = await createNlb(local.elb, "tcp-nlb");
    expect(lb.LoadBalancerArn).toMatch(new RegExp(`^${ARN_PREFIX}:loadbalancer/net/tcp-nlb/([0-9a-f]{16})$`));
    const id = lb.LoadBalancerArn!.split("/").pop();
    expect(lb).toMatchObject({ Type: "network", CanonicalHostedZoneId: "Z26RNL4JYFTOTI", DNSName: `tcp-nlb-${id}.elb.us-east-1.localhost` });
    expect(lb.SecurityGroups).toBeUndefined();
  });

  it("answers a repeated create with the same settings with the existing load balancer", async () => {
    const first = await createAlb(local.elb, "repeat-alb");
    const second = await createAlb(local.elb, "repeat-alb");
    expect(second.LoadBalancerArn).toBe(first.LoadBalancerArn);
    expect(second.DNSName).toBe(first.DNSName);
  });

  it("refuses the same name with different settings", async () => {
    await createAlb(local.elb, "taken-alb");
    const error = await failure(createAlb(local.elb, "taken-alb", { Scheme: "internal" }));
    expect(error.name).toBe("DuplicateLoadBalancerNameException");
  });

  it.each([
    ["a name over 32 characters", "a".repeat(33)],
    ["a name starting with internal-", "internal-web"],
    ["a name starting with a hyphen", "-web"],
    ["a name ending with a hyphen", "web-"],
    ["a name with an underscore", "web_alb"],
  ])("refuses %s", async (_why, name) => {
    expect((await failure(createAlb(local.elb, name))).name).toBe("ValidationError");
  });

  it("needs two subnets for an ALB", async () => {
    const error = await failure(createAlb(local.elb, "one-subnet", { Subnets: [SUBNETS[0]] }));
    expect(error.name).toBe("ValidationError");
    expect(error.message).toContain("two different Availability Zones");
  });

  it.each([
    ["subnets and subnet mappings together", { SubnetMappings: [{ SubnetId: "subnet-99" }] }, "ValidationError"],
    ["a malformed subnet", { Subnets: ["subnet-1", "not-a-subnet"] }, "SubnetNotFoundException"],
    ["the same subnet twice", { Subnets: ["subnet-1", "subnet-1"] }, "ValidationError"],
    ["a malformed security group", { SecurityGroups: ["group-1"] }, "InvalidSecurityGroupException"],
    ["a Gateway Load Balancer", { Type: "gateway" as const }, "ValidationError"],
    ["an unknown scheme", { Scheme: "public" as "internal" }, "ValidationError"],
  ])("refuses %s", async (_why, extra, expected) => {
    expect((await failure(createAlb(local.elb, "refused-alb", extra))).name).toBe(expected);
  });

  it("accepts subnet mappings", async () => {
    const lb = await createAlb(local.elb, "mapped-alb", { Subnets: undefined, SubnetMappings: [{ SubnetId: "subnet-a1" }, { SubnetId: "subnet-b2" }] });
    expect(lb.AvailabilityZones?.map((zone) => zone.SubnetId)).toEqual(["subnet-a1", "subnet-b2"]);
  });
});

describe("DescribeLoadBalancers", () => {
  it("finds load balancers by name and by ARN", async () => {
    const lb = await createAlb(local.elb, "findable");
    expect((await describeByName("findable")).LoadBalancerArn).toBe(lb.LoadBalancerArn);
    const byArn = await local.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [lb.LoadBalancerArn!] }));
    expect(byArn.LoadBalancers?.map((found) => found.LoadBalancerName)).toEqual(["findable"]);
  });

  it("names the load balancers it cannot find", async () => {
    const error = await failure(local.elb.send(new DescribeLoadBalancersCommand({ Names: ["nowhere"] })));
    expect(error.name).toBe("LoadBalancerNotFoundException");
    expect(error.message).toBe("Load balancers '[nowhere]' not found");
  });

  it("refuses an unknown ARN, a malformed ARN, and names with ARNs", async () => {
    const unknown = `${ARN_PREFIX}:loadbalancer/app/ghost/0123456789abcdef`;
    expect((await failure(local.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [unknown] })))).name).toBe(
      "LoadBalancerNotFoundException",
    );
    expect((await failure(local.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: ["ghost"] })))).name).toBe("ValidationError");
    expect((await failure(local.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [unknown], Names: ["x"] })))).name).toBe(
      "ValidationError",
    );
  });

  it("pages with PageSize and Marker", async () => {
    const names = ["page-1", "page-2", "page-3", "page-4", "page-5"];
    for (const name of names) await createAlb(local.elb, name);
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await local.elb.send(new DescribeLoadBalancersCommand({ Names: names, PageSize: 2, Marker: marker }));
      expect(page.LoadBalancers!.length).toBeLessThanOrEqual(2);
      seen.push(...page.LoadBalancers!.map((lb) => lb.LoadBalancerName!));
      marker = page.NextMarker;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toEqual(names);
  });

  it.each([[0], [401]])("refuses PageSize %i", async (PageSize) => {
    expect((await failure(local.elb.send(new DescribeLoadBalancersCommand({ PageSize })))).name).toBe("ValidationError");
  });

  it("refuses a marker it did not hand out", async () => {
    expect((await failure(local.elb.send(new DescribeLoadBalancersCommand({ Marker: "not-a-marker" })))).name).toBe("ValidationError");
  });
});

describe("load balancer attributes", () => {
  it("starts with ALB defaults and round-trips a change", async () => {
    const lb = await createAlb(local.elb, "attributes-alb");
    const defaults = await attributesOf(lb.LoadBalancerArn!);
    expect(defaults).toMatchObject({
      "idle_timeout.timeout_seconds": "60",
      "deletion_protection.enabled": "false",
      "routing.http2.enabled": "true",
      "access_logs.s3.enabled": "false",
    });
    const modified = await local.elb.send(
      new ModifyLoadBalancerAttributesCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Attributes: [{ Key: "idle_timeout.timeout_seconds", Value: "120" }],
      }),
    );
    expect(modified.Attributes).toContainEqual({ Key: "idle_timeout.timeout_seconds", Value: "120" });
    expect(modified.Attributes).toHaveLength(Object.keys(defaults).length);
    expect((await attributesOf(lb.LoadBalancerArn!))["idle_timeout.timeout_seconds"]).toBe("120");
  });

  it("gives an NLB its own attributes", async () => {
    const lb = await createNlb(local.elb, "attributes-nlb");
    const attributes = await attributesOf(lb.LoadBalancerArn!);
    expect(attributes["load_balancing.cross_zone.enabled"]).toBe("false");
    expect(attributes["idle_timeout.timeout_seconds"]).toBeUndefined();
  });

  it.each([
    ["an unknown key", "no.such.attribute", "1"],
    ["an idle timeout of 0", "idle_timeout.timeout_seconds", "0"],
    ["a boolean that is not one", "deletion_protection.enabled", "yes"],
  ])("refuses %s", async (_why, Key, Value) => {
    const lb = await createAlb(local.elb, "attributes-alb");
    const error = await failure(
      local.elb.send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: lb.LoadBalancerArn, Attributes: [{ Key, Value }] })),
    );
    expect(error.name).toBe("ValidationError");
  });
});

describe("DeleteLoadBalancer", () => {
  it("refuses while deletion protection is on", async () => {
    const lb = await createAlb(local.elb, "protected-alb");
    const arn = lb.LoadBalancerArn!;
    await local.elb.send(
      new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: arn, Attributes: [{ Key: "deletion_protection.enabled", Value: "true" }] }),
    );
    expect((await failure(local.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: arn })))).name).toBe(
      "OperationNotPermittedException",
    );
    await local.elb.send(
      new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: arn, Attributes: [{ Key: "deletion_protection.enabled", Value: "false" }] }),
    );
    await local.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: arn }));
    expect((await failure(describeByName("protected-alb"))).name).toBe("LoadBalancerNotFoundException");
  });

  it("succeeds for a load balancer that does not exist", async () => {
    await expect(
      local.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: `${ARN_PREFIX}:loadbalancer/app/gone/0123456789abcdef` })),
    ).resolves.toBeDefined();
  });

  it("deletes its listeners, rules and tags, and frees its target groups", async () => {
    const lb = await createAlb(local.elb, "cascade-alb", { Tags: [{ Key: "team", Value: "web" }] });
    const group = await createTargetGroup(local.elb, "cascade-tg");
    const listener = await createListener(local.elb, lb.LoadBalancerArn!, 18080, forwardTo(group.TargetGroupArn!));
    const { Rules } = await local.elb.send(
      new CreateRuleCommand({
        ListenerArn: listener.ListenerArn,
        Priority: 10,
        Conditions: [{ Field: "path-pattern", Values: ["/api/*"] }],
        Actions: [forwardTo(group.TargetGroupArn!)],
      }),
    );
    await local.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lb.LoadBalancerArn }));

    expect((await failure(local.elb.send(new DescribeListenersCommand({ ListenerArns: [listener.ListenerArn!] })))).name).toBe(
      "ListenerNotFoundException",
    );
    expect((await failure(local.elb.send(new DescribeRulesCommand({ RuleArns: [Rules![0].RuleArn!] })))).name).toBe("RuleNotFoundException");
    expect((await failure(local.elb.send(new DescribeTagsCommand({ ResourceArns: [lb.LoadBalancerArn!] })))).name).toBe(
      "LoadBalancerNotFoundException",
    );
    const groups = await local.elb.send(new DescribeTargetGroupsCommand({ Names: ["cascade-tg"] }));
    expect(groups.TargetGroups![0].LoadBalancerArns).toEqual([]);
  });

  it("lets a deleted load balancer's name be used again", async () => {
    const first = await createAlb(local.elb, "reborn-alb");
    await local.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: first.LoadBalancerArn }));
    const second = await local.elb.send(new CreateLoadBalancerCommand({ Name: "reborn-alb", Subnets: SUBNETS, Scheme: "internal" }));
    expect(second.LoadBalancers![0].LoadBalancerArn).not.toBe(first.LoadBalancerArn);
  });
});
