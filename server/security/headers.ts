/**
 * The security headers every response of the dashboard carries. `proxy.ts` sets them on pages
 * and route handlers, with a Content-Security-Policy whose nonce is new for each request; Next
 * finds that nonce in the request's CSP header and puts it on the scripts it renders.
 * next.config.mjs gives static files the same headers without a CSP (its list is checked
 * against `securityHeaders` by headers.test.ts).
 *
 * No `server-only` here: the proxy imports this module, and it holds nothing secret.
 */

export interface Header {
  key: string;
  value: string;
}

/** Long enough that no one guesses it; base64 of 16 random bytes. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts only with this response's nonce (and whatever those load: 'strict-dynamic'), nothing
 * from elsewhere, no framing. Styles may be inline: Tailwind's and React's style attributes are.
 * `next dev` needs eval for React's debugging aids (rebuilding server stacks in the browser).
 */
export function contentSecurityPolicy(nonce: string, { dev }: { dev: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** Two years, subdomains included: what HSTS preload lists ask for. */
const HSTS = "max-age=63072000; includeSubDomains";

/** Everything but the CSP. HSTS only over https: a browser ignores it over http, and it would pin localhost to https. */
export function securityHeaders({ https }: { https: boolean }): Header[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(https ? [{ key: "Strict-Transport-Security", value: HSTS }] : []),
  ];
}

/** https directly, or behind a proxy or load balancer that ends TLS and says so. */
export function servedOverHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return (forwarded ?? url.protocol.replace(/:$/, "")) === "https";
}

/** The header that carries the request's path and query to the pages (server/pages/route-params.ts). */
export const PATH_HEADER = "x-slipway-path";

/**
 * The request as the app sees it: Next takes the nonce for its scripts from this CSP header;
 * pages may read `x-nonce`, and a not-found page the path it answers for (PATH_HEADER).
 */
export function requestHeadersWithNonce(headers: Headers, nonce: string, policy: string, path: string): Headers {
  const forwarded = new Headers(headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", policy);
  forwarded.set(PATH_HEADER, path);
  return forwarded;
}

/** The CSP and the other security headers, on a response (a redirect as much as a page). */
export function setSecurityHeaders(headers: Headers, { policy, https }: { policy: string; https: boolean }): void {
  headers.set("Content-Security-Policy", policy);
  for (const { key, value } of securityHeaders({ https })) headers.set(key, value);
}
