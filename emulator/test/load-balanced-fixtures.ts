import {
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  type CreateServiceCommandInput,
  type DeploymentConfiguration,
  type ECSClient,
  type KeyValuePair,
  type ServiceDeployment,
} from "@aws-sdk/client-ecs";
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeRulesCommand,
  ModifyTargetGroupAttributesCommand,
  type ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { freePort } from "./child-emulator";
import { createFargateCluster, NETWORK, registerWebApp } from "./fixtures";

/** A web service behind an ALB with blue and green target groups, built through the SDKs. */
export interface WebStack {
  cluster: string;
  service: string;
  blueTargetGroupArn: string;
  greenTargetGroupArn: string;
  productionRuleArn: string;
  testRuleArn?: string;
  /** Where the production listener answers on this machine. */
  productionUrl: string;
  testUrl?: string;
}

export async function registerWebImage(
  ecs: ECSClient,
  family: string,
  tag: string,
  environment: KeyValuePair[] = [],
  options: { containerHealthCheck?: boolean } = {},
): Promise<string> {
  return registerWebApp(ecs, family, `public.ecr.aws/slipway/${family}:${tag}`, environment, options);
}

async function targetGroup(elb: ElasticLoadBalancingV2Client, name: string): Promise<string> {
  const created = await elb.send(
    new CreateTargetGroupCommand({
      Name: name,
      Protocol: "HTTP",
      Port: 8080,
      VpcId: "vpc-local",
      TargetType: "ip",
      HealthCheckPath: "/health",
      HealthCheckIntervalSeconds: 5,
      HealthCheckTimeoutSeconds: 2,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 2,
    }),
  );
  const arn = created.TargetGroups![0].TargetGroupArn!;
  // Short draining keeps the tests quick; the default is 300 s.
  await elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: arn, Attributes: [{ Key: "deregistration_delay.timeout_seconds", Value: "5" }] }));
  return arn;
}

async function listenerWithRule(elb: ElasticLoadBalancingV2Client, loadBalancerArn: string, blue: string, green: string) {
  const port = await freePort();
  const listener = await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: loadBalancerArn,
      Protocol: "HTTP",
      Port: port,
      DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain", MessageBody: "no route" } }],
    }),
  );
  const rule = await elb.send(
    new CreateRuleCommand({
      ListenerArn: listener.Listeners![0].ListenerArn!,
      Priority: 1,
      Conditions: [{ Field: "path-pattern", Values: ["/*"] }],
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 1 }, { TargetGroupArn: green, Weight: 0 }] } }],
    }),
  );
  return { ruleArn: rule.Rules![0].RuleArn!, url: `http://127.0.0.1:${port}` };
}

/** Creates the load balancer, both target groups, production and test listeners, and the service on v1. */
export async function createWebStack(
  ecs: ECSClient,
  elb: ElasticLoadBalancingV2Client,
  name: string,
  options: {
    taskDefinition: string;
    desiredCount: number;
    deploymentConfiguration: DeploymentConfiguration;
    /** A second listener for test traffic (default true). */
    testListener?: boolean;
    extra?: Partial<CreateServiceCommandInput>;
  },
): Promise<WebStack> {
  await createFargateCluster(ecs, name);
  const lb = await elb.send(new CreateLoadBalancerCommand({ Name: `${name}-alb`, Subnets: ["subnet-0a1b2c3d", "subnet-1a2b3c4d"], Type: "application" }));
  const loadBalancerArn = lb.LoadBalancers![0].LoadBalancerArn!;
  const blue = await targetGroup(elb, `${name}-blue`);
  const green = await targetGroup(elb, `${name}-green`);
  const production = await listenerWithRule(elb, loadBalancerArn, blue, green);
  const test = options.testListener === false ? undefined : await listenerWithRule(elb, loadBalancerArn, blue, green);
  await ecs.send(
    new CreateServiceCommand({
      cluster: name,
      serviceName: "web",
      taskDefinition: options.taskDefinition,
      desiredCount: options.desiredCount,
      networkConfiguration: NETWORK,
      healthCheckGracePeriodSeconds: 10,
      deploymentConfiguration: options.deploymentConfiguration,
      loadBalancers: [
        {
          targetGroupArn: blue,
          containerName: "app",
          containerPort: 8080,
          advancedConfiguration: options.deploymentConfiguration.strategy === "ROLLING" ? undefined : {
            alternateTargetGroupArn: green,
            productionListenerRule: production.ruleArn,
            testListenerRule: test?.ruleArn,
            roleArn: "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers",
          },
        },
      ],
      ...options.extra,
    }),
  );
  return {
    cluster: name,
    service: "web",
    blueTargetGroupArn: blue,
    greenTargetGroupArn: green,
    productionRuleArn: production.ruleArn,
    testRuleArn: test?.ruleArn,
    productionUrl: production.url,
    testUrl: test?.url,
  };
}

/** The production (or test) rule's weights as percent per target group, as DescribeRules reads them. */
export async function ruleWeights(elb: ElasticLoadBalancingV2Client, ruleArn: string): Promise<Record<string, number>> {
  const rule = (await elb.send(new DescribeRulesCommand({ RuleArns: [ruleArn] }))).Rules![0];
  const groups = rule.Actions!.find((a) => a.Type === "forward")!.ForwardConfig!.TargetGroups!;
  const total = groups.reduce((sum, g) => sum + (g.Weight ?? 0), 0);
  return Object.fromEntries(groups.map((g) => [g.TargetGroupArn!, Math.round(((g.Weight ?? 0) / total) * 1000) / 10]));
}

export async function describeServiceDeployment(ecs: ECSClient, arn: string): Promise<ServiceDeployment> {
  return (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0];
}

/** Sends `count` requests through a listener and counts the answers by the image that served them. */
export async function splitOfRequests(url: string, count: number, concurrency = 8): Promise<Record<string, number>> {
  const byImage: Record<string, number> = {};
  let sent = 0;
  const worker = async () => {
    while (sent < count) {
      sent++;
      const response = await fetch(`${url}/`, { headers: { accept: "application/json" } });
      await response.arrayBuffer();
      const image = response.headers.get("x-slipway-image") ?? `status ${response.status}`;
      byImage[image] = (byImage[image] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return byImage;
}
