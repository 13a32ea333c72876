/**
 * Signs in to a running dashboard the way its sign-in form does (next-auth's CSRF token, then
 * the password callback), for tools that read pages without a browser: the benchmark, and the
 * browser tests' global setup, which hands the cookies to Playwright.
 */
export interface SessionCookie {
  name: string;
  value: string;
}

function cookiesOf(response: Response): SessionCookie[] {
  return response.headers.getSetCookie().map((line) => {
    const [pair] = line.split(";");
    const index = pair.indexOf("=");
    return { name: pair.slice(0, index), value: pair.slice(index + 1) };
  });
}

export async function signInOverHttp(baseUrl: string, username: string, password: string): Promise<SessionCookie[]> {
  const csrfResponse = await fetch(new URL("/api/auth/csrf", baseUrl));
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = cookiesOf(csrfResponse);
  const response = await fetch(new URL("/api/auth/callback/password", baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: baseUrl, json: "true" }),
  });
  const session = cookiesOf(response).filter((cookie) => cookie.name.includes("session-token") && cookie.value);
  if (session.length === 0) throw new Error(`Signing in as ${username} at ${baseUrl} failed (HTTP ${response.status}).`);
  return session;
}

export function cookieHeader(cookies: readonly SessionCookie[]): string {
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}
