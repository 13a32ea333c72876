import "server-only";
import { CreateServiceCommand, type KeyValuePair } from "@aws-sdk/client-ecs";
import {
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  type RuleCondition,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { createDemoLoadBalancer } from "@/emulator/seed/load-balancer";
import { createFargateCluster, NETWORK, registerWebApp, waitForSteadyState } from "@/emulator/test/fixtures";
import { startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";

/**
 * Test support for deploys: a counted local ECS with the demo's load balancer and a cluster
 * "shop", where `addShiftingService` makes a service behind its own blue and green target groups
 * with a production and a test listener rule (so every strategy can be picked), and
 * `addPlainService` one without a load balancer.
 */
export const SHOP = "shop";
export const TRAFFIC_ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers";

export interface DeployShop extends CountedLocalEcs {
  addShiftingService(name: string, environment?: KeyValuePair[]): Promise<{ testRule: string }>;
  addPlainService(name: string): Promise<void>;
}

export async function startDeployShop(): Promise<DeployShop> {
  const local = await startCountedLocalEcs();
  await createDemoLoadBalancer(local.elb);
  await createFargateCluster(local.ecs, SHOP);
  const { LoadBalancers } = await local.elb.send(new DescribeLoadBalancersCommand({ Names: ["demo"] }));
  const vpcId = LoadBalancers![0].VpcId!;
  const { Listeners } = await local.elb.send(new DescribeListenersCommand({ LoadBalancerArn: LoadBalancers![0].LoadBalancerArn }));
  const listenerOn = (port: number) => Listeners!.find((listener) => listener.Port === port)!.ListenerArn!;
  let priority = 100;

  const group = async (name: string) => {
    const created = await local.elb.send(
      new CreateTargetGroupCommand({ Name: name, Protocol: "HTTP", Port: 8080, VpcId: vpcId, TargetType: "ip", HealthCheckPath: "/health", HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2 }),
    );
    return created.TargetGroups![0].TargetGroupArn!;
  };
  const rule = async (listenerArn: string, condition: RuleCondition, blue: string, green: string) => {
    const created = await local.elb.send(
      new CreateRuleCommand({
        ListenerArn: listenerArn,
        Priority: priority++,
        Conditions: [condition],
        Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 1 }, { TargetGroupArn: green, Weight: 0 }] } }],
      }),
    );
    return created.Rules![0].RuleArn!;
  };

  async function addShiftingService(name: string, environment: KeyValuePair[] = []) {
    const [blue, green] = [await group(`${name}-blue`), await group(`${name}-green`)];
    const productionListenerRule = await rule(listenerOn(80), { Field: "host-header", HostHeaderConfig: { Values: [`${name}.*`] } }, blue, green);
    const testRule = await rule(listenerOn(8080), { Field: "path-pattern", PathPatternConfig: { Values: [`/${name}/*`] } }, blue, green);
    const taskDefinition = await registerWebApp(local.ecs, name, `public.ecr.aws/slipway/${name}:1.0.0`, environment);
    await local.ecs.send(
      new CreateServiceCommand({
        cluster: SHOP,
        serviceName: name,
        taskDefinition,
        desiredCount: 1,
        networkConfiguration: NETWORK,
        loadBalancers: [{ targetGroupArn: blue, containerName: "app", containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule, roleArn: TRAFFIC_ROLE } }],
      }),
    );
    await waitForSteadyState(local.ecs, SHOP, name);
    return { testRule };
  }

  async function addPlainService(name: string) {
    const taskDefinition = await registerWebApp(local.ecs, name, `public.ecr.aws/slipway/${name}:1.0.0`, [], { containerHealthCheck: false });
    await local.ecs.send(new CreateServiceCommand({ cluster: SHOP, serviceName: name, taskDefinition, desiredCount: 1, networkConfiguration: NETWORK }));
    await waitForSteadyState(local.ecs, SHOP, name);
  }

  return { ...local, addShiftingService, addPlainService };
}
