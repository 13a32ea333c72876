import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from "node:crypto";

/**
 * The client side of an authorization-code sign-in with PKCE, state and nonce, done with plain
 * fetch the way a browser and a relying party would: redirects followed by hand with a cookie
 * jar, the identity provider's form posted, the code exchanged at the token endpoint and the ID
 * token's signature, issuer, audience and nonce checked. Tests use it to prove an identity
 * provider works without a dashboard in between.
 */

export interface CodeFlowClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

const MAX_REDIRECTS = 10;

function base64url(bytes: Buffer): string {
  return bytes.toString("base64url");
}

/** Cookies by name; enough for one provider on one host. */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const equals = pair.indexOf("=");
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((attribute) => /^\s*(max-age=0|expires=.*1970)/i.test(attribute));
      if (expired || value === "") this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  return (await response.json()) as Discovery;
}

/** A browser's visit: follows redirects with the jar, and stops at the client's redirect URI or at a page. */
export class Browser {
  readonly jar = new CookieJar();

  constructor(readonly redirectUri: string) {}

  async visit(url: string, init: RequestInit = {}): Promise<{ url: string; response: Response }> {
    let current = url;
    let request = init;
    for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
      const response = await fetch(current, { ...request, redirect: "manual", headers: { ...request.headers, cookie: this.jar.header() } });
      this.jar.take(response);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current).href;
      if (current.startsWith(this.redirectUri)) return { url: current, response };
      request = {};
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
  }
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function authorizationRequest(client: CodeFlowClient, discovery: Discovery, scope: string, { pkce = true } = {}): AuthorizationRequest {
  const state = base64url(randomBytes(16));
  const nonce = base64url(randomBytes(16));
  const codeVerifier = base64url(randomBytes(32));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({ client_id: client.clientId, redirect_uri: client.redirectUri, response_type: "code", scope, state, nonce }).toString();
  if (pkce) {
    url.searchParams.set("code_challenge", base64url(createHash("sha256").update(codeVerifier).digest()));
    url.searchParams.set("code_challenge_method", "S256");
  }
  return { url: url.href, state, nonce, codeVerifier };
}

/** Posts the first form on a page, with its action resolved against the page. */
export async function submitForm(browser: Browser, page: { url: string; response: Response }, fields: Record<string, string>) {
  const html = await page.response.text();
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form at ${page.url} (${page.response.status}): ${html.slice(0, 300)}`);
  return browser.visit(new URL(action.replaceAll("&amp;", "&"), page.url).href, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

export async function exchangeCode(client: CodeFlowClient, discovery: Discovery, code: string, codeVerifier: string): Promise<Response> {
  return fetch(discovery.token_endpoint, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: client.redirectUri, code_verifier: codeVerifier }).toString(),
  });
}

/** The ID token's claims once its RS256 signature (against the provider's keys), issuer, audience, nonce and expiry check out. */
export async function verifiedIdTokenClaims(idToken: string, client: CodeFlowClient, discovery: Discovery, nonce: string): Promise<Record<string, unknown>> {
  const [header, payload, signature] = idToken.split(".");
  const { alg, kid } = JSON.parse(Buffer.from(header, "base64url").toString()) as { alg: string; kid?: string };
  if (alg !== "RS256") throw new Error(`ID token signed with ${alg}, not RS256`);
  const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as { keys: (JsonWebKey & { kid?: string })[] };
  const jwk = keys.find((key) => key.kid === kid);
  if (!jwk) throw new Error(`no key ${kid} in the provider's keys`);
  const signed = verify("sha256", Buffer.from(`${header}.${payload}`), createPublicKey({ key: jwk, format: "jwk" }), Buffer.from(signature, "base64url"));
  if (!signed) throw new Error("the ID token's signature does not verify");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
  if (claims.iss !== discovery.issuer) throw new Error(`ID token from ${String(claims.iss)}, not ${discovery.issuer}`);
  if (claims.aud !== client.clientId && !(Array.isArray(claims.aud) && claims.aud.includes(client.clientId))) throw new Error("ID token for another client");
  if (claims.nonce !== nonce) throw new Error("ID token with another nonce");
  if (typeof claims.exp !== "number" || claims.exp * 1000 < Date.now()) throw new Error("ID token expired");
  return claims;
}
