import {
  CreateTargetGroupCommand,
  DeregisterTargetsCommand,
  DescribeTargetHealthCommand,
  ModifyTargetGroupAttributesCommand,
  RegisterTargetsCommand,
  type LoadBalancer,
  type TargetDescription,
  type TargetHealthDescription,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTaskKnobs } from "../dataplane/knobs";
import { startTaskServer, type RunningTaskServer } from "../dataplane/task-server";
import { createAlb, createListener, createTargetGroup, failure, forwardTo } from "./elbv2-fixtures";
import { waitFor } from "./fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";

let local: TestEmulator;
let alb: LoadBalancer;
let nextPort = 20500;
const servers: RunningTaskServer[] = [];

beforeAll(async () => {
  local = await startTestEmulator();
  alb = await createAlb(local.elb, "targets-alb");
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await local.stop();
});

/** A real sample-app server on loopback, as a task would run. */
async function startTarget(environment: Record<string, string> = {}): Promise<RunningTaskServer> {
  const server = await startTaskServer({
    taskArn: "arn:aws:ecs:us-east-1:000000000000:task/targets/0123456789abcdef0123456789abcdef",
    taskDefinitionArn: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
    clusterName: "targets",
    containerName: "app",
    image: "slipway/sample:1",
    knobs: readTaskKnobs(Object.entries(environment).map(([name, value]) => ({ name, value }))),
  });
  servers.push(server);
  return server;
}

const register = (TargetGroupArn: string, Targets: TargetDescription[]) => local.elb.send(new RegisterTargetsCommand({ TargetGroupArn, Targets }));

async function healthOf(targetGroupArn: string, targets?: TargetDescription[]): Promise<TargetHealthDescription[]> {
  return (await local.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn, Targets: targets }))).TargetHealthDescriptions!;
}

function waitForState(targetGroupArn: string, state: string): Promise<TargetHealthDescription> {
  return waitFor(`a target to be ${state}`, async () => (await healthOf(targetGroupArn)).find((d) => d.TargetHealth?.State === state), 15_000);
}

describe("RegisterTargets", () => {
  it("refuses an unknown target group", async () => {
    const unknown = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/ghost/0123456789abcdef";
    expect((await failure(register(unknown, [{ Id: "10.0.0.1" }]))).name).toBe("TargetGroupNotFoundException");
  });

  it.each([["an instance ID", "i-0123456789abcdef0"], ["a host name", "web.internal"], ["an IPv6 address in an IPv4 group", "2001:db8::1"]])(
    "refuses %s as an IP target",
    async (_why, Id) => {
      const group = await createTargetGroup(local.elb, "ip-targets");
      expect((await failure(register(group.TargetGroupArn!, [{ Id }]))).name).toBe("InvalidTargetException");
    },
  );

  it("refuses a malformed instance ID in an instance group", async () => {
    const group = await createTargetGroup(local.elb, "instance-targets", { TargetType: "instance" });
    expect((await failure(register(group.TargetGroupArn!, [{ Id: "10.0.0.1" }]))).name).toBe("InvalidTargetException");
  });

  it("refuses port 0, and a second Lambda function", async () => {
    const group = await createTargetGroup(local.elb, "port-targets");
    expect((await failure(register(group.TargetGroupArn!, [{ Id: "10.0.0.1", Port: 0 }]))).name).toBe("ValidationError");
    const lambda = (await local.elb.send(new CreateTargetGroupCommand({ Name: "lambda-targets", TargetType: "lambda" }))).TargetGroups![0];
    const functions = ["one", "two"].map((name) => ({ Id: `arn:aws:lambda:us-east-1:000000000000:function:${name}` }));
    expect((await failure(register(lambda.TargetGroupArn!, functions))).name).toBe("TooManyTargetsException");
  });
});

describe("DescribeTargetHealth", () => {
  it("reports targets of a group no listener uses as unused, on the group's port by default", async () => {
    const group = await createTargetGroup(local.elb, "unused-group");
    await register(group.TargetGroupArn!, [{ Id: "10.0.0.7" }, { Id: "10.0.0.7", Port: 9090, AvailabilityZone: "all" }]);
    expect(await healthOf(group.TargetGroupArn!)).toEqual([
      {
        Target: { Id: "10.0.0.7", Port: 8080 },
        HealthCheckPort: "8080",
        TargetHealth: { State: "unused", Reason: "Target.NotInUse", Description: "Target group is not configured to receive traffic from the load balancer" },
      },
      expect.objectContaining({ Target: { Id: "10.0.0.7", Port: 9090, AvailabilityZone: "all" }, HealthCheckPort: "9090" }),
    ]);
  });

  it("answers for requested targets only, and reports unregistered ones", async () => {
    const group = await createTargetGroup(local.elb, "filtered-group");
    await register(group.TargetGroupArn!, [{ Id: "10.0.0.8", Port: 81 }, { Id: "10.0.0.8", Port: 82 }]);
    const both = await healthOf(group.TargetGroupArn!, [{ Id: "10.0.0.8" }]);
    expect(both.map((d) => d.Target?.Port)).toEqual([81, 82]);
    const one = await healthOf(group.TargetGroupArn!, [{ Id: "10.0.0.8", Port: 82 }]);
    expect(one.map((d) => d.Target?.Port)).toEqual([82]);
    expect(await healthOf(group.TargetGroupArn!, [{ Id: "10.0.0.9", Port: 81 }])).toEqual([
      {
        Target: { Id: "10.0.0.9", Port: 81 },
        TargetHealth: { State: "unused", Reason: "Target.NotRegistered", Description: "Target is not registered to the target group" },
      },
    ]);
  });

  it("shows a real target initial, then healthy, once a listener forwards to its group", async () => {
    const server = await startTarget();
    const group = await createTargetGroup(local.elb, "live-group", { Port: server.port, HealthCheckPath: "/health" });
    await createListener(local.elb, alb.LoadBalancerArn!, nextPort++, forwardTo(group.TargetGroupArn!));
    await register(group.TargetGroupArn!, [{ Id: "127.0.0.1" }]);
    expect((await healthOf(group.TargetGroupArn!))[0].TargetHealth).toMatchObject({ State: "initial" });
    const healthy = await waitForState(group.TargetGroupArn!, "healthy");
    expect(healthy).toEqual({ Target: { Id: "127.0.0.1", Port: server.port }, HealthCheckPort: String(server.port), TargetHealth: { State: "healthy" } });
  });

  it("shows a target whose health check fails as unhealthy", async () => {
    const server = await startTarget({ SLIPWAY_FAIL_HEALTH_CHECK: "true" });
    const group = await createTargetGroup(local.elb, "failing-group", { Port: server.port, HealthCheckPath: "/health" });
    await createListener(local.elb, alb.LoadBalancerArn!, nextPort++, forwardTo(group.TargetGroupArn!));
    await register(group.TargetGroupArn!, [{ Id: "127.0.0.1" }]);
    const unhealthy = await waitForState(group.TargetGroupArn!, "unhealthy");
    expect(unhealthy.TargetHealth?.Reason).toBe("Target.ResponseCodeMismatch");
  });
});

describe("DeregisterTargets", () => {
  it("drains a target for the deregistration delay, then forgets it", async () => {
    const server = await startTarget();
    const group = await createTargetGroup(local.elb, "draining-group", { Port: server.port, HealthCheckPath: "/health" });
    await local.elb.send(
      new ModifyTargetGroupAttributesCommand({
        TargetGroupArn: group.TargetGroupArn,
        Attributes: [{ Key: "deregistration_delay.timeout_seconds", Value: "20" }],
      }),
    );
    await createListener(local.elb, alb.LoadBalancerArn!, nextPort++, forwardTo(group.TargetGroupArn!));
    await register(group.TargetGroupArn!, [{ Id: "127.0.0.1" }]);
    await waitForState(group.TargetGroupArn!, "healthy");

    await local.elb.send(new DeregisterTargetsCommand({ TargetGroupArn: group.TargetGroupArn, Targets: [{ Id: "127.0.0.1" }] }));
    expect((await healthOf(group.TargetGroupArn!))[0].TargetHealth).toEqual({
      State: "draining",
      Reason: "Target.DeregistrationInProgress",
      Description: "Target deregistration is in progress",
    });
    await waitFor("the drained target to disappear", async () => ((await healthOf(group.TargetGroupArn!)).length === 0 ? true : undefined), 15_000);
  });

  it("ignores a target that is not registered on that port", async () => {
    const group = await createTargetGroup(local.elb, "ignore-group");
    await register(group.TargetGroupArn!, [{ Id: "10.0.0.5", Port: 3001 }]);
    await local.elb.send(new DeregisterTargetsCommand({ TargetGroupArn: group.TargetGroupArn, Targets: [{ Id: "10.0.0.5" }, { Id: "10.0.0.6" }] }));
    expect((await healthOf(group.TargetGroupArn!)).map((d) => [d.Target?.Id, d.TargetHealth?.State])).toEqual([["10.0.0.5", "unused"]]);
  });
});
