import type { Rule, RuleCondition } from "@aws-sdk/client-elastic-load-balancing-v2";
import { describe, expect, it } from "vitest";
import {
  chooseActions,
  conditionMatches,
  hostWithoutPort,
  ipInCidr,
  matchesWildcard,
  queryPairs,
  requestFacts,
  rulesInPriorityOrder,
  terminalAction,
  type RequestFacts,
} from "./rule-matching";

function facts(overrides: Partial<RequestFacts> & { url?: string } = {}): RequestFacts {
  const { url, ...rest } = overrides;
  return { ...requestFacts("GET", url ?? "/", { host: "shop.example.com:10080" }, "127.0.0.1"), ...rest };
}

const host = (...values: string[]): RuleCondition => ({ Field: "host-header", HostHeaderConfig: { Values: values } });
const path = (...values: string[]): RuleCondition => ({ Field: "path-pattern", PathPatternConfig: { Values: values } });
const forwardTo = (arn: string) => [{ Type: "forward" as const, TargetGroupArn: arn }];

describe("wildcards", () => {
  it("treats * as any run of characters and ? as exactly one", () => {
    expect(matchesWildcard("/api/*", "/api/", false)).toBe(true);
    expect(matchesWildcard("/api/*", "/api/v1/users", false)).toBe(true);
    expect(matchesWildcard("/img/??.png", "/img/ab.png", false)).toBe(true);
    expect(matchesWildcard("/img/??.png", "/img/abc.png", false)).toBe(false);
    expect(matchesWildcard("/api/*", "/apix", false)).toBe(false);
  });

  it("takes regex characters literally", () => {
    expect(matchesWildcard("/a.b+(c)", "/a.b+(c)", false)).toBe(true);
    expect(matchesWildcard("/a.b", "/axb", false)).toBe(false);
  });

  it("compares case-insensitively only when asked", () => {
    expect(matchesWildcard("*.EXAMPLE.com", "shop.example.COM", true)).toBe(true);
    expect(matchesWildcard("/API/*", "/api/x", false)).toBe(false);
  });
});

describe("host-header", () => {
  it("ignores the port and case, and honours wildcards", () => {
    expect(conditionMatches(host("SHOP.example.com"), facts())).toBe(true);
    expect(conditionMatches(host("*.example.com"), facts())).toBe(true);
    expect(conditionMatches(host("s?op.example.com"), facts())).toBe(true);
    expect(conditionMatches(host("api.example.com"), facts())).toBe(false);
  });

  it("matches any of its values, and reads the legacy Values field", () => {
    expect(conditionMatches(host("api.example.com", "shop.example.com"), facts())).toBe(true);
    expect(conditionMatches({ Field: "host-header", Values: ["shop.example.com"] }, facts())).toBe(true);
  });

  it("fails when the request has no Host header", () => {
    expect(conditionMatches(host("*"), facts({ host: undefined }))).toBe(false);
  });

  it("strips ports from IPv6 hosts too", () => {
    expect(hostWithoutPort("[::1]:8080")).toBe("[::1]");
    expect(hostWithoutPort("example.com")).toBe("example.com");
  });
});

describe("path-pattern", () => {
  it("is case-sensitive and ignores the query string", () => {
    expect(conditionMatches(path("/api/*"), facts({ url: "/api/users?sort=asc" }))).toBe(true);
    expect(conditionMatches(path("/API/*"), facts({ url: "/api/users" }))).toBe(false);
    expect(conditionMatches(path("*sort*"), facts({ url: "/api/users?sort=asc" }))).toBe(false);
  });

  it("supports RegexValues", () => {
    expect(conditionMatches({ Field: "path-pattern", PathPatternConfig: { RegexValues: ["^/v[0-9]+/"] } }, facts({ url: "/v2/x" }))).toBe(true);
    expect(conditionMatches({ Field: "path-pattern", PathPatternConfig: { RegexValues: ["(["] } }, facts({ url: "/v2/x" }))).toBe(false);
  });
});

describe("http-header", () => {
  const header = (name: string, ...values: string[]): RuleCondition => ({ Field: "http-header", HttpHeaderConfig: { HttpHeaderName: name, Values: values } });

  it("finds the header whatever the name's case and compares values case-insensitively", () => {
    const request = facts({ headers: { "x-canary": "Yes-Please" } });
    expect(conditionMatches(header("X-Canary", "yes-*"), request)).toBe(true);
    expect(conditionMatches(header("X-Canary", "no"), request)).toBe(false);
  });

  it("does not match a missing header, not even with *", () => {
    expect(conditionMatches(header("X-Canary", "*"), facts())).toBe(false);
  });
});

describe("http-request-method", () => {
  const method = (...values: string[]): RuleCondition => ({ Field: "http-request-method", HttpRequestMethodConfig: { Values: values } });

  it("compares exactly and case-sensitively", () => {
    expect(conditionMatches(method("GET", "HEAD"), facts())).toBe(true);
    expect(conditionMatches(method("get"), facts())).toBe(false);
    expect(conditionMatches(method("POST"), facts())).toBe(false);
  });
});

describe("query-string", () => {
  const query = (...values: Array<{ Key?: string; Value: string }>): RuleCondition => ({ Field: "query-string", QueryStringConfig: { Values: values } });

  it("matches key and value case-insensitively, with wildcards", () => {
    const request = facts({ url: "/?Version=Beta-2&x=1" });
    expect(conditionMatches(query({ Key: "version", Value: "beta*" }), request)).toBe(true);
    expect(conditionMatches(query({ Key: "version", Value: "stable" }), request)).toBe(false);
  });

  it("lets a pair without a key match any parameter's value", () => {
    expect(conditionMatches(query({ Value: "1" }), facts({ url: "/?x=1" }))).toBe(true);
    expect(conditionMatches(query({ Value: "2" }), facts({ url: "/?x=1" }))).toBe(false);
  });

  it("decodes percent-escapes and reads bare keys as empty values", () => {
    expect(queryPairs("a=hello%20world&flag")).toEqual([["a", "hello world"], ["flag", ""]]);
    expect(conditionMatches(query({ Key: "a", Value: "hello world" }), facts({ url: "/?a=hello%20world" }))).toBe(true);
  });
});

describe("source-ip", () => {
  it("checks IPv4 and IPv6 CIDR blocks", () => {
    expect(ipInCidr("10.1.2.3", "10.0.0.0/8")).toBe(true);
    expect(ipInCidr("11.1.2.3", "10.0.0.0/8")).toBe(false);
    expect(ipInCidr("::1", "::1/128")).toBe(true);
    expect(ipInCidr("::ffff:127.0.0.1", "127.0.0.0/8")).toBe(true);
    expect(ipInCidr("10.0.0.1", "not-a-cidr")).toBe(false);
    expect(ipInCidr("10.0.0.1", "10.0.0.0/40")).toBe(false);
  });

  it("matches the socket's address", () => {
    const condition: RuleCondition = { Field: "source-ip", SourceIpConfig: { Values: ["192.168.0.0/16", "127.0.0.0/8"] } };
    expect(conditionMatches(condition, facts())).toBe(true);
    expect(conditionMatches(condition, facts({ sourceIp: "8.8.8.8" }))).toBe(false);
  });
});

describe("rules", () => {
  const rule = (priority: string, conditions: RuleCondition[], target: string): Rule => ({ RuleArn: `rule-${priority}`, Priority: priority, Conditions: conditions, Actions: forwardTo(target) });

  it("orders by numeric priority, not by text, and leaves out the default rule", () => {
    const rules = [rule("10", [], "b"), rule("9", [], "a"), { Priority: "default", IsDefault: true, Actions: forwardTo("d") }];
    expect(rulesInPriorityOrder(rules).map((r) => r.Priority)).toEqual(["9", "10"]);
  });

  it("takes the first matching rule by priority", () => {
    const rules = [rule("20", [path("/api/*")], "api"), rule("5", [path("/api/admin*")], "admin")];
    expect(chooseActions(forwardTo("default"), rules, facts({ url: "/api/admin/x" })).actions).toEqual(forwardTo("admin"));
    expect(chooseActions(forwardTo("default"), rules, facts({ url: "/api/users" })).rule?.RuleArn).toBe("rule-20");
  });

  it("needs every condition of a rule to match", () => {
    const rules = [rule("1", [host("shop.example.com"), path("/cart*")], "cart")];
    expect(chooseActions(forwardTo("default"), rules, facts({ url: "/cart" })).actions).toEqual(forwardTo("cart"));
    expect(chooseActions(forwardTo("default"), rules, facts({ url: "/home" })).actions).toEqual(forwardTo("default"));
  });

  it("falls back to the listener's default actions", () => {
    const chosen = chooseActions(forwardTo("default"), [rule("1", [path("/x")], "x")], facts({ url: "/y" }));
    expect(chosen).toEqual({ actions: forwardTo("default") });
  });

  it("answers with the first forward, fixed-response or redirect by Order", () => {
    const action = terminalAction([
      { Type: "forward", TargetGroupArn: "tg", Order: 2 },
      { Type: "authenticate-oidc", Order: 1 },
    ]);
    expect(action?.TargetGroupArn).toBe("tg");
    expect(terminalAction([{ Type: "authenticate-cognito", Order: 1 }])).toBeUndefined();
  });
});
