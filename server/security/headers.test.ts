import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, requestHeadersWithNonce, securityHeaders, servedOverHttps, setSecurityHeaders } from "./headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("lets only this response's scripts run, with nothing from elsewhere and no framing", () => {
    const policy = directives(contentSecurityPolicy("abc123", { dev: false }));
    expect(Object.fromEntries(policy)).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", "'nonce-abc123'", "'strict-dynamic'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
  });

  it("allows eval only in development, for React's debugging aids", () => {
    expect(directives(contentSecurityPolicy("n", { dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { dev: false })).not.toContain("unsafe-eval");
  });
});

describe("newNonce", () => {
  it("is new each time, 128 bits of base64", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("securityHeaders", () => {
  const names = (https: boolean) => securityHeaders({ https }).map((header) => header.key);

  it("forbids framing and sniffing, keeps referrers to the origin, turns off camera, microphone and location", () => {
    expect(Object.fromEntries(securityHeaders({ https: false }).map(({ key, value }) => [key, value]))).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
  });

  it("asks for https from now on only when served over https", () => {
    expect(names(false)).not.toContain("Strict-Transport-Security");
    expect(names(true)).toContain("Strict-Transport-Security");
  });
});

describe("servedOverHttps", () => {
  it("believes the URL, or the proxy in front that ended TLS", () => {
    expect(servedOverHttps(new URL("https://slipway.example/"), new Headers())).toBe(true);
    expect(servedOverHttps(new URL("http://localhost:3000/"), new Headers())).toBe(false);
    expect(servedOverHttps(new URL("http://10.0.0.5:3000/"), new Headers({ "x-forwarded-proto": "https, http" }))).toBe(true);
    expect(servedOverHttps(new URL("http://10.0.0.5:3000/"), new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
  });
});

describe("requestHeadersWithNonce and setSecurityHeaders", () => {
  it("hands the nonce, its policy and the path to the app, and puts the policy and the rest on the response", () => {
    const policy = contentSecurityPolicy("n0nce", { dev: false });
    // A path header the browser sent itself is replaced by the request's real path.
    const forwarded = requestHeadersWithNonce(new Headers({ cookie: "a=b", "x-slipway-path": "/forged" }), "n0nce", policy, "/clusters/demo");
    expect([forwarded.get("x-nonce"), forwarded.get("content-security-policy"), forwarded.get("cookie"), forwarded.get("x-slipway-path")]).toEqual([
      "n0nce",
      policy,
      "a=b",
      "/clusters/demo",
    ]);

    const response = new Headers();
    setSecurityHeaders(response, { policy, https: true });
    expect(response.get("content-security-policy")).toBe(policy);
    expect(response.get("x-frame-options")).toBe("DENY");
    expect(response.get("strict-transport-security")).toMatch(/^max-age=\d+/);
  });
});

describe("next.config.mjs", () => {
  it("gives static files the same headers, and HSTS only behind https", async () => {
    const { default: config } = (await import(new URL("../../next.config.mjs", import.meta.url).href)) as { default: NextConfig };
    const rules = await config.headers!();
    const always = rules.filter((rule) => !rule.has);
    const overHttps = rules.filter((rule) => rule.has);
    expect(always.map((rule) => rule.source)).toEqual(["/:path*"]);
    expect(always.flatMap((rule) => rule.headers)).toEqual(securityHeaders({ https: false }));
    expect(overHttps).toEqual([{ source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: securityHeaders({ https: true }).slice(-1) }]);
  });
});
