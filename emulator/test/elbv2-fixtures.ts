import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  type Action,
  type CreateListenerCommandInput,
  type CreateLoadBalancerCommandInput,
  type CreateTargetGroupCommandInput,
  type ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
  type TargetGroup,
} from "@aws-sdk/client-elastic-load-balancing-v2";

/** Small builders shared by the ELBv2 black-box tests. */
export const VPC_ID = "vpc-0a1b2c3d4e5f67890";
export const SUBNETS = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"];

export { awsError as failure } from "./fixtures";

export async function createAlb(elb: ElasticLoadBalancingV2Client, name: string, extra: Partial<CreateLoadBalancerCommandInput> = {}): Promise<LoadBalancer> {
  const result = await elb.send(new CreateLoadBalancerCommand({ Name: name, Subnets: SUBNETS, ...extra }));
  return result.LoadBalancers![0];
}

export async function createNlb(elb: ElasticLoadBalancingV2Client, name: string): Promise<LoadBalancer> {
  return createAlb(elb, name, { Type: "network", Subnets: [SUBNETS[0]] });
}

export async function createTargetGroup(
  elb: ElasticLoadBalancingV2Client,
  name: string,
  extra: Partial<CreateTargetGroupCommandInput> = {},
): Promise<TargetGroup> {
  const result = await elb.send(
    new CreateTargetGroupCommand({ Name: name, Protocol: "HTTP", Port: 8080, VpcId: VPC_ID, TargetType: "ip", ...extra }),
  );
  return result.TargetGroups![0];
}

export function forwardTo(targetGroupArn: string): Action {
  return { Type: "forward", TargetGroupArn: targetGroupArn };
}

export function weighted(...groups: Array<[string, number]>): Action {
  return { Type: "forward", ForwardConfig: { TargetGroups: groups.map(([TargetGroupArn, Weight]) => ({ TargetGroupArn, Weight })) } };
}

export const FIXED_404: Action = { Type: "fixed-response", FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain", MessageBody: "nothing here" } };

export async function createListener(
  elb: ElasticLoadBalancingV2Client,
  loadBalancerArn: string,
  port: number,
  defaultAction: Action = FIXED_404,
  extra: Partial<CreateListenerCommandInput> = {},
): Promise<Listener> {
  const result = await elb.send(
    new CreateListenerCommand({ LoadBalancerArn: loadBalancerArn, Protocol: "HTTP", Port: port, DefaultActions: [defaultAction], ...extra }),
  );
  return result.Listeners![0];
}

/** A raw AWS Query call, for inputs the SDK would never send. */
export async function postQuery(endpoint: string, params: Record<string, string>): Promise<{ status: number; code: string; body: string }> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      authorization: "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/elasticloadbalancing/aws4_request, SignedHeaders=host, Signature=x",
    },
    body: new URLSearchParams({ Version: "2015-12-01", ...params }).toString(),
  });
  const body = await response.text();
  return { status: response.status, code: /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? "", body };
}
