import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";
import { AwsError } from "./aws-error";

/**
 * Local ECS takes any credentials, so a web page the user has open must not be able to reach it.
 * A page can try in two ways, and each leaves a mark no AWS SDK or CLI leaves:
 * - DNS rebinding: the page's own name is made to resolve to 127.0.0.1, so its requests carry
 *   `Host: <that name>`. Only names of this machine (`localhost`, `*.localhost`), IP addresses
 *   (which cannot be rebound) and names the operator allows are answered.
 * - Cross-origin requests, such as a form posting AddTags: browsers add `Origin` and
 *   `Sec-Fetch-Site`, which SDKs and the CLI never send.
 * Only the API endpoint checks. The load balancers' listeners route by whatever Host their rules
 * name, as ALB does, and serve nothing but the sample tasks' pages.
 */
export const ALLOWED_HOSTS_ENV = "LOCAL_ECS_ALLOWED_HOSTS";

export class RefusedRequestError extends AwsError {
  constructor(message: string) {
    super("AccessDenied", message, 403);
  }
}

/** `Host: Name:4510` → `name`; `[::1]:4510` → `::1`; a trailing dot is dropped. */
function hostName(host: string): string {
  const close = host.indexOf("]");
  const name = host.startsWith("[") && close !== -1 ? host.slice(1, close) : host.replace(/:\d*$/, "");
  return name.toLowerCase().replace(/\.$/, "");
}

function isLocalHostName(name: string): boolean {
  return name === "localhost" || name.endsWith(".localhost") || isIP(name) !== 0;
}

/** Throws if the request bears a web page's marks (see above). */
export function refuseBrowserAttacks(headers: IncomingHttpHeaders, allowedHosts: ReadonlySet<string>): void {
  // HTTP/1.1 requires Host and Node refuses a request without one; an HTTP/1.0 client may omit it.
  const name = headers.host === undefined ? undefined : hostName(headers.host);
  if (name !== undefined && !isLocalHostName(name) && !allowedHosts.has(name)) {
    throw new RefusedRequestError(
      `Local ECS does not answer requests for host ${name}, to protect it from DNS rebinding: it answers localhost, ` +
        `names ending in .localhost and IP addresses. To reach it by this name, start it with --allowed-host ${name} ` +
        `(or set ${ALLOWED_HOSTS_ENV}).`,
    );
  }
  const origin = headers.origin;
  if (origin !== undefined && origin !== ownOrigin(headers.host)) {
    throw new RefusedRequestError(`Local ECS refuses requests from web pages (this one came from ${origin}): AWS SDKs and the CLI send no Origin header.`);
  }
  const site = headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") {
    throw new RefusedRequestError(`Local ECS refuses requests from web pages (Sec-Fetch-Site: ${site}): AWS SDKs and the CLI send no such header.`);
  }
}

/** The origin a page served by this endpoint, under the name the request used, would have. */
function ownOrigin(host: string | undefined): string | undefined {
  try {
    return host === undefined ? undefined : new URL(`http://${host}`).origin;
  } catch {
    return undefined;
  }
}

/** `a.example, B.example.` → `a.example`, `b.example`: names as `hostName` gives them, for comparison. */
export function normaliseAllowedHosts(names: Iterable<string>): Set<string> {
  return new Set([...names].map((name) => hostName(name.trim())).filter((name) => name !== ""));
}
