import { describe, expect, it } from "vitest";
import { fixedResponse, redirectAnswer } from "./fixed-answers";

const source = { protocol: "http", host: "shop.elb.localhost", port: 80, path: "/cart/items", query: "a=1" };

describe("fixed-response", () => {
  it("answers with the configured status, type and body", () => {
    expect(fixedResponse({ StatusCode: "418", ContentType: "application/json", MessageBody: "{}" })).toMatchObject({
      status: 418,
      headers: { "content-type": "application/json" },
      body: "{}",
    });
  });
});

describe("redirect", () => {
  it("keeps every part of the request by default", () => {
    expect(redirectAnswer({ StatusCode: "HTTP_302" }, source).headers.location).toBe("http://shop.elb.localhost/cart/items?a=1");
  });

  it("fills placeholders and drops default ports", () => {
    const answer = redirectAnswer({ StatusCode: "HTTP_301", Protocol: "HTTPS", Port: "443", Path: "/new/#{path}", Query: "from=#{host}" }, source);
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe("https://shop.elb.localhost/new/cart/items?from=shop.elb.localhost");
  });

  it("lets the caller point it at a local port", () => {
    const answer = redirectAnswer({ StatusCode: "HTTP_302", Protocol: "HTTPS", Port: "443" }, source, (l) => ({ ...l, protocol: "http", port: 10443 }));
    expect(answer.headers.location).toBe("http://shop.elb.localhost:10443/cart/items?a=1");
  });
});
