/**
 * Browser tests run against the stack on this machine only, so a test run can never click
 * through a real deployment: anything not on loopback is refused.
 */
export function isLocalUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { hostname } = new URL(url);
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function assertLocalUrl(url: string, what: string): void {
  if (!isLocalUrl(url)) throw new Error(`Refusing to run browser tests against ${what} ${url}: it must be on localhost or 127.0.0.1.`);
}
