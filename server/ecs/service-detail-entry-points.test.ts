import { CreateServiceCommand } from "@aws-sdk/client-ecs";
import { CreateListenerCommand, DeleteListenerCommand, DescribeListenersCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoLoadBalancer, listenerAddress, type DemoLoadBalancer } from "@/emulator/seed/load-balancer";
import { createFargateCluster, describeService, NETWORK, registerWebApp } from "@/emulator/test/fixtures";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs } from "@/server/aws/test-local-ecs";
import { readServiceEntryPoints } from "./service-detail-entry-points";
import { expectAwsCalls } from "./test-account";

let local: CountedLocalEcs;
let lb: DemoLoadBalancer;

beforeAll(async () => {
  local = await startCountedLocalEcs();
  lb = await createDemoLoadBalancer(local.elb);
  await createFargateCluster(local.ecs, "plain");
  const taskDefinition = await registerWebApp(local.ecs, "plain-web", "public.ecr.aws/slipway/web:1.0.0", [], { containerHealthCheck: false });
  await local.ecs.send(
    new CreateServiceCommand({
      cluster: "plain",
      serviceName: "web",
      taskDefinition,
      desiredCount: 0,
      networkConfiguration: NETWORK,
      loadBalancers: [{ targetGroupArn: lb.web.blue, containerName: "app", containerPort: 8080 }],
    }),
  );
});
afterAll(() => local.stop());
measureEachTestAgainst(() => local);

describe("where a service without listener rules answers", () => {
  it("lists each rule that forwards to its target group, linked where local ECS answers, and no listener that only reaches other services", async () => {
    const service = await describeService(local.ecs, "plain", "web");
    local.resetCalls();

    const entries = await readServiceEntryPoints(CONNECTION, service);

    expectAwsCalls(local, {
      "elbv2:DescribeTargetGroups": 1,
      "elbv2:DescribeLoadBalancers": 1,
      "elbv2:DescribeListeners": 1,
      "elbv2:DescribeRules": 2,
      "elbv2:DescribeTags": 1,
    });
    expect(entries.map((entry) => [entry.role, entry.loadBalancerName, entry.listener, entry.conditions])).toEqual([
      ["listener", "demo", "HTTP:80", ["Host is web.*"]],
      ["listener", "demo", "HTTP:80", [expect.stringMatching(/^Host is demo-.*, localhost or 127\.0\.0\.1$/)]],
    ]);
    expect(entries.map((entry) => entry.forwards.map((target) => [target.targetGroupName, target.weight]))).toEqual([
      [
        ["demo-web-blue", 1],
        ["demo-web-green", 0],
      ],
      [["demo-web-blue", 1]],
    ]);
    expect(entries[0].url).toBe(await listenerAddress(local.elb, lb.productionListenerArn));
  });

  it("names a listener's default action that forwards to it", async () => {
    const listener = await local.elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: (await local.elb.send(new DescribeListenersCommand({ ListenerArns: [lb.productionListenerArn] }))).Listeners![0].LoadBalancerArn,
        Protocol: "HTTP",
        Port: 9090,
        DefaultActions: [{ Type: "forward", TargetGroupArn: lb.web.blue }],
      }),
    );
    try {
      const entries = await readServiceEntryPoints(CONNECTION, await describeService(local.ecs, "plain", "web"));
      expect(entries.map((entry) => [entry.listener, entry.conditions])).toContainEqual(["HTTP:9090", ["no other rule matches"]]);
    } finally {
      await local.elb.send(new DeleteListenerCommand({ ListenerArn: listener.Listeners![0].ListenerArn }));
    }
  });

  it("costs nothing for a service without a load balancer", async () => {
    expect(await readServiceEntryPoints(CONNECTION, { serviceName: "worker" })).toEqual([]);
    expectAwsCalls(local, {});
  });
});
