import type { Service, Task } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { targetCounts, targetGroupsOf, tasksByTargetAddress, toTargetViews } from "./target-health";

const TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup";

describe("targetGroupsOf", () => {
  it("lists each target group once, the primary before its alternate", () => {
    const service: Service = {
      loadBalancers: [
        { targetGroupArn: `${TG}/web-blue/1`, containerName: "app", containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: `${TG}/web-green/2`, productionListenerRule: "r", roleArn: "x" } },
        { targetGroupArn: `${TG}/web-blue/1`, containerName: "app", containerPort: 9090 },
      ],
    };
    expect(targetGroupsOf(service)).toEqual([
      { targetGroupArn: `${TG}/web-blue/1`, targetGroupName: "web-blue", role: "primary", containerName: "app", containerPort: 8080 },
      { targetGroupArn: `${TG}/web-green/2`, targetGroupName: "web-green", role: "alternate", containerName: "app", containerPort: 8080 },
    ]);
    expect(targetGroupsOf({})).toEqual([]);
  });
});

const awsvpcTask = (id: string, address: string): Task => ({
  taskArn: `arn:aws:ecs:us-east-1:123456789012:task/shop/${id}`,
  attachments: [{ type: "ElasticNetworkInterface", details: [{ name: "privateIPv4Address", value: address }] }],
  containers: [{ name: "app", networkBindings: [] }],
});

describe("tasksByTargetAddress", () => {
  it("finds awsvpc tasks by ENI address and container port", () => {
    const tasks = [awsvpcTask("a", "10.0.1.5"), awsvpcTask("b", "10.0.2.9")];
    const byAddress = tasksByTargetAddress(tasks, 8080);
    const views = toTargetViews(
      [
        { Target: { Id: "10.0.2.9", Port: 8080 }, TargetHealth: { State: "healthy" } },
        { Target: { Id: "10.0.1.5", Port: 8080 }, TargetHealth: { State: "unhealthy", Reason: "Target.FailedHealthChecks", Description: "Health checks failed" } },
        { Target: { Id: "10.0.3.1", Port: 8080 }, TargetHealth: { State: "draining" } },
      ],
      byAddress,
    );
    expect(views.map((view) => [view.id, view.state, view.taskId])).toEqual([
      ["10.0.2.9", "healthy", "b"],
      ["10.0.1.5", "unhealthy", "a"],
      ["10.0.3.1", "draining", undefined],
    ]);
    expect(views[1]).toMatchObject({ reason: "Target.FailedHealthChecks", description: "Health checks failed" });
    expect(targetCounts(views)).toEqual({ healthy: 1, total: 3 });
  });

  it("finds bridge-mode tasks by their host port, and names no task for an address two tasks share", () => {
    const bound = (id: string, hostPort: number): Task => ({
      taskArn: `arn:aws:ecs:us-east-1:123456789012:task/shop/${id}`,
      containers: [{ name: "app", networkBindings: [{ bindIP: "127.0.0.1", containerPort: 8080, hostPort }], networkInterfaces: [{ privateIpv4Address: "127.0.0.1" }] }],
    });
    const byAddress = tasksByTargetAddress([bound("a", 41001), bound("b", 41002)], 8080);
    expect(byAddress.get("127.0.0.1|41002")).toBe("b");
    expect(byAddress.get("127.0.0.1|41001")).toBe("a");
    expect(byAddress.has("127.0.0.1|8080")).toBe(false);
  });
});
