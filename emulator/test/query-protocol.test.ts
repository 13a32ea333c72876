import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DeleteLoadBalancerCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ModifyRuleCommand,
  type LoadBalancer,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { AwsError, ThrottlingError } from "../protocols/aws-error";
import { createEndpoint } from "../protocols/endpoint";
import type { RequestContext, ServiceDefinition } from "../protocols/operation";

/**
 * The AWS Query codec and its routing, black-box over HTTP against fake services: exact bytes
 * for the wire format, and the real ELBv2 SDK client for interoperability.
 */
const NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
const FORM = "application/x-www-form-urlencoded; charset=utf-8";
const ELB_SIGNATURE = "AWS4-HMAC-SHA256 Credential=test/20240101/eu-west-1/elasticloadbalancing/aws4_request, SignedHeaders=host, Signature=0";

const LOAD_BALANCER: LoadBalancer = {
  LoadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/x/1",
  LoadBalancerName: "x",
  CreatedTime: new Date(0),
  Scheme: "internet-facing",
  State: { Code: "active" },
  AvailabilityZones: [{ ZoneName: "us-east-1a", SubnetId: "subnet-1", LoadBalancerAddresses: [] }],
  SecurityGroups: ["sg-1", "sg-2"],
};

let received: { ctx: RequestContext; input: unknown } | undefined;
let throttled = false;

function echo(ctx: RequestContext, input: unknown): unknown {
  received = { ctx, input };
  return input;
}

const fakeElb: ServiceDefinition = {
  name: "FakeELB",
  operations: {
    ModifyRule: echo,
    Render: () => ({
      Names: ["a", "b"],
      Empty: [],
      Nested: { Listeners: [{ Port: 443, Default: true, Weight: 0.25 }] },
      CreatedTime: new Date(Date.UTC(2024, 0, 1)),
      Enabled: false,
      Absent: undefined,
      Nothing: null,
      Message: `<b class="x">Tom & Jerry's</b>`,
    }),
    DescribeLoadBalancers: () => ({ LoadBalancers: [LOAD_BALANCER] }),
    DeleteLoadBalancer: () => ({}),
    DescribeListeners: () => {
      throw new AwsError("LoadBalancerNotFound", "One or more load balancers not found");
    },
    DescribeTargetHealth: () => {
      throw new AwsError("TargetGroupNotFound", "One or more target groups not found");
    },
    Explode: () => {
      throw new Error("a bug in a handler");
    },
  },
  beforeOperation: () => {
    if (throttled) throw new ThrottlingError();
  },
};

const otherQueryService: ServiceDefinition = { name: "Other", operations: { Ping: () => ({ Pong: "yes" }) } };
const jsonService: ServiceDefinition = { name: "FakeJson", operations: { Echo: (_ctx, input) => input } };

let server: Server;
let endpoint: string;
beforeAll(async () => {
  server = createEndpoint({
    accountId: "000000000000",
    defaultRegion: "us-east-1",
    bindings: [
      { protocol: "json", targetPrefix: "FakeJson_20240101", signingName: "fakejson", definition: jsonService },
      { protocol: "query", signingName: "elasticloadbalancing", version: "2015-12-01", xmlNamespace: NS, definition: fakeElb },
      { protocol: "query", signingName: "other", version: "2020-01-01", xmlNamespace: "urn:other", definition: otherQueryService },
    ],
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = undefined;
  throttled = false;
});

async function post(body: string, headers: Record<string, string> = { "content-type": FORM }) {
  const response = await fetch(endpoint, { method: "POST", headers, body });
  const requestId = response.headers.get("x-amzn-requestid") ?? "";
  return { status: response.status, contentType: response.headers.get("content-type"), requestId, body: await response.text() };
}

function errorXml(namespace: string, type: string, code: string, message: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

describe("AWS Query requests", () => {
  it("decode a ModifyRule body like the SDK's into nested lists and structures of strings", async () => {
    const response = await post(
      "Action=ModifyRule&Version=2015-12-01&RuleArn=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A0%3Alistener-rule%2Fapp%2Flb%2F1%2F2%2F3" +
        "&Actions.member.1.Type=forward" +
        "&Actions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn=arn%3A...%3Atargetgroup%2Fblue%2Faa" +
        "&Actions.member.1.ForwardConfig.TargetGroups.member.1.Weight=90" +
        "&Actions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn=arn%3A...%3Atargetgroup%2Fgreen%2Fbb" +
        "&Actions.member.1.ForwardConfig.TargetGroups.member.2.Weight=10" +
        "&Conditions=",
    );
    const input = {
      RuleArn: "arn:aws:elasticloadbalancing:us-east-1:0:listener-rule/app/lb/1/2/3",
      Actions: [
        {
          Type: "forward",
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: "arn:...:targetgroup/blue/aa", Weight: "90" },
              { TargetGroupArn: "arn:...:targetgroup/green/bb", Weight: "10" },
            ],
          },
        },
      ],
      Conditions: [],
    };
    expect(received?.input).toEqual(input);
    expect(received?.ctx).toMatchObject({ operation: "ModifyRule", region: "us-east-1", accountId: "000000000000" });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe("text/xml");
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body).toBe(
      `<ModifyRuleResponse xmlns="${NS}"><ModifyRuleResult>` +
        "<RuleArn>arn:aws:elasticloadbalancing:us-east-1:0:listener-rule/app/lb/1/2/3</RuleArn>" +
        "<Actions><member><Type>forward</Type><ForwardConfig><TargetGroups>" +
        "<member><TargetGroupArn>arn:...:targetgroup/blue/aa</TargetGroupArn><Weight>90</Weight></member>" +
        "<member><TargetGroupArn>arn:...:targetgroup/green/bb</TargetGroupArn><Weight>10</Weight></member>" +
        "</TargetGroups></ForwardConfig></member></Actions><Conditions/>" +
        `</ModifyRuleResult><ResponseMetadata><RequestId>${response.requestId}</RequestId></ResponseMetadata></ModifyRuleResponse>`,
    );
  });

  it("accept a form content type without a charset, and take the region from the signing scope", async () => {
    const response = await post("Action=ModifyRule&Version=2015-12-01&RuleArn=r", {
      "content-type": "application/x-www-form-urlencoded",
      authorization: ELB_SIGNATURE,
    });
    expect(response.status).toBe(200);
    expect(received?.ctx.region).toBe("eu-west-1");
  });

  it("render lists, empty lists, nesting, Dates, booleans, numbers and escaped text exactly", async () => {
    const response = await post("Action=Render&Version=2015-12-01");
    expect(response.body).toBe(
      `<RenderResponse xmlns="${NS}"><RenderResult>` +
        "<Names><member>a</member><member>b</member></Names><Empty/>" +
        "<Nested><Listeners><member><Port>443</Port><Default>true</Default><Weight>0.25</Weight></member></Listeners></Nested>" +
        "<CreatedTime>2024-01-01T00:00:00.000Z</CreatedTime><Enabled>false</Enabled>" +
        "<Message>&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/b&gt;</Message>" +
        `</RenderResult><ResponseMetadata><RequestId>${response.requestId}</RequestId></ResponseMetadata></RenderResponse>`,
    );
  });

  it("give an operation without result members an empty Result element", async () => {
    const response = await post("Action=DeleteLoadBalancer&Version=2015-12-01&LoadBalancerArn=x");
    expect(response.body).toBe(
      `<DeleteLoadBalancerResponse xmlns="${NS}"><DeleteLoadBalancerResult/>` +
        `<ResponseMetadata><RequestId>${response.requestId}</RequestId></ResponseMetadata></DeleteLoadBalancerResponse>`,
    );
  });
});

describe("AWS Query errors", () => {
  it("render a service's AwsError as an ErrorResponse with the same request id in header and body", async () => {
    const response = await post("Action=DescribeTargetHealth&Version=2015-12-01&TargetGroupArn=x");
    expect(response.status).toBe(400);
    expect(response.contentType).toBe("text/xml");
    expect(response.body).toBe(errorXml(NS, "Sender", "TargetGroupNotFound", "One or more target groups not found", response.requestId));
  });

  it("answer a handler's bug with a 500 InternalFailure from the Receiver, logging the bug", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await post("Action=Explode&Version=2015-12-01");
    expect(log).toHaveBeenCalledWith("[local-ecs] Explode failed", expect.objectContaining({ message: "a bug in a handler" }));
    log.mockRestore();
    expect(response.status).toBe(500);
    expect(response.body).toBe(errorXml(NS, "Receiver", "InternalFailure", "An internal error occurred.", response.requestId));
  });

  it("answer a missing Action with MissingAction", async () => {
    const response = await post("Version=2015-12-01&Names.member.1=a", { "content-type": FORM, authorization: ELB_SIGNATURE });
    expect(response.status).toBe(400);
    expect(response.body).toBe(errorXml(NS, "Sender", "MissingAction", "The request must contain the parameter Action.", response.requestId));
  });

  it("answer a Version the service does not speak with InvalidAction", async () => {
    const response = await post("Action=DescribeLoadBalancers&Version=2012-06-01");
    expect(response.status).toBe(400);
    expect(response.body).toBe(
      errorXml(NS, "Sender", "InvalidAction", "Could not find operation DescribeLoadBalancers for version 2012-06-01.", response.requestId),
    );
  });

  it("answer an unimplemented operation in the one standard way", async () => {
    const response = await post("Action=DescribeRules&Version=2015-12-01", { "content-type": FORM, authorization: ELB_SIGNATURE });
    expect(response.status).toBe(400);
    expect(response.body).toBe(
      errorXml(NS, "Sender", "UnknownOperationException", "Local ECS does not implement FakeELB operation DescribeRules.", response.requestId),
    );
  });

  it.each([
    ["a zero list index", "Action=ModifyRule&Version=2015-12-01&Actions.member.0.Type=forward"],
    ["bad percent-encoding", "Action=ModifyRule&Version=2015-12-01&RuleArn=%E0%A4%A"],
    ["a parameter that is both a value and a structure", "Action=ModifyRule&Version=2015-12-01&A=1&A.B=2"],
  ])("answer %s with a 400, never a crash", async (_, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body).toContain("<Code>InvalidQueryParameter</Code>");
    expect(received).toBeUndefined();
  });

  it("still pass through the service's beforeOperation hook", async () => {
    throttled = true;
    const response = await post("Action=DescribeLoadBalancers&Version=2015-12-01");
    expect(response.status).toBe(400);
    expect(response.body).toBe(errorXml(NS, "Sender", "ThrottlingException", "Rate exceeded", response.requestId));
  });
});

describe("routing between services", () => {
  it("finds an unsigned Query request's service by its Action", async () => {
    const response = await post("Action=Ping&Version=2020-01-01");
    expect(response.body).toBe(
      `<PingResponse xmlns="urn:other"><PingResult><Pong>yes</Pong></PingResult>` +
        `<ResponseMetadata><RequestId>${response.requestId}</RequestId></ResponseMetadata></PingResponse>`,
    );
  });

  it("prefers the signing scope over the Action", async () => {
    const response = await post("Action=Ping&Version=2015-12-01", { "content-type": FORM, authorization: ELB_SIGNATURE });
    expect(response.body).toContain("<Code>UnknownOperationException</Code>");
    expect(response.body).toContain(`xmlns="${NS}"`);
  });

  it("says no service matches when an unsigned Action belongs to no Query service", async () => {
    const response = await post("Action=Nope&Version=2015-12-01");
    expect(response.status).toBe(400);
    expect(response.body).toContain("<Code>UnknownServiceException</Code>");
  });

  it("keeps serving AWS JSON 1.1, whose unknown operations fail the same standard way in JSON", async () => {
    const json = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "FakeJson_20240101.Echo" };
    const ok = await post(`{"cluster":"demo","count":2}`, json);
    expect(ok.status).toBe(200);
    expect(ok.contentType).toBe("application/x-amz-json-1.1");
    expect(ok.body).toBe(`{"cluster":"demo","count":2}`);
    const unknown = await post("{}", { ...json, "x-amz-target": "FakeJson_20240101.Nope" });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toEqual({
      __type: "UnknownOperationException",
      message: "Local ECS does not implement FakeJson operation Nope.",
    });
  });
});

describe("the real ELBv2 SDK client", () => {
  let elb: ElasticLoadBalancingV2Client;
  beforeAll(() => {
    elb = new ElasticLoadBalancingV2Client({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
  });
  afterAll(() => elb.destroy());

  it("parses a described load balancer back to what the service returned", async () => {
    const output = await elb.send(new DescribeLoadBalancersCommand({ Names: ["x"] }));
    expect(output.LoadBalancers).toEqual([LOAD_BALANCER]);
    expect(output.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(received).toBeUndefined();
  });

  it("accepts an empty Result", async () => {
    const output = await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: LOAD_BALANCER.LoadBalancerArn }));
    expect(output.$metadata.httpStatusCode).toBe(200);
  });

  it("sends a weighted ModifyRule that decodes to the SDK's input shape, with strings for leaves", async () => {
    await elb.send(
      new ModifyRuleCommand({
        RuleArn: "rule-1",
        Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: "blue", Weight: 90 }, { TargetGroupArn: "green", Weight: 10 }] } }],
        Conditions: [],
      }),
    );
    expect(received?.input).toEqual({
      RuleArn: "rule-1",
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: "blue", Weight: "90" }, { TargetGroupArn: "green", Weight: "10" }] } }],
      Conditions: [],
    });
  });

  it.each([
    [() => elb.send(new DescribeListenersCommand({ LoadBalancerArn: "x" })), "LoadBalancerNotFoundException", "One or more load balancers not found"],
    [() => elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: "x" })), "TargetGroupNotFoundException", "One or more target groups not found"],
  ])("maps the wire error code to the SDK's exception class", async (call, name, message) => {
    const error = await call().catch((e: unknown) => e);
    expect(error).toMatchObject({ name, message, $fault: "client" });
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
  });
});
