import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DescribeTagsCommand,
  ModifyTargetGroupAttributesCommand,
  type Action,
  type ElasticLoadBalancingV2Client,
  type RuleCondition,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { ADDRESS_TAG } from "../engine/load-balancing/listener-bindings";
import { API, SECURITY_GROUP, SUBNETS, WEB, type AppFamily } from "./apps";

/**
 * The demo's Application Load Balancer, built through the ELBv2 API: one HTTP listener on
 * port 80 that routes by host name (web.* to web, api.* to api, the bare name to web), a test
 * listener on 8080 for api's test traffic, and a blue and a green target group per service.
 */
const LOAD_BALANCER_NAME = "demo";
const PRODUCTION_PORT = 80;
const TEST_PORT = 8080;
/** Every 10 s, healthy after 2 passes: quick enough to watch, close to AWS's shape. */
const HEALTH_CHECK = { HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 };
/** AWS's default is 300 s: a demo rollout should not sit draining for five minutes. */
const DEREGISTRATION_DELAY_SECONDS = "30";

export interface BlueGreenGroups {
  blue: string;
  green: string;
}

export interface DemoLoadBalancer {
  web: BlueGreenGroups;
  api: BlueGreenGroups & { productionRuleArn: string; testRuleArn: string };
  productionListenerArn: string;
  testListenerArn: string;
}

export async function createDemoLoadBalancer(elb: ElasticLoadBalancingV2Client): Promise<DemoLoadBalancer> {
  const created = await elb.send(
    new CreateLoadBalancerCommand({
      Name: LOAD_BALANCER_NAME,
      Type: "application",
      Scheme: "internet-facing",
      Subnets: SUBNETS,
      SecurityGroups: [SECURITY_GROUP],
      Tags: [{ Key: "environment", Value: "demo" }, { Key: "team", Value: "platform" }],
    }),
  );
  const { LoadBalancerArn: loadBalancerArn, DNSName: dnsName, VpcId: vpcId } = created.LoadBalancers![0];
  const web = await blueGreenGroups(elb, WEB, vpcId!);
  const api = await blueGreenGroups(elb, API, vpcId!);

  const productionListenerArn = await listener(elb, loadBalancerArn!, PRODUCTION_PORT, notFound(unknownHostMessage(dnsName!)));
  const apiProduction = await rule(elb, productionListenerArn, 10, [hostIs(`${API.family}.*`)], forwardTo(api));
  await rule(elb, productionListenerArn, 20, [hostIs(`${WEB.family}.*`)], forwardTo(web));
  // The plain name (and loopback) shows web too, so the address printed at start-up is worth opening.
  await rule(elb, productionListenerArn, 30, [hostIs(dnsName!, "localhost", "127.0.0.1")], forwardTo({ blue: web.blue }));

  const testListenerArn = await listener(elb, loadBalancerArn!, TEST_PORT, notFound("This is the demo's test listener; it forwards everything to api."));
  const apiTest = await rule(elb, testListenerArn, 10, [{ Field: "path-pattern", PathPatternConfig: { Values: ["/*"] } }], forwardTo(api));

  return {
    web,
    api: { ...api, productionRuleArn: apiProduction, testRuleArn: apiTest },
    productionListenerArn,
    testListenerArn,
  };
}

/** Where a listener answers on this machine, from the tag local ECS puts on it. */
export async function listenerAddress(elb: ElasticLoadBalancingV2Client, listenerArn: string): Promise<string> {
  const { TagDescriptions } = await elb.send(new DescribeTagsCommand({ ResourceArns: [listenerArn] }));
  const address = TagDescriptions?.[0]?.Tags?.find((tag) => tag.Key === ADDRESS_TAG)?.Value;
  if (!address) throw new Error(`the listener ${listenerArn} has no ${ADDRESS_TAG} tag`);
  return address;
}

function unknownHostMessage(dnsName: string): string {
  return `No demo service answers to this host name. Try web.${dnsName} (service web), api.${dnsName} (service api) or ${dnsName} (web).\n`;
}

async function blueGreenGroups(elb: ElasticLoadBalancingV2Client, app: AppFamily, vpcId: string): Promise<BlueGreenGroups> {
  const [blue, green] = await Promise.all(["blue", "green"].map((colour) => targetGroup(elb, `demo-${app.family}-${colour}`, app, vpcId)));
  return { blue, green };
}

async function targetGroup(elb: ElasticLoadBalancingV2Client, name: string, app: AppFamily, vpcId: string): Promise<string> {
  const created = await elb.send(
    new CreateTargetGroupCommand({
      Name: name,
      Protocol: "HTTP",
      Port: app.port,
      VpcId: vpcId,
      TargetType: "ip",
      HealthCheckPath: app.healthPath,
      Matcher: { HttpCode: "200" },
      ...HEALTH_CHECK,
      Tags: [{ Key: "app", Value: app.family }],
    }),
  );
  const arn = created.TargetGroups![0].TargetGroupArn!;
  await elb.send(
    new ModifyTargetGroupAttributesCommand({ TargetGroupArn: arn, Attributes: [{ Key: "deregistration_delay.timeout_seconds", Value: DEREGISTRATION_DELAY_SECONDS }] }),
  );
  return arn;
}

async function listener(elb: ElasticLoadBalancingV2Client, loadBalancerArn: string, port: number, defaultAction: Action): Promise<string> {
  const created = await elb.send(new CreateListenerCommand({ LoadBalancerArn: loadBalancerArn, Protocol: "HTTP", Port: port, DefaultActions: [defaultAction] }));
  return created.Listeners![0].ListenerArn!;
}

async function rule(elb: ElasticLoadBalancingV2Client, listenerArn: string, priority: number, conditions: RuleCondition[], action: Action): Promise<string> {
  const created = await elb.send(new CreateRuleCommand({ ListenerArn: listenerArn, Priority: priority, Conditions: conditions, Actions: [action] }));
  return created.Rules![0].RuleArn!;
}

function hostIs(...values: string[]): RuleCondition {
  return { Field: "host-header", HostHeaderConfig: { Values: values } };
}

/** Blue takes all traffic; green is there, at weight 0, for ECS to shift traffic to. */
function forwardTo(groups: { blue: string; green?: string }): Action {
  const targetGroups = [{ TargetGroupArn: groups.blue, Weight: 1 }];
  if (groups.green) targetGroups.push({ TargetGroupArn: groups.green, Weight: 0 });
  return { Type: "forward", ForwardConfig: { TargetGroups: targetGroups } };
}

function notFound(message: string): Action {
  return { Type: "fixed-response", FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain", MessageBody: message } };
}
