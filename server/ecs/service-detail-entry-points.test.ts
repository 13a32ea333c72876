import { CreateServiceCommand } from "@aws-sdk/client-ecs";
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
  it("lists every listener of its load balancer, each linked where local ECS answers, without claiming a rule", async () => {
    const service = await describeService(local.ecs, "plain", "web");
    local.resetCalls();

    const entries = await readServiceEntryPoints(CONNECTION, service);

    expectAwsCalls(local, {
      "elbv2:DescribeTargetGroups": 1,
      "elbv2:DescribeLoadBalancers": 1,
      "elbv2:DescribeListeners": 1,
      "elbv2:DescribeTags": 1,
    });
    expect(entries.map((entry) => [entry.role, entry.loadBalancerName, entry.listener, entry.conditions])).toEqual([
      ["listener", "demo", "HTTP:80", []],
      ["listener", "demo", "HTTP:8080", []],
    ]);
    expect(entries[0].url).toBe(await listenerAddress(local.elb, lb.productionListenerArn));
    expect(entries[1].url).toBe(await listenerAddress(local.elb, lb.testListenerArn));
  });

  it("costs nothing for a service without a load balancer", async () => {
    expect(await readServiceEntryPoints(CONNECTION, { serviceName: "worker" })).toEqual([]);
    expectAwsCalls(local, {});
  });
});
