import { request as playwrightRequest, type APIRequestContext, type Page, type Request, type TestInfo } from "@playwright/test";
import { storageStateOf, type Person } from "./people";

/**
 * Server actions sent by hand, as an attacker would: the request a permitted person's browser
 * makes, caught and replayed with someone else's cookie. What the server does with it shows
 * that authorisation is enforced there, not by hiding buttons.
 */

/** What the browser sends for one action, caught on its way and stopped there, so nothing happens. */
export async function catchActionRequest(page: Page, act: () => Promise<void>): Promise<Request> {
  const caught = new Promise<Request>((resolve) => {
    void page.route("**/*", async (route) => {
      if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
        resolve(route.request());
        await route.abort();
      } else {
        await route.fallback();
      }
    });
  });
  await act();
  const request = await caught;
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return request;
}

/** A person's own HTTP context: their cookies, nothing else. */
export function contextOf(person: Person, testInfo: TestInfo): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: testInfo.project.use.baseURL, storageState: storageStateOf(person) });
}

/** The caught request as it was, but for the cookie: the person's own comes from their context. `path`: posted to another page instead. */
export function sendAs(context: APIRequestContext, caught: Request, path?: string) {
  const { cookie: _theirCookie, ...headers } = caught.headers();
  const url = path ? new URL(path, caught.url()).toString() : caught.url();
  return context.post(url, { headers, data: caught.postDataBuffer() ?? undefined, maxRedirects: 0 });
}
