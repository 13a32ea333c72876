import { DescribeTasksCommand, ListTasksCommand } from "@aws-sdk/client-ecs";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { API, WEB } from "../emulator/seed/apps";
import { liveReadPaths, pagePaths } from "../lib/query-keys";
import { PEOPLE, storageStateOf } from "./people";
import { localEcs } from "./scratch";

/**
 * What keeps the dashboard safe in a browser: its security headers, a Content-Security-Policy
 * the pages really run under (no violation while they hydrate, poll, open dialogs or sign in),
 * no credential of the dashboard's in any page, live read or script, and secrets in task
 * definitions masked for those whose role may not see them. Reads the demo only, as the demo
 * admin unless a test says otherwise.
 */
const SIGNED_OUT = { cookies: [], origins: [] };

/** A running task of a demo service, by id. */
async function demoTask(service: string): Promise<string> {
  const ecs = localEcs();
  const { taskArns } = await ecs.send(new ListTasksCommand({ cluster: "demo", serviceName: service, desiredStatus: "RUNNING" }));
  const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: "demo", tasks: taskArns }));
  const running = tasks?.find((task) => task.lastStatus === "RUNNING");
  expect(running, `a running ${service} task in demo`).toBeDefined();
  return running!.taskArn!.split("/").pop()!;
}

interface View {
  name: string;
  page: string;
  live: string;
  /** The button that opens a dialog on this page, and the dialog's name. */
  dialog: { button: string; title: string | RegExp };
}

async function views(): Promise<View[]> {
  const task = await demoTask("web");
  return [
    { name: "the clusters overview", page: pagePaths.clusters(), live: liveReadPaths.clustersOverview, dialog: { button: "Create cluster", title: "Create cluster" } },
    { name: "a cluster", page: pagePaths.cluster("demo"), live: liveReadPaths.cluster("demo"), dialog: { button: "Run task", title: "Run task" } },
    { name: "a service", page: pagePaths.service("demo", "web"), live: liveReadPaths.service("demo", "web"), dialog: { button: "Scale", title: /^Scale/ } },
    { name: "a task", page: pagePaths.task("demo", task), live: liveReadPaths.task("demo", task), dialog: { button: "Stop task", title: /^Stop task/ } },
  ];
}

/** The values global-setup started the dashboard with that no browser may see (AWS_SECRET_ACCESS_KEY and the like). */
function dashboardSecrets(): [string, string][] {
  const secrets = Object.entries(JSON.parse(process.env.SLIPWAY_DASHBOARD_SECRETS ?? "{}") as Record<string, string>);
  expect(secrets.map(([name]) => name), "the secrets global-setup passed to the dashboard").toEqual(
    expect.arrayContaining(["AWS_SECRET_ACCESS_KEY", "NEXTAUTH_SECRET", "SLIPWAY_ADMIN_PASSWORD", "SLIPWAY_OIDC_CLIENT_SECRET"]),
  );
  return secrets;
}

function expectSecurityHeaders(headers: Record<string, string>, { csp }: { csp: boolean }): void {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  // Served over plain http here: asking the browser for https from now on would lock it out.
  expect(headers["strict-transport-security"]).toBeUndefined();
  if (!csp) return;
  const policy = headers["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'(;|$)/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("unsafe-eval");
}

/** The scripts a page loads first, as its HTML names them. */
function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]);
}

test("every page, live read and static file answers with the security headers", async ({ request }) => {
  for (const view of await views()) {
    const page = await request.get(view.page);
    expect(page.status(), view.name).toBe(200);
    expectSecurityHeaders(page.headers(), { csp: true });
    expectSecurityHeaders((await request.get(view.live)).headers(), { csp: true });

    // Next puts the response's own nonce on every script it renders, and the next response has another.
    const nonce = /'nonce-([^']+)'/.exec(page.headers()["content-security-policy"])![1];
    const html = await page.text();
    const scripts = [...html.matchAll(/<script[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length, view.name).toBeGreaterThan(0);
    for (const script of scripts) expect(script, view.name).toContain(`nonce="${nonce}"`);
    expect((await request.get(view.page)).headers()["content-security-policy"]).not.toContain(nonce);
  }

  const html = await (await request.get("/")).text();
  for (const file of ["/favicon.svg", scriptsOf(html)[0]]) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    expectSecurityHeaders(response.headers(), { csp: false });
  }
});

test("asks browsers for https from then on only when served over https", async ({ request }) => {
  const behindTls = { "x-forwarded-proto": "https" };
  expect((await request.get("/", { headers: behindTls })).headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  expect((await request.get("/favicon.svg", { headers: behindTls })).headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
});

/** CSP violations, from the console and from `securitypolicyviolation` events, since before the page's first script. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`));
  });
  return async () => [...logged, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

async function expectTicking(updated: Locator): Promise<void> {
  await expect(updated).toHaveText(/^Updated /);
  const first = await updated.textContent();
  await expect(updated).not.toHaveText(first ?? "");
}

test.describe("pages run under the CSP without a single violation", () => {
  test("while they hydrate, poll and open a dialog", async ({ page }) => {
    test.setTimeout(90_000);
    const violations = await watchViolations(page);
    for (const view of await views()) {
      const polled = page.waitForResponse((response) => new URL(response.url()).pathname === view.live && response.status() === 200);
      await page.goto(view.page);
      await expectTicking(page.getByRole("main").getByText(/^Updated /));
      await polled;

      await page.getByRole("button", { name: view.dialog.button, exact: true }).click();
      const dialog = page.getByRole("dialog", { name: view.dialog.title });
      await expect(dialog, view.name).toBeVisible();
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(dialog, view.name).toBeHidden();

      expect(await violations(), view.name).toEqual([]);
    }
  });

  test("and markup that sneaks a script in is refused, and reported", async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(pagePaths.clusters());
    await expectTicking(page.getByRole("main").getByText(/^Updated /));
    // What an injection through innerHTML looks like: an inline handler, with no nonce to show.
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img alt="" src="data:image/png;base64,AA" onerror="window.injectedScriptRan = true">'));
    await expect.poll(violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src(-attr)? blocked inline$/)]));
    expect(await page.evaluate(() => "injectedScriptRan" in window)).toBe(false);
  });
});

/** Whether any of the dashboard's secrets is in `body`, by name. */
function expectNoSecretIn(body: string, where: string): void {
  for (const [name, value] of dashboardSecrets()) expect(body.includes(value), `${name} in ${where}`).toBe(false);
}

/** A page's HTML and every script it loads first. */
async function pageAndScripts(request: APIRequestContext, path: string): Promise<[string, string][]> {
  const html = await (await request.get(path)).text();
  const bodies: [string, string][] = [[path, html]];
  for (const script of scriptsOf(html)) bodies.push([script, await (await request.get(script)).text()]);
  return bodies;
}

test("sends none of the dashboard's credentials to the browser: not in a page, a live read or a script", async ({ request }) => {
  for (const view of await views()) {
    const bodies = await pageAndScripts(request, view.page);
    expect(bodies[0][1], view.name).toContain("demo");
    bodies.push([view.live, await (await request.get(view.live)).text()]);
    for (const [where, body] of bodies) expectNoSecretIn(body, where);
  }
});

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("the way to sign in answers with the security headers too", async ({ request }) => {
    const redirect = await request.get(pagePaths.clusters(), { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers().location).toContain("/sign-in");
    expectSecurityHeaders(redirect.headers(), { csp: true });

    const signIn = await request.get("/sign-in");
    expect(await signIn.text()).toContain("Sign in to Slipway");
    expectSecurityHeaders(signIn.headers(), { csp: true });
    expectSecurityHeaders((await request.get("/api/clusters")).headers(), { csp: true });
  });

  test("signing in runs under the CSP without a violation", async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(pagePaths.cluster("demo"));
    await page.getByRole("textbox", { name: "Username" }).fill("vera");
    await page.getByLabel("Password").fill(PEOPLE.vera.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/clusters\/demo$/);
    await expect(page.getByRole("banner")).toContainText("Vera Viewer");
    await expectTicking(page.getByRole("main").getByText(/^Updated /));
    expect(await violations()).toEqual([]);
  });

  test("sends none of the dashboard's credentials to someone signing in", async ({ request }) => {
    const bodies = await pageAndScripts(request, "/sign-in");
    expect(bodies[0][1]).toContain("Sign in to Slipway");
    for (const [where, body] of bodies) expectNoSecretIn(body, where);
  });
});

/** A variable's value on the task page: the definition beside its name in the task definition panel. */
function variable(panel: Locator, name: string): Locator {
  return panel.getByRole("term").filter({ hasText: new RegExp(`^${name}$`) }).locator("xpath=following-sibling::*[1]");
}

test.describe("a viewer", () => {
  test.use({ storageState: storageStateOf("vera") });

  test("sees secret-looking environment values and secrets' sources masked, and nothing of them reaches the browser", async ({ page, request }) => {
    const sessionSecret = WEB.environment.SESSION_SECRET;
    const databaseSecret = API.secrets![0].valueFrom!.split(":secret:")[1];
    for (const service of ["web", "api"]) {
      const task = await demoTask(service);
      await page.goto(pagePaths.task("demo", task));
      const panel = page.getByRole("region", { name: /^Task definition/ });
      await expect(panel).toContainText("Secret values are hidden: your role may not see them.");
      await expect(variable(panel, "LOG_LEVEL")).toHaveText(/^=\s*info$/);
      if (service === "web") await expect(variable(panel, "SESSION_SECRET")).toHaveText(/^=\s*••••••\s*hidden$/);
      else await expect(variable(panel, "DATABASE_PASSWORD")).toHaveText(/^=\s*Secrets Manager\s*••••••\s*hidden$/);

      const html = await (await request.get(pagePaths.task("demo", task))).text();
      const live = await (await request.get(liveReadPaths.task("demo", task))).text();
      expect(live).toContain("LOG_LEVEL");
      for (const body of [html, live, await page.content()]) {
        expect(body).not.toContain(sessionSecret);
        expect(body).not.toContain(databaseSecret);
      }
    }
  });
});

test("an admin, who may see secrets, sees them", async ({ page }) => {
  await page.goto(pagePaths.task("demo", await demoTask("web")));
  const web = page.getByRole("region", { name: /^Task definition/ });
  await expect(variable(web, "SESSION_SECRET")).toHaveText(new RegExp(`^=\\s*${WEB.environment.SESSION_SECRET}$`));
  await expect(web).not.toContainText("Secret values are hidden");

  await page.goto(pagePaths.task("demo", await demoTask("api")));
  const api = page.getByRole("region", { name: /^Task definition/ });
  await expect(variable(api, "DATABASE_PASSWORD")).toHaveText(/^=\s*Secrets Manager\s*demo\/db-password-AbCdEf$/);
});
