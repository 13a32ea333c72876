import {
  CreateListenerCommand,
  CreateRuleCommand,
  DeleteListenerCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  ModifyListenerCommand,
  type Action,
  type LoadBalancer,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlb, createListener, createNlb, createTargetGroup, failure, FIXED_404, forwardTo } from "./elbv2-fixtures";
import { startTestEmulator, type TestEmulator } from "./harness";

let local: TestEmulator;
let alb: LoadBalancer;
let nlb: LoadBalancer;
let nextPort = 19000;
const port = () => nextPort++;

beforeAll(async () => {
  local = await startTestEmulator();
  alb = await createAlb(local.elb, "listeners-alb");
  nlb = await createNlb(local.elb, "listeners-nlb");
});
afterAll(() => local.stop());

const UNKNOWN_LISTENER = "arn:aws:elasticloadbalancing:us-east-1:000000000000:listener/app/ghost/0123456789abcdef/0123456789abcdef";
const CERTIFICATE = "arn:aws:acm:us-east-1:000000000000:certificate/3dcb0a41-bd72-4774-9ad9-756919c40557";

function create(loadBalancerArn: string, protocol: string, listenerPort: number, action: Action, extra = {}) {
  return local.elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: loadBalancerArn,
      Protocol: protocol as "HTTP",
      Port: listenerPort,
      DefaultActions: [action],
      ...extra,
    }),
  );
}

describe("CreateListener", () => {
  it("creates an HTTP listener whose forward comes back in AWS's normalised shape", async () => {
    const group = await createTargetGroup(local.elb, "listener-group");
    const listenerPort = port();
    const listener = await createListener(local.elb, alb.LoadBalancerArn!, listenerPort, forwardTo(group.TargetGroupArn!));
    expect(listener).toMatchObject({ LoadBalancerArn: alb.LoadBalancerArn, Protocol: "HTTP", Port: listenerPort });
    expect(listener.ListenerArn).toMatch(new RegExp(`^${alb.LoadBalancerArn!.replace(":loadbalancer/", ":listener/")}/[0-9a-f]{16}$`));
    expect(listener.DefaultActions).toEqual([
      {
        Type: "forward",
        TargetGroupArn: group.TargetGroupArn,
        ForwardConfig: { TargetGroups: [{ TargetGroupArn: group.TargetGroupArn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } },
      },
    ]);
  });

  it("answers a repeat with the same settings with the same listener, and refuses other settings on that port", async () => {
    const listenerPort = port();
    const first = await createListener(local.elb, alb.LoadBalancerArn!, listenerPort);
    expect((await createListener(local.elb, alb.LoadBalancerArn!, listenerPort)).ListenerArn).toBe(first.ListenerArn);
    const other: Action = { Type: "fixed-response", FixedResponseConfig: { StatusCode: "503" } };
    expect((await failure(createListener(local.elb, alb.LoadBalancerArn!, listenerPort, other))).name).toBe("DuplicateListenerException");
  });

  it("accepts HTTPS with a certificate and fills in the default SSL policy", async () => {
    const { Listeners } = await create(alb.LoadBalancerArn!, "HTTPS", port(), FIXED_404, { Certificates: [{ CertificateArn: CERTIFICATE }] });
    expect(Listeners![0]).toMatchObject({ Protocol: "HTTPS", Certificates: [{ CertificateArn: CERTIFICATE }], SslPolicy: "ELBSecurityPolicy-2016-08" });
  });

  it("creates a TCP listener on an NLB forwarding to a TCP group", async () => {
    const group = await createTargetGroup(local.elb, "nlb-group", { Protocol: "TCP" });
    const { Listeners } = await create(nlb.LoadBalancerArn!, "TCP", port(), forwardTo(group.TargetGroupArn!));
    expect(Listeners![0]).toMatchObject({ Protocol: "TCP" });
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ["HTTPS without a certificate", () => create(alb.LoadBalancerArn!, "HTTPS", port(), FIXED_404), "ValidationError"],
    ["a certificate on HTTP", () => create(alb.LoadBalancerArn!, "HTTP", port(), FIXED_404, { Certificates: [{ CertificateArn: CERTIFICATE }] }), "ValidationError"],
    ["TCP on an ALB", () => create(alb.LoadBalancerArn!, "TCP", port(), FIXED_404), "UnsupportedProtocolException"],
    ["HTTP on an NLB", () => create(nlb.LoadBalancerArn!, "HTTP", port(), FIXED_404), "UnsupportedProtocolException"],
    ["UDP, which local ECS cannot proxy", () => create(nlb.LoadBalancerArn!, "UDP", port(), FIXED_404), "UnsupportedProtocolException"],
    ["port 0", () => create(alb.LoadBalancerArn!, "HTTP", 0, FIXED_404), "ValidationError"],
    ["port 65536", () => create(alb.LoadBalancerArn!, "HTTP", 65536, FIXED_404), "ValidationError"],
    ["no protocol", () => create(alb.LoadBalancerArn!, "", port(), FIXED_404), "ValidationError"],
    ["a fixed response on an NLB", () => create(nlb.LoadBalancerArn!, "TCP", port(), FIXED_404), "InvalidLoadBalancerActionException"],
    ["no default actions", () => local.elb.send(new CreateListenerCommand({ LoadBalancerArn: alb.LoadBalancerArn, Protocol: "HTTP", Port: port(), DefaultActions: [] })), "ValidationError"],
  ])("refuses %s", async (_why, call, expected) => {
    expect((await failure(call())).name).toBe(expected);
  });

  it("refuses an unknown load balancer or target group", async () => {
    const unknownLb = "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/ghost/0123456789abcdef";
    expect((await failure(createListener(local.elb, unknownLb, port()))).name).toBe("LoadBalancerNotFoundException");
    const unknownGroup = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/ghost/0123456789abcdef";
    const error = await failure(createListener(local.elb, alb.LoadBalancerArn!, port(), forwardTo(unknownGroup)));
    expect(error.name).toBe("TargetGroupNotFoundException");
  });

  it("refuses forwarding across protocol families", async () => {
    const tcpGroup = await createTargetGroup(local.elb, "tcp-for-alb", { Protocol: "TCP" });
    const error = await failure(createListener(local.elb, alb.LoadBalancerArn!, port(), forwardTo(tcpGroup.TargetGroupArn!)));
    expect(error.name).toBe("IncompatibleProtocolsException");
  });

  it("refuses a target group another load balancer already uses", async () => {
    const group = await createTargetGroup(local.elb, "owned-group");
    await createListener(local.elb, alb.LoadBalancerArn!, port(), forwardTo(group.TargetGroupArn!));
    const otherAlb = await createAlb(local.elb, "other-alb");
    const error = await failure(createListener(local.elb, otherAlb.LoadBalancerArn!, port(), forwardTo(group.TargetGroupArn!)));
    expect(error.name).toBe("TargetGroupAssociationLimitException");
  });
});

describe("DescribeListeners", () => {
  it("lists a load balancer's listeners, and finds listeners by ARN", async () => {
    const lb = await createAlb(local.elb, "described-listeners");
    const ports = [port(), port(), port()];
    const created = [];
    for (const listenerPort of ports) created.push(await createListener(local.elb, lb.LoadBalancerArn!, listenerPort));
    const all = await local.elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    expect(all.Listeners?.map((listener) => listener.Port)).toEqual(ports);

    const firstPage = await local.elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn, PageSize: 2 }));
    expect(firstPage.Listeners).toHaveLength(2);
    const rest = await local.elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn, PageSize: 2, Marker: firstPage.NextMarker }));
    expect(rest.Listeners?.map((listener) => listener.Port)).toEqual([ports[2]]);

    const byArn = await local.elb.send(new DescribeListenersCommand({ ListenerArns: [created[1].ListenerArn!] }));
    expect(byArn.Listeners).toEqual([created[1]]);
  });

  it("refuses unknown listeners, and a request naming neither a load balancer nor listeners", async () => {
    expect((await failure(local.elb.send(new DescribeListenersCommand({ ListenerArns: [UNKNOWN_LISTENER] })))).name).toBe(
      "ListenerNotFoundException",
    );
    expect((await failure(local.elb.send(new DescribeListenersCommand({})))).name).toBe("ValidationError");
  });
});

describe("ModifyListener", () => {
  it("changes the port and the default actions, which its default rule follows", async () => {
    const group = await createTargetGroup(local.elb, "modify-listener-group");
    const listener = await createListener(local.elb, alb.LoadBalancerArn!, port());
    const newPort = port();
    const { Listeners } = await local.elb.send(
      new ModifyListenerCommand({ ListenerArn: listener.ListenerArn, Port: newPort, DefaultActions: [forwardTo(group.TargetGroupArn!)] }),
    );
    expect(Listeners![0]).toMatchObject({ Port: newPort, DefaultActions: [{ Type: "forward", TargetGroupArn: group.TargetGroupArn }] });
    const rules = await local.elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }));
    expect(rules.Rules).toEqual([expect.objectContaining({ IsDefault: true, Actions: Listeners![0].DefaultActions })]);
  });

  it("keeps what is not given, and requires a certificate to become HTTPS", async () => {
    const listener = await createListener(local.elb, alb.LoadBalancerArn!, port());
    const toHttps = new ModifyListenerCommand({ ListenerArn: listener.ListenerArn, Protocol: "HTTPS" });
    expect((await failure(local.elb.send(toHttps))).name).toBe("ValidationError");
    const { Listeners } = await local.elb.send(
      new ModifyListenerCommand({ ListenerArn: listener.ListenerArn, Protocol: "HTTPS", Certificates: [{ CertificateArn: CERTIFICATE }] }),
    );
    expect(Listeners![0]).toMatchObject({ Protocol: "HTTPS", Port: listener.Port, DefaultActions: listener.DefaultActions });
  });

  it("refuses a port another listener of the load balancer has", async () => {
    const taken = await createListener(local.elb, alb.LoadBalancerArn!, port());
    const listener = await createListener(local.elb, alb.LoadBalancerArn!, port());
    const error = await failure(local.elb.send(new ModifyListenerCommand({ ListenerArn: listener.ListenerArn, Port: taken.Port })));
    expect(error.name).toBe("DuplicateListenerException");
  });

  it("refuses an unknown listener", async () => {
    const error = await failure(local.elb.send(new ModifyListenerCommand({ ListenerArn: UNKNOWN_LISTENER, Port: 80 })));
    expect(error.name).toBe("ListenerNotFoundException");
  });
});

describe("DeleteListener", () => {
  it("deletes the listener and its rules", async () => {
    const listener = await createListener(local.elb, alb.LoadBalancerArn!, port());
    const { Rules } = await local.elb.send(
      new CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority: 3, Conditions: [{ Field: "path-pattern", Values: ["/x"] }], Actions: [FIXED_404] }),
    );
    await local.elb.send(new DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
    expect((await failure(local.elb.send(new DescribeListenersCommand({ ListenerArns: [listener.ListenerArn!] })))).name).toBe(
      "ListenerNotFoundException",
    );
    expect((await failure(local.elb.send(new DescribeRulesCommand({ RuleArns: [Rules![0].RuleArn!] })))).name).toBe("RuleNotFoundException");
    expect((await failure(local.elb.send(new DeleteListenerCommand({ ListenerArn: listener.ListenerArn })))).name).toBe(
      "ListenerNotFoundException",
    );
  });
});
