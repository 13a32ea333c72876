import { describe, expect, it } from "vitest";
import { conditionWords, forwardsOf, listenerArnOfRule, listenerUrl } from "./load-balancing";

const ELB = "arn:aws:elasticloadbalancing:us-east-1:123456789012";

describe("load balancing in words", () => {
  it("says a rule's conditions as a person reads them", () => {
    expect(conditionWords({ Field: "host-header", HostHeaderConfig: { Values: ["api.*"] } })).toBe("Host is api.*");
    expect(conditionWords({ Field: "path-pattern", Values: ["/api/*", "/v2/*"] })).toBe("Path is /api/* or /v2/*");
    expect(conditionWords({ Field: "http-header", HttpHeaderConfig: { HttpHeaderName: "X-Canary", Values: ["on"] } })).toBe("Header X-Canary is on");
    expect(conditionWords({ Field: "query-string", QueryStringConfig: { Values: [{ Key: "beta", Value: "1" }] } })).toBe("Query is beta=1");
  });

  it("reads a forward's weighted target groups, and an old-style single target group", () => {
    const weighted = forwardsOf([{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: `${ELB}:targetgroup/blue/1`, Weight: 90 }, { TargetGroupArn: `${ELB}:targetgroup/green/2`, Weight: 10 }] } }]);
    expect(weighted.map((target) => [target.targetGroupName, target.weight])).toEqual([
      ["blue", 90],
      ["green", 10],
    ]);
    expect(forwardsOf([{ Type: "forward", TargetGroupArn: `${ELB}:targetgroup/blue/1` }])).toEqual([{ targetGroupArn: `${ELB}:targetgroup/blue/1`, targetGroupName: "blue", weight: undefined }]);
    expect(forwardsOf([{ Type: "fixed-response" }])).toEqual([]);
  });

  it("finds a rule's listener from the rule's ARN", () => {
    expect(listenerArnOfRule(`${ELB}:listener-rule/app/demo/abc/def/ghi`)).toBe(`${ELB}:listener/app/demo/abc/def`);
    expect(listenerArnOfRule(`${ELB}:targetgroup/blue/1`)).toBeUndefined();
  });

  it("links a listener by its DNS name, leaving out the protocol's own port, or where local ECS really answers", () => {
    expect(listenerUrl({ Protocol: "HTTP", Port: 80 }, "demo-1.elb.amazonaws.com")).toBe("http://demo-1.elb.amazonaws.com");
    expect(listenerUrl({ Protocol: "HTTPS", Port: 8443 }, "demo-1.elb.amazonaws.com")).toBe("https://demo-1.elb.amazonaws.com:8443");
    expect(listenerUrl({ Protocol: "TCP", Port: 5432 }, "db.elb.amazonaws.com")).toBeUndefined();
    expect(listenerUrl({ Protocol: "HTTP", Port: 80 }, "demo-1.elb.localhost", "http://demo-1.elb.localhost:10080")).toBe("http://demo-1.elb.localhost:10080");
  });
});
