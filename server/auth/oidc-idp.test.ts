import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizationRequest, Browser, discover, exchangeCode, submitForm, verifiedIdTokenClaims, type CodeFlowClient } from "@/e2e/oidc/code-flow-client";
import { startTestIdentityProvider, type TestIdentityProvider } from "@/e2e/oidc/test-identity-provider";
import { TEST_USER_PASSWORD } from "@/e2e/oidc/test-users";
import { roleMappingFromEnv, rolesFromClaims } from "@/lib/auth/role-mapping";
import { oidcProviderFromEnv } from "./oidc";

/**
 * A real authorization-code sign-in with PKCE against the test identity provider, done with
 * fetch as the browser and the dashboard would, and the ID token's claims through the role
 * mapping the dashboard is given: the provider and the mapping work end to end.
 */

const SCOPE = "openid email profile groups";
let idp: TestIdentityProvider;
let client: CodeFlowClient;

beforeAll(async () => {
  idp = await startTestIdentityProvider({ dashboardUrl: "http://localhost:3999" });
  client = { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, redirectUri: idp.redirectUri };
});

afterAll(() => idp?.stop());

async function startSignIn(options?: { pkce: boolean }) {
  const discovery = await discover(idp.issuer);
  const request = authorizationRequest(client, discovery, SCOPE, options);
  const browser = new Browser(client.redirectUri);
  const page = await browser.visit(request.url);
  return { discovery, request, browser, page };
}

/** Signs in on the provider's form and returns where the browser is sent back to the dashboard. */
async function signIn(login: string, password = TEST_USER_PASSWORD) {
  const flow = await startSignIn();
  expect(flow.page.response.status).toBe(200);
  const back = await submitForm(flow.browser, flow.page, { login, password });
  return { ...flow, back };
}

async function claimsAfterSignIn(login: string) {
  const { discovery, request, back } = await signIn(login);
  const callback = new URL(back.url);
  expect(`${callback.origin}${callback.pathname}`).toBe(idp.redirectUri);
  expect(callback.searchParams.get("state")).toBe(request.state);
  const code = callback.searchParams.get("code");
  expect(code).toBeTruthy();
  const tokens = await exchangeCode(client, discovery, code!, request.codeVerifier);
  expect(tokens.status).toBe(200);
  const { id_token } = (await tokens.json()) as { id_token: string };
  return verifiedIdTokenClaims(id_token, client, discovery, request.nonce);
}

describe("the test identity provider", () => {
  it("asks for a username and password on a labelled form", async () => {
    const { page } = await startSignIn();
    expect(new URL(page.url).pathname).toMatch(/^\/interaction\//);
    const form = await page.response.text();
    expect(form).toContain('<label for="login">Username</label>');
    expect(form).toContain('<label for="password">Password</label>');
    expect(form).toContain("Sign in to continue to Slipway.");
  });

  it("signs Olivia in with her groups in the ID token, which make her an approver", async () => {
    const claims = await claimsAfterSignIn("olivia");
    expect(claims).toMatchObject({
      sub: "olivia",
      name: "Olivia Ortiz",
      email: "olivia@example.com",
      email_verified: true,
      groups: ["release-managers"],
    });
    expect(rolesFromClaims(claims, roleMappingFromEnv(idp.dashboardEnv))).toEqual(["approver"]);
    const provider = oidcProviderFromEnv(idp.dashboardEnv);
    expect(provider?.wellKnown).toBe(`${idp.issuer}/.well-known/openid-configuration`);
    expect(await provider!.profile(claims as never, {})).toEqual({ id: "olivia", name: "Olivia Ortiz", email: "olivia@example.com", roles: ["approver"] });
  });

  it("signs Victor in, whose groups give no role", async () => {
    const claims = await claimsAfterSignIn("victor");
    expect(claims).toMatchObject({ sub: "victor", groups: ["readers"], email_verified: false });
    expect(rolesFromClaims(claims, roleMappingFromEnv(idp.dashboardEnv))).toEqual([]);
  });

  it("keeps someone with a wrong password on its form", async () => {
    const { back } = await signIn("olivia", "wrong");
    expect(back.response.status).toBe(401);
    expect(await back.response.text()).toContain("Wrong username or password.");
  });

  it("refuses a sign-in without PKCE", async () => {
    const { page } = await startSignIn({ pkce: false });
    const refusal = new URL(page.url);
    expect(`${refusal.origin}${refusal.pathname}`).toBe(idp.redirectUri);
    expect(refusal.searchParams.get("error")).toBe("invalid_request");
    expect(refusal.searchParams.get("error_description")).toMatch(/requires PKCE/);
  });

  it("refuses a code exchanged with another PKCE verifier", async () => {
    const { discovery, back } = await signIn("olivia");
    const code = new URL(back.url).searchParams.get("code")!;
    const tokens = await exchangeCode(client, discovery, code, "a".repeat(43));
    expect(tokens.status).toBe(400);
    expect(await tokens.json()).toMatchObject({ error: "invalid_grant" });
  });
});
