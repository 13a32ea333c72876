import { describe, expect, it } from "vitest";
import type { RegisteredTarget } from "../../store/elb-records";
import {
  forwardGroups,
  routableTargets,
  stickinessCookie,
  stickyGroup,
  targetHost,
  TargetRotation,
  WeightedGroupChooser,
  type WeightedGroup,
} from "./forwarding";

function target(id: string, state: RegisteredTarget["state"]): RegisteredTarget {
  return { id: "127.0.0.1", port: Number(id), state, registeredAt: 0, consecutiveFailures: 0, consecutiveSuccesses: 0 };
}

function tally(chooser: WeightedGroupChooser, groups: WeightedGroup[], picks: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < picks; i++) {
    const arn = chooser.choose("rule", groups)?.targetGroupArn ?? "none";
    counts[arn] = (counts[arn] ?? 0) + 1;
  }
  return counts;
}

describe("forwardGroups", () => {
  it("reads a lone TargetGroupArn as weight 1", () => {
    expect(forwardGroups({ Type: "forward", TargetGroupArn: "blue" })).toEqual([{ targetGroupArn: "blue", weight: 1 }]);
  });

  it("reads ForwardConfig weights, clamped to 0–999", () => {
    const action = { Type: "forward" as const, ForwardConfig: { TargetGroups: [{ TargetGroupArn: "a", Weight: 1200 }, { TargetGroupArn: "b", Weight: -1 }, { TargetGroupArn: "c" }] } };
    expect(forwardGroups(action).map((g) => g.weight)).toEqual([999, 0, 1]);
  });
});

describe("WeightedGroupChooser", () => {
  it("splits exactly by weight and interleaves the minority", () => {
    const chooser = new WeightedGroupChooser();
    const groups = [{ targetGroupArn: "blue", weight: 90 }, { targetGroupArn: "green", weight: 10 }];
    expect(tally(chooser, groups, 1000)).toEqual({ blue: 900, green: 100 });
    const firstTen = Array.from({ length: 10 }, () => chooser.choose("fresh", groups)!.targetGroupArn);
    expect(firstTen.filter((arn) => arn === "green")).toHaveLength(1);
  });

  it("never picks a group of weight 0, and picks nothing when all are 0", () => {
    const chooser = new WeightedGroupChooser();
    expect(tally(chooser, [{ targetGroupArn: "blue", weight: 0 }, { targetGroupArn: "green", weight: 5 }], 50)).toEqual({ green: 50 });
    expect(chooser.choose("zero", [{ targetGroupArn: "blue", weight: 0 }])).toBeUndefined();
  });

  it("starts over when the weights change", () => {
    const chooser = new WeightedGroupChooser();
    tally(chooser, [{ targetGroupArn: "blue", weight: 1 }, { targetGroupArn: "green", weight: 1 }], 3);
    expect(tally(chooser, [{ targetGroupArn: "blue", weight: 0 }, { targetGroupArn: "green", weight: 1 }], 4)).toEqual({ green: 4 });
  });
});

describe("stickiness", () => {
  const groups = [{ targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:0:targetgroup/green/1", weight: 10 }, { targetGroupArn: "blue", weight: 0 }];

  it("names the group in a cookie whose lifetime is scaled to real seconds", () => {
    expect(stickinessCookie("blue", 3600, 60)).toBe("AWSALBTG=blue; Max-Age=60; Path=/");
    expect(stickinessCookie("blue", 1, 1000)).toContain("Max-Age=1;");
  });

  it("honours the cookie while its group takes traffic", () => {
    const cookie = stickinessCookie(groups[0].targetGroupArn, 60, 1).split(";")[0];
    expect(stickyGroup(`session=abc; ${cookie}`, groups)).toBe(groups[0]);
    expect(stickyGroup("AWSALBTG=blue", groups)).toBeUndefined();
    expect(stickyGroup("AWSALBTG=gone", groups)).toBeUndefined();
    expect(stickyGroup(undefined, groups)).toBeUndefined();
  });
});

describe("targets", () => {
  it("routes to healthy targets only while there are any", () => {
    const targets = [target("1", "healthy"), target("2", "unhealthy"), target("3", "initial")];
    expect(routableTargets(targets).map((t) => t.port)).toEqual([1]);
  });

  it("fails open to every target that is not draining when none is healthy", () => {
    const targets = [target("1", "unhealthy"), target("2", "draining"), target("3", "initial")];
    expect(routableTargets(targets).map((t) => t.port)).toEqual([1, 3]);
    expect(routableTargets([target("1", "draining")])).toEqual([]);
  });

  it("takes routable targets in turn", () => {
    const rotation = new TargetRotation();
    const targets = [target("1", "healthy"), target("2", "healthy"), target("3", "unhealthy")];
    expect(Array.from({ length: 4 }, () => rotation.next("tg", targets)?.port)).toEqual([1, 2, 1, 2]);
  });

  it("reaches instance ids on loopback and IPs where they are", () => {
    expect(targetHost("10.0.0.7")).toBe("10.0.0.7");
    expect(targetHost("i-0123456789abcdef0")).toBe("127.0.0.1");
  });
});
