import { describe, expect, it } from "vitest";
import { authOptions } from "./options";

describe("authOptions", () => {
  it("makes the session cookie Secure whenever people reach Slipway over https, a TLS proxy in front included", () => {
    expect(authOptions({ NODE_ENV: "production", NEXTAUTH_URL: "https://slipway.example.com" }).useSecureCookies).toBe(true);
    expect(authOptions({ NODE_ENV: "production", NEXTAUTH_URL: " HTTPS://slipway.example.com/ " }).useSecureCookies).toBe(true);
    expect(authOptions({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" }).useSecureCookies).toBe(false);
  });

  it("keeps sessions for SLIPWAY_SESSION_HOURS, 8 by default", () => {
    expect(authOptions({ NODE_ENV: "production" }).session?.maxAge).toBe(8 * 3600);
    expect(authOptions({ NODE_ENV: "production", SLIPWAY_SESSION_HOURS: "1.5" }).session?.maxAge).toBe(5400);
  });
});
