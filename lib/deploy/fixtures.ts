import type { LoadBalancer, Service, TaskDefinition } from "@aws-sdk/client-ecs";

/** Services and revisions as DescribeServices / DescribeTaskDefinition give them, for the planner's tests. */
const ELB = "arn:aws:elasticloadbalancing:us-east-1:123456789012";
export const BLUE = `${ELB}:targetgroup/shop-blue/1111111111111111`;
export const GREEN = `${ELB}:targetgroup/shop-green/2222222222222222`;
export const PRODUCTION_RULE = `${ELB}:listener-rule/app/shop/aaaa/bbbb/cccc`;
export const TEST_RULE = `${ELB}:listener-rule/app/shop/aaaa/dddd/eeee`;
export const TRAFFIC_ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers";

export const plainLoadBalancer: LoadBalancer = { targetGroupArn: BLUE, containerName: "shop", containerPort: 8080 };

export const shiftingLoadBalancer: LoadBalancer = {
  ...plainLoadBalancer,
  advancedConfiguration: { alternateTargetGroupArn: GREEN, productionListenerRule: PRODUCTION_RULE, roleArn: TRAFFIC_ROLE },
};

export function rollingService(overrides: Partial<Service> = {}): Service {
  return {
    serviceName: "shop",
    status: "ACTIVE",
    desiredCount: 4,
    taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/shop:7",
    deploymentController: { type: "ECS" },
    deploymentConfiguration: {
      strategy: "ROLLING",
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      alarms: { alarmNames: ["shop-5xx"], enable: true, rollback: true },
    },
    loadBalancers: [shiftingLoadBalancer],
    deployments: [{ id: "ecs-svc/1", status: "PRIMARY", rolloutState: "COMPLETED", taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/shop:7" }],
    ...overrides,
  };
}

export function shopRevision(): TaskDefinition {
  return {
    taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/shop:7",
    family: "shop",
    revision: 7,
    status: "ACTIVE",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    compatibilities: ["EC2", "FARGATE"],
    cpu: "256",
    memory: "512",
    registeredAt: new Date("2025-01-01T00:00:00Z"),
    containerDefinitions: [
      { name: "shop", image: "public.ecr.aws/acme/shop:1.4.0", essential: true, portMappings: [{ containerPort: 8080, protocol: "tcp" }] },
      { name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0", essential: false },
    ],
  };
}
