import { expect, test } from "./fixtures";
import { ClustersOverviewPage } from "./pages/clusters-overview";

/**
 * A newcomer opens Slipway on the demo account (e2e/global-setup.ts): clusters demo (web,
 * api, worker: 9 tasks, api's canary running beside it) and staging (web: 1 task), with api's
 * canary paused for approval. Every test runs at desktop width and on a 390 px phone.
 */
test("shows each cluster with its services and running tasks, and when it was updated", async ({ page }) => {
  const overview = new ClustersOverviewPage(page);
  await overview.open();

  await expect(overview.heading).toBeVisible();
  await expect(overview.stat("demo", "Services")).toHaveText("3");
  await expect(overview.stat("demo", "Running tasks")).toHaveText("9");
  await expect(overview.stat("demo", "Pending tasks")).toHaveText("0");
  await expect(overview.stat("staging", "Services")).toHaveText("1");
  await expect(overview.stat("staging", "Running tasks")).toHaveText("1");
  await expect(overview.cluster("demo")).toContainText("FARGATE, FARGATE_SPOT");
  await expect(overview.updated).toHaveText(/^Updated (just now|\d+ s ago)$/);
  await expect(page.getByRole("contentinfo")).toContainText(/Talking to local ECS at http:\/\/127\.0\.0\.1:\d+/);
});

test("calls out api in demo as awaiting approval, on its card and above all clusters", async ({ page }) => {
  const overview = new ClustersOverviewPage(page);
  await overview.open();

  // Other tests' own canaries may be waiting too; of the demo's services, api alone is.
  await expect(overview.approvals.getByRole("listitem").filter({ hasText: "in cluster demo " })).toHaveText([/^api in cluster demo is deploying api:3/]);
  const api = overview.rollout("demo", "api");
  await expect(api).toContainText("Awaiting approval");
  await expect(api).toContainText("Paused before the production traffic shift");
  await expect(overview.cluster("staging")).toContainText("No service is deploying right now.");
});

test("keeps ticking and polling: the Updated time moves on its own", async ({ page }) => {
  const overview = new ClustersOverviewPage(page);
  const polled = page.waitForResponse((response) => response.url().endsWith("/api/clusters") && response.status() === 200);
  await overview.open();
  const first = await overview.updated.textContent();
  await expect(overview.updated).not.toHaveText(first ?? "");
  await polled;
});

test("when a refresh fails, keeps the last clusters, marked stale, with the reason", async ({ page }) => {
  const overview = new ClustersOverviewPage(page);
  await overview.open();
  await expect(overview.stat("demo", "Services")).toHaveText("3");

  const failure = { code: "unreachable", message: "Could not get an answer from the AWS API.", detail: "connect ECONNREFUSED 127.0.0.1:4510" };
  await page.route("**/api/clusters", (route) => route.fulfill({ status: 503, json: { error: failure } }));
  await expect(overview.refreshFailure).toContainText("Unreachable.");
  await expect(overview.refreshFailure).toContainText("connect ECONNREFUSED 127.0.0.1:4510");
  await expect(overview.updated).toContainText("stale");
  await expect(overview.stat("demo", "Services")).toHaveText("3");

  await page.unroute("**/api/clusters");
  await expect(overview.refreshFailure).toBeHidden();
  await expect(overview.updated).not.toContainText("stale");
});

test("fits the screen: nothing scrolls sideways", async ({ page }) => {
  const overview = new ClustersOverviewPage(page);
  await overview.open();
  await expect(overview.cluster("demo")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});

test.describe("before any JavaScript runs", () => {
  test.use({ javaScriptEnabled: false });

  test("the server's HTML already shows the clusters", async ({ page }) => {
    const overview = new ClustersOverviewPage(page);
    await overview.open();
    await expect(overview.stat("demo", "Services")).toHaveText("3");
    await expect(overview.stat("staging", "Running tasks")).toHaveText("1");
    await expect(overview.rollout("demo", "api")).toContainText("Awaiting approval");
  });
});

test("sends no credentials to the browser, in the page or in its live data", async ({ request }) => {
  for (const path of ["/", "/api/clusters"]) {
    const body = await (await request.get(path)).text();
    expect(body).toContain("demo");
    expect(body).not.toMatch(/secretAccessKey|accessKeyId|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|sessionToken/i);
  }
});

test("a keyboard user can skip straight past the navigation", async ({ page }) => {
  const overview = new ClustersOverviewPage(page);
  await overview.open();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});
