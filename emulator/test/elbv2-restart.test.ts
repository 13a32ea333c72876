import {
  CreateRuleCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { createAlb, createListener, createTargetGroup, forwardTo } from "./elbv2-fixtures";
import { waitFor } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";

const dataDir = mkdtempSync(join(tmpdir(), "local-ecs-elbv2-restart-"));
const running: TestEmulator[] = [];

afterAll(async () => {
  for (const local of running) await local.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it("keeps load balancers, listeners, rules and tags across a restart, and finishes provisioning", async () => {
  // Real time at first, so the load balancer is still provisioning when local ECS stops.
  const first = await startTestEmulator({ dataDir, timeScale: 1 });
  running.push(first);
  const lb = await createAlb(first.elb, "durable-alb", { Tags: [{ Key: "team", Value: "web" }] });
  const group = await createTargetGroup(first.elb, "durable-group");
  const listener = await createListener(first.elb, lb.LoadBalancerArn!, 21800, forwardTo(group.TargetGroupArn!));
  await first.elb.send(
    new CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority: 4, Conditions: [{ Field: "path-pattern", Values: ["/a"] }], Actions: [forwardTo(group.TargetGroupArn!)] }),
  );
  const rulesBefore = (await first.elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules;
  await first.stop();
  running.pop();

  const second = await startTestEmulator({ dataDir, timeScale: 60 });
  running.push(second);
  const described = await waitFor("the load balancer to finish provisioning", async () => {
    const found = (await second.elb.send(new DescribeLoadBalancersCommand({ Names: ["durable-alb"] }))).LoadBalancers![0];
    return found.State?.Code === "active" ? found : undefined;
  });
  expect({ ...described, State: undefined }).toEqual({ ...lb, State: undefined });
  const listeners = await second.elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
  expect(listeners.Listeners).toEqual([listener]);
  expect((await second.elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules).toEqual(rulesBefore);
  const groups = await second.elb.send(new DescribeTargetGroupsCommand({ Names: ["durable-group"] }));
  expect(groups.TargetGroups![0].LoadBalancerArns).toEqual([lb.LoadBalancerArn]);
  const tags = await second.elb.send(new DescribeTagsCommand({ ResourceArns: [lb.LoadBalancerArn!] }));
  expect(tags.TagDescriptions![0].Tags).toEqual([{ Key: "team", Value: "web" }]);
});
