import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Interaction } from "oidc-provider";
import { loginPageHtml } from "./login-page";
import { TEST_USER_PASSWORD, TEST_USERS } from "./test-users";

/**
 * A real OpenID Connect provider (the certified `oidc-provider` package) on a free loopback
 * port, for tests of single sign-on: one confidential client (the dashboard) that must use
 * PKCE, a `groups` scope carrying a `groups` claim, and two users who sign in on a plain form.
 * The claims are put in the ID token itself, as the dashboard reads them from there.
 *
 * It listens on 127.0.0.1 while the dashboard is reached as localhost: two hosts, so the
 * browser keeps their cookies apart (cookies ignore ports).
 */

const CLIENT = { id: "slipway-dashboard", secret: "slipway-dashboard-test-secret", name: "Slipway" };
/** The role mapping the dashboard is given: release managers approve, readers get no role. */
const ROLE_MAPPING = "approver=release-managers,admin=platform-admins";

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The dashboard's environment for signing in here. */
  dashboardEnv: Record<string, string>;
  stop(): Promise<void>;
}

export interface TestIdentityProviderOptions {
  /** The dashboard's base URL as the browser knows it, e.g. http://localhost:3100. */
  dashboardUrl: string;
  host?: string;
}

function findAccount(_ctx: unknown, id: string) {
  const user = Object.hasOwn(TEST_USERS, id) ? TEST_USERS[id] : undefined;
  if (!user) return undefined;
  return { accountId: id, claims: () => ({ sub: id, preferred_username: id, ...user }) };
}

function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: "test-signing-key", use: "sig", alg: "RS256" };
}

function configuration(redirectUri: string) {
  return {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        client_name: CLIENT.name,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "preferred_username"],
      groups: ["groups"],
    },
    // Scope claims in the ID token too, not only from the userinfo endpoint.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount,
    // Seconds; short, as a test's sign-in is over in moments.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
  };
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 10_000) throw new Error("form too large");
  }
  return new URLSearchParams(body);
}

/** The dashboard is this provider's own application: consent is given without asking. */
async function grantConsent(provider: Provider, interaction: Interaction): Promise<string> {
  const { session, params, grantId, prompt } = interaction;
  const grant = (grantId && (await provider.Grant.find(grantId))) || new provider.Grant({ accountId: session!.accountId, clientId: params.client_id });
  const details = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(" "));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(" "));
  return grant.save();
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  response.end(html);
}

async function interact(provider: Provider, request: IncomingMessage, response: ServerResponse, uid: string): Promise<void> {
  const interaction = await provider.interactionDetails(request, response);
  if (interaction.uid !== uid) throw new Error("this sign-in is not the one in progress");
  if (interaction.prompt.name === "consent") {
    const consentGrantId = await grantConsent(provider, interaction);
    return provider.interactionFinished(request, response, { consent: { grantId: consentGrantId } }, { mergeWithLastSubmission: true });
  }
  const action = `/interaction/${uid}`;
  if (request.method !== "POST") return sendHtml(response, 200, loginPageHtml({ action, clientName: CLIENT.name }));
  const form = await formBody(request);
  const login = form.get("login")?.trim() ?? "";
  if (!Object.hasOwn(TEST_USERS, login) || form.get("password") !== TEST_USER_PASSWORD) {
    return sendHtml(response, 401, loginPageHtml({ action, clientName: CLIENT.name, login, error: "Wrong username or password." }));
  }
  return provider.interactionFinished(request, response, { login: { accountId: login } }, { mergeWithLastSubmission: false });
}

function listen(server: ReturnType<typeof createServer>, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startTestIdentityProvider({ dashboardUrl, host = "127.0.0.1" }: TestIdentityProviderOptions): Promise<TestIdentityProvider> {
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.writeHead(503).end();
  const server = createServer((request, response) => handle(request, response));
  const port = await listen(server, host);
  const issuer = `http://${host}:${port}`;
  const redirectUri = `${dashboardUrl.replace(/\/+$/, "")}/api/auth/callback/oidc`;
  const provider = new Provider(issuer, configuration(redirectUri));
  provider.on("server_error", (_ctx, error) => console.error("test identity provider:", error));
  const oidc = provider.callback();
  handle = (request, response) => {
    const uid = /^\/interaction\/([\w-]+)$/.exec(new URL(request.url ?? "/", issuer).pathname)?.[1];
    if (!uid) return oidc(request, response);
    interact(provider, request, response, uid).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      response.end(`Sign-in failed: ${error.message}`);
    });
  };
  return {
    issuer,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    redirectUri,
    dashboardEnv: {
      SLIPWAY_OIDC_ISSUER: issuer,
      SLIPWAY_OIDC_CLIENT_ID: CLIENT.id,
      SLIPWAY_OIDC_CLIENT_SECRET: CLIENT.secret,
      SLIPWAY_OIDC_SCOPES: "groups",
      SLIPWAY_OIDC_ROLES: ROLE_MAPPING,
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
