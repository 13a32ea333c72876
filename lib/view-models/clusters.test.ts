import type { Service, ServiceDeployment } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { awsFailure } from "@/lib/aws-errors";
import { awaitingApprovalAcrossClusters, rolloutStatus, toAwsvpcNetwork, toClusterHeader, toLoadBalancing, toServiceRow, type ClusterSummary } from "./clusters";

const SD = "arn:aws:ecs:us-east-1:123456789012:service-deployment/shop/web/abc";
const deploying: Service = {
  serviceName: "web",
  serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/shop/web",
  desiredCount: 2,
  runningCount: 4,
  taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
  deployments: [{ status: "PRIMARY", rolloutState: "IN_PROGRESS" }, { status: "ACTIVE", rolloutState: "COMPLETED" }],
  currentServiceDeployment: SD,
  deploymentConfiguration: { strategy: "BLUE_GREEN", lifecycleHooks: [{ targetType: "PAUSE" }] },
  capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }],
};
const paused: ServiceDeployment = { serviceDeploymentArn: SD, status: "IN_PROGRESS", lifecycleHookDetails: [{ hookId: "ecs-pause-1", status: "AWAITING_ACTION" }] };

describe("toServiceRow", () => {
  it("says when the deployment in progress awaits approval", () => {
    const row = toServiceRow(deploying, { ok: true, value: new Map([[SD, paused]]) });
    expect(row).toMatchObject({
      name: "web",
      desired: 2,
      running: 4,
      pending: 0,
      taskDefinition: { label: "web:3" },
      strategy: "Blue/green with approval",
      capacity: "FARGATE (weight 1)",
      rollout: { state: "IN_PROGRESS", inProgress: true },
      awaitingApproval: { hookId: "ecs-pause-1", serviceDeploymentArn: SD },
    });
    expect(row.approvalError).toBeUndefined();
  });

  it("says why it cannot tell, when the deployments could not be read", () => {
    const denied = awsFailure("access-denied");
    expect(toServiceRow(deploying, { ok: false, error: denied })).toMatchObject({ approvalError: denied, awaitingApproval: undefined });
    // A service not deploying needs no deployment read, so a failed one does not concern it.
    const steady = { ...deploying, deployments: [{ status: "PRIMARY", rolloutState: "COMPLETED" as const }] };
    expect(toServiceRow(steady, { ok: false, error: denied }).approvalError).toBeUndefined();
  });

  it("keeps the awsvpc network its tasks run in, for tasks run beside it", () => {
    const networked = { ...deploying, networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"], assignPublicIp: "ENABLED" as const } } };
    expect(toServiceRow(networked, { ok: true, value: new Map() }).network).toEqual({ subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"], assignPublicIp: "ENABLED" });
    expect(toServiceRow(deploying, { ok: true, value: new Map() }).network).toBeUndefined();
  });
});

describe("toAwsvpcNetwork", () => {
  it("fills in what ECS leaves out, and has nothing to say without subnets", () => {
    expect(toAwsvpcNetwork({ awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"] } })).toEqual({ subnets: ["subnet-0a1b2c3d"], securityGroups: [], assignPublicIp: "DISABLED" });
    expect(toAwsvpcNetwork({ awsvpcConfiguration: { subnets: [] } })).toBeUndefined();
    expect(toAwsvpcNetwork(undefined)).toBeUndefined();
  });
});

describe("rolloutStatus", () => {
  const row = (service: Service, deployments = new Map<string, ServiceDeployment>()) => toServiceRow(service, { ok: true, value: deployments });

  it("names the revision being deployed, and says when it waits for approval", () => {
    expect(rolloutStatus(row(deploying, new Map([[SD, paused]])))).toEqual({
      kind: "awaiting-approval",
      headline: "Deploying web:3",
      note: "Awaiting approval",
      text: "Deploying web:3 · Awaiting approval",
    });
    expect(rolloutStatus(row(deploying))).toEqual({ kind: "deploying", headline: "Deploying web:3", note: undefined, text: "Deploying web:3" });
  });

  it("calls a finished rollout steady, and a failed one failed", () => {
    expect(rolloutStatus(row({ ...deploying, deployments: [{ status: "PRIMARY", rolloutState: "COMPLETED" }] }))).toMatchObject({ kind: "steady", text: "Steady" });
    const failed = row({ ...deploying, deployments: [{ status: "PRIMARY", rolloutState: "FAILED", rolloutStateReason: "tasks failed to start" }] });
    expect(rolloutStatus(failed)).toMatchObject({ kind: "failed", text: "Rollout failed · tasks failed to start" });
    expect(rolloutStatus(row({ ...deploying, deployments: [] }))).toMatchObject({ kind: "steady", text: "Steady" });
  });
});

describe("toLoadBalancing", () => {
  it("names the load balancer from the production listener rule, and the target group", () => {
    expect(
      toLoadBalancing({
        targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123",
        advancedConfiguration: {
          alternateTargetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/4567",
          productionListenerRule: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shop-alb/50dc/f2f7/9683",
          roleArn: "arn:aws:iam::123456789012:role/ecs",
        },
      }),
    ).toEqual({ loadBalancer: "shop-alb", targetGroup: "web-blue" });
    expect(toLoadBalancing({ loadBalancerName: "legacy-elb", containerName: "app", containerPort: 80 })).toEqual({ loadBalancer: "legacy-elb", targetGroup: undefined });
  });
});

describe("clusters", () => {
  it("reads a cluster's header, with zero for counts ECS leaves out", () => {
    expect(toClusterHeader({ clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/shop", status: "ACTIVE" })).toEqual({
      name: "shop",
      arn: "arn:aws:ecs:us-east-1:123456789012:cluster/shop",
      status: "ACTIVE",
      capacityProviders: [],
      defaultStrategy: [],
      defaultStrategyLabel: "None",
      activeServices: 0,
      runningTasks: 0,
      pendingTasks: 0,
    });
  });

  it("collects every service awaiting approval across clusters", () => {
    const waiting = toServiceRow(deploying, { ok: true, value: new Map([[SD, paused]]) });
    const deployingOnly = toServiceRow({ ...deploying, serviceName: "api" }, { ok: true, value: new Map() });
    const cluster = (name: string, rollouts: ClusterSummary["rollouts"]): ClusterSummary => ({ ...toClusterHeader({ clusterName: name }), rollouts });
    const overview = { clusters: [cluster("a", [deployingOnly]), cluster("b", [waiting]), cluster("c", [])] };
    expect(awaitingApprovalAcrossClusters(overview).map(({ cluster: name, service }) => `${name}/${service.name}`)).toEqual(["b/web"]);
  });
});
