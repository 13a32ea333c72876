import { describe, expect, it } from "vitest";
import { clusterName, parseArn, parseEcsArn, parseElbArn, parseFamilyRevision, serviceName, taskId } from "./arn";

const ECS = "arn:aws:ecs:eu-west-1:123456789012";
const ELB = "arn:aws:elasticloadbalancing:eu-west-1:123456789012";

describe("parseArn", () => {
  it("splits an ARN into its parts, keeping colons inside the resource", () => {
    expect(parseArn(`${ECS}:task-definition/web:7`)).toEqual({
      partition: "aws",
      service: "ecs",
      region: "eu-west-1",
      accountId: "123456789012",
      resource: "task-definition/web:7",
    });
    expect(parseArn("arn:aws-cn:ecs:cn-north-1:123456789012:cluster/c")?.partition).toBe("aws-cn");
  });

  it("refuses what is not an ARN", () => {
    expect(parseArn("web")).toBeUndefined();
    expect(parseArn("arn:aws:ecs:eu-west-1:12345:cluster/c")).toBeUndefined();
    expect(parseArn("arn:aws:ecs:eu-west-1:123456789012:")).toBeUndefined();
  });
});

describe("parseEcsArn", () => {
  it("reads each ECS resource type with its cluster, service and id", () => {
    expect(parseEcsArn(`${ECS}:cluster/demo`)).toEqual({ type: "cluster", cluster: "demo" });
    expect(parseEcsArn(`${ECS}:service/demo/web`)).toEqual({ type: "service", cluster: "demo", service: "web" });
    expect(parseEcsArn(`${ECS}:task/demo/0123456789abcdef0123456789abcdef`)).toEqual({
      type: "task",
      cluster: "demo",
      taskId: "0123456789abcdef0123456789abcdef",
    });
    expect(parseEcsArn(`${ECS}:task-definition/web:12`)).toEqual({ type: "task-definition", family: "web", revision: 12 });
    expect(parseEcsArn(`${ECS}:service-deployment/demo/web/r4nd0m`)).toEqual({
      type: "service-deployment",
      cluster: "demo",
      service: "web",
      deploymentId: "r4nd0m",
    });
    expect(parseEcsArn(`${ECS}:service-revision/demo/web/123`)).toEqual({ type: "service-revision", cluster: "demo", service: "web", revisionId: "123" });
    expect(parseEcsArn(`${ECS}:task-set/demo/web/ecs-svc-1`)).toEqual({ type: "task-set", cluster: "demo", service: "web", taskSetId: "ecs-svc-1" });
    expect(parseEcsArn(`${ECS}:container-instance/demo/abc`)).toEqual({ type: "container-instance", cluster: "demo", containerInstanceId: "abc" });
  });

  it("reads the old short ARN format, which has no cluster", () => {
    expect(parseEcsArn(`${ECS}:service/web`)).toEqual({ type: "service", service: "web" });
    expect(parseEcsArn(`${ECS}:task/1234`)).toEqual({ type: "task", taskId: "1234" });
  });

  it("refuses ARNs of other services, unknown types and malformed paths", () => {
    expect(parseEcsArn(`${ELB}:targetgroup/tg/73e2d6bc24d8a067`)).toBeUndefined();
    expect(parseEcsArn(`${ECS}:capacity-provider/FARGATE`)).toBeUndefined();
    expect(parseEcsArn(`${ECS}:cluster/a/b`)).toBeUndefined();
    expect(parseEcsArn(`${ECS}:service/demo/`)).toBeUndefined();
    expect(parseEcsArn(`${ECS}:task-definition/web`)).toBeUndefined();
    expect(parseEcsArn(`${ECS}:task-definition/web:0`)).toBeUndefined();
    expect(parseEcsArn(`${ECS}:cluster`)).toBeUndefined();
  });
});

describe("names from a name or an ARN", () => {
  it("gives the name whichever the API handed back", () => {
    expect(clusterName(`${ECS}:cluster/demo`)).toBe("demo");
    expect(clusterName("demo")).toBe("demo");
    expect(serviceName(`${ECS}:service/demo/web`)).toBe("web");
    expect(serviceName(`${ECS}:service/web`)).toBe("web");
    expect(serviceName("web")).toBe("web");
    expect(taskId(`${ECS}:task/demo/abc123`)).toBe("abc123");
    expect(taskId("abc123")).toBe("abc123");
  });

  it("does not take one resource's ARN for another's name", () => {
    expect(clusterName(`${ECS}:service/demo/web`)).toBe(`${ECS}:service/demo/web`);
  });
});

describe("parseFamilyRevision", () => {
  it("reads a family with or without a revision", () => {
    expect(parseFamilyRevision("web")).toEqual({ family: "web" });
    expect(parseFamilyRevision("web_app-2:31")).toEqual({ family: "web_app-2", revision: 31 });
    expect(parseFamilyRevision("web:latest")).toBeUndefined();
    expect(parseFamilyRevision("")).toBeUndefined();
  });
});

describe("parseElbArn", () => {
  const lb = `${ELB}:loadbalancer/app/demo-alb/50dc6c495c0c9188`;

  it("reads load balancers, target groups, listeners and rules", () => {
    const ref = { kind: "app", loadBalancerName: "demo-alb", loadBalancerId: "50dc6c495c0c9188" };
    expect(parseElbArn(lb)).toEqual({ type: "loadbalancer", ...ref });
    expect(parseElbArn(`${ELB}:targetgroup/web-blue/73e2d6bc24d8a067`)).toEqual({ type: "targetgroup", name: "web-blue", id: "73e2d6bc24d8a067" });
    expect(parseElbArn(`${ELB}:listener/app/demo-alb/50dc6c495c0c9188/f2f7dc8efc522ab2`)).toEqual({
      type: "listener",
      ...ref,
      listenerId: "f2f7dc8efc522ab2",
    });
    expect(parseElbArn(`${ELB}:listener-rule/app/demo-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`)).toEqual({
      type: "listener-rule",
      ...ref,
      listenerId: "f2f7dc8efc522ab2",
      ruleId: "9683b2d02a6cabee",
    });
    expect(parseElbArn(`${ELB}:loadbalancer/net/edge/1a2b`)).toMatchObject({ type: "loadbalancer", kind: "net" });
  });

  it("refuses other services, unknown kinds and wrong lengths", () => {
    expect(parseElbArn(`${ECS}:cluster/demo`)).toBeUndefined();
    expect(parseElbArn(`${ELB}:loadbalancer/web/demo-alb/50dc`)).toBeUndefined();
    expect(parseElbArn(`${ELB}:listener/app/demo-alb/50dc`)).toBeUndefined();
    expect(parseElbArn(`${ELB}:targetgroup/web-blue`)).toBeUndefined();
  });
});
