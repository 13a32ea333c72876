import {
  AddTagsCommand,
  CreateRuleCommand,
  DeleteTargetGroupCommand,
  DescribeTagsCommand,
  RemoveTagsCommand,
  type Tag,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlb, createListener, createTargetGroup, failure, FIXED_404 } from "./elbv2-fixtures";
import { freePort } from "./child-emulator";
import { startTestEmulator, type TestEmulator } from "./harness";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

async function tagsOf(arn: string): Promise<Tag[]> {
  return (await local.elb.send(new DescribeTagsCommand({ ResourceArns: [arn] }))).TagDescriptions![0].Tags!;
}

const TEAM: Tag = { Key: "team", Value: "payments" };

describe("tags on create", () => {
  it("are kept for load balancers, target groups, listeners and rules", async () => {
    const lb = await createAlb(local.elb, "tagged-alb", { Tags: [TEAM] });
    const group = await createTargetGroup(local.elb, "tagged-group", { Tags: [TEAM] });
    const listener = await createListener(local.elb, lb.LoadBalancerArn!, 21000, FIXED_404, { Tags: [TEAM] });
    const { Rules } = await local.elb.send(
      new CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority: 1, Conditions: [{ Field: "path-pattern", Values: ["/"] }], Actions: [FIXED_404], Tags: [TEAM] }),
    );
    const arns = [lb.LoadBalancerArn!, group.TargetGroupArn!, Rules![0].RuleArn!];
    const { TagDescriptions } = await local.elb.send(new DescribeTagsCommand({ ResourceArns: arns }));
    expect(TagDescriptions).toEqual(arns.map((ResourceArn) => ({ ResourceArn, Tags: [TEAM] })));
    // The data plane adds a tag of its own to listeners: where they really answer.
    expect(await tagsOf(listener.ListenerArn!)).toContainEqual(TEAM);
  });

  it("refuse the same key twice", async () => {
    const error = await failure(createTargetGroup(local.elb, "twice-tagged", { Tags: [TEAM, { Key: "team", Value: "web" }] }));
    expect(error.name).toBe("DuplicateTagKeysException");
  });
});

describe("AddTags and RemoveTags", () => {
  it("add, overwrite by key, and remove", async () => {
    const group = await createTargetGroup(local.elb, "retagged-group", { Tags: [TEAM] });
    const arn = group.TargetGroupArn!;
    await local.elb.send(new AddTagsCommand({ ResourceArns: [arn], Tags: [{ Key: "team", Value: "web" }, { Key: "stage", Value: "" }] }));
    expect(await tagsOf(arn)).toEqual([{ Key: "team", Value: "web" }, { Key: "stage", Value: "" }]);
    await local.elb.send(new RemoveTagsCommand({ ResourceArns: [arn], TagKeys: ["team", "not-there"] }));
    expect(await tagsOf(arn)).toEqual([{ Key: "stage", Value: "" }]);
  });

  it("tag several resources at once", async () => {
    const a = await createTargetGroup(local.elb, "multi-a");
    const b = await createTargetGroup(local.elb, "multi-b");
    await local.elb.send(new AddTagsCommand({ ResourceArns: [a.TargetGroupArn!, b.TargetGroupArn!], Tags: [TEAM] }));
    expect(await tagsOf(a.TargetGroupArn!)).toEqual([TEAM]);
    expect(await tagsOf(b.TargetGroupArn!)).toEqual([TEAM]);
  });

  it("stop at 50 tags a resource, writing nothing", async () => {
    const group = await createTargetGroup(local.elb, "full-group");
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: `${i}` }));
    await local.elb.send(new AddTagsCommand({ ResourceArns: [group.TargetGroupArn!], Tags: fifty }));
    const error = await failure(local.elb.send(new AddTagsCommand({ ResourceArns: [group.TargetGroupArn!], Tags: [{ Key: "one-more", Value: "x" }] })));
    expect(error.name).toBe("TooManyTagsException");
    expect(await tagsOf(group.TargetGroupArn!)).toHaveLength(50);
  });

  it.each<[string, Tag[]]>([
    ["an aws: key", [{ Key: "aws:owner", Value: "x" }]],
    ["an empty key", [{ Key: "", Value: "x" }]],
    ["a key over 128 characters", [{ Key: "k".repeat(129), Value: "x" }]],
    ["a value over 256 characters", [{ Key: "k", Value: "v".repeat(257) }]],
    ["no tags", []],
  ])("refuse %s", async (_why, Tags) => {
    const group = await createTargetGroup(local.elb, "invalid-tags");
    expect((await failure(local.elb.send(new AddTagsCommand({ ResourceArns: [group.TargetGroupArn!], Tags })))).name).toBe("ValidationError");
  });
});

describe("local ECS's own listener tag", () => {
  it("tells where a listener answers, cannot be changed or removed, and does not count toward the 50", async () => {
    const lb = await createAlb(local.elb, "reserved-tags");
    const listener = await createListener(local.elb, lb.LoadBalancerArn!, await freePort());
    const address = (await tagsOf(listener.ListenerArn!)).find((tag) => tag.Key === "local-ecs:address")!;
    expect(address.Value).toMatch(/^http:\/\/reserved-tags-\d+\.us-east-1\.elb\.localhost:\d+$/);
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: `${i}` }));
    await local.elb.send(new AddTagsCommand({ ResourceArns: [listener.ListenerArn!], Tags: fifty }));
    expect(await tagsOf(listener.ListenerArn!)).toHaveLength(51);
    const overwrite = await failure(local.elb.send(new AddTagsCommand({ ResourceArns: [listener.ListenerArn!], Tags: [{ Key: "local-ecs:address", Value: "x" }] })));
    expect(overwrite.name).toBe("ValidationError");
    const removal = await failure(local.elb.send(new RemoveTagsCommand({ ResourceArns: [listener.ListenerArn!], TagKeys: ["local-ecs:address"] })));
    expect(removal.name).toBe("ValidationError");
    expect((await tagsOf(listener.ListenerArn!)).find((tag) => tag.Key === "local-ecs:address")).toEqual(address);
  });
});

describe("DescribeTags", () => {
  it("names the kind of resource it cannot find", async () => {
    const prefix = "arn:aws:elasticloadbalancing:us-east-1:000000000000";
    const cases: Array<[string, string]> = [
      [`${prefix}:loadbalancer/app/ghost/0123456789abcdef`, "LoadBalancerNotFoundException"],
      [`${prefix}:targetgroup/ghost/0123456789abcdef`, "TargetGroupNotFoundException"],
      [`${prefix}:listener/app/ghost/0123456789abcdef/0123456789abcdef`, "ListenerNotFoundException"],
      [`${prefix}:listener-rule/app/ghost/0123456789abcdef/0123456789abcdef/0123456789abcdef`, "RuleNotFoundException"],
      ["not-an-arn", "ValidationError"],
    ];
    for (const [arn, expected] of cases) {
      expect((await failure(local.elb.send(new DescribeTagsCommand({ ResourceArns: [arn] })))).name).toBe(expected);
    }
  });

  it("takes at most 20 resources", async () => {
    const group = await createTargetGroup(local.elb, "twenty-one");
    const arns = Array.from({ length: 21 }, () => group.TargetGroupArn!);
    expect((await failure(local.elb.send(new DescribeTagsCommand({ ResourceArns: arns })))).name).toBe("ValidationError");
  });

  it("forgets a deleted resource's tags", async () => {
    const group = await createTargetGroup(local.elb, "deleted-tagged", { Tags: [TEAM] });
    await local.elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: group.TargetGroupArn }));
    const recreated = await createTargetGroup(local.elb, "deleted-tagged");
    expect(await tagsOf(recreated.TargetGroupArn!)).toEqual([]);
    expect((await failure(tagsOf(group.TargetGroupArn!))).name).toBe("TargetGroupNotFoundException");
  });
});
