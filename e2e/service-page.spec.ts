import { DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { expect, test } from "./fixtures";
import { DeployWizard } from "./pages/deploy-wizard";
import { ServicePage } from "./pages/service-page";
import { createScratchService, createSlowStartingService, localEcs, scratchName } from "./scratch";

/**
 * A service's page on the demo account (e2e/global-setup.ts): demo's web rolls 3 tasks behind
 * the load balancer, last deployed from web:3 to web:4; api's canary to api:3 waits for
 * approval before its production traffic shift. Operations run in scratch clusters of their own.
 */
const TASK_LINK = /^\/clusters\/demo\/tasks\/[0-9a-f]{32}$/;

test("demo's web: its rolling configuration, healthy targets, tasks by revision, events and last deployment", async ({ page }) => {
  const web = new ServicePage(page);
  await web.open("demo", "web");

  await expect(web.heading).toHaveText("web");
  await expect(web.breadcrumb.getByRole("link", { name: "demo" })).toHaveAttribute("href", "/clusters/demo");
  await expect(web.breadcrumb.getByText("web")).toHaveAttribute("aria-current", "page");
  await expect(web.stat("Desired")).toHaveText("3");
  await expect(web.stat("Running")).toHaveText("3");
  await expect(web.updated).toHaveText(/^Updated (just now|\d+ s ago)$/);
  await expect(web.section("Summary").getByRole("link", { name: "web:4", exact: true })).toHaveAttribute("href", "/task-definitions/web/4");

  await expect(web.setting("Strategy")).toHaveText("Rolling");
  await expect(web.setting("Minimum healthy")).toHaveText("100 % of desired tasks");
  await expect(web.setting("Maximum running")).toHaveText("200 % of desired tasks");
  await expect(web.setting("Circuit breaker")).toHaveText("On, rolls back a failed deployment");

  const blue = web.targetGroup("demo-web-blue");
  await expect(blue).toContainText("Primary");
  await expect(blue).toContainText("3 of 3 healthy");
  await expect(blue.getByRole("row").filter({ hasText: "Healthy" })).toHaveCount(3);
  await expect(blue.getByRole("row").filter({ hasText: "Healthy" }).first().getByRole("link")).toHaveAttribute("href", TASK_LINK);

  // Where it answers: the rules that reach web, not the test listener that only reaches api.
  const answers = web.section("Load balancers").getByRole("region", { name: "Where it answers" });
  await expect(answers.getByRole("listitem")).toHaveCount(2);
  await expect(answers.getByRole("listitem").first()).toContainText("HTTP:80 on demo · when Host is web.* · demo-web-blue 100 % · demo-web-green 0 %");
  await expect(answers.getByRole("listitem").last()).toContainText(/HTTP:80 on demo · when Host is demo-.*, localhost or 127\.0\.0\.1 · demo-web-blue 100 %/);
  await expect(answers).not.toContainText("HTTP:8080");

  const tasks = web.taskGroup("web:4");
  await expect(tasks).toContainText("3 running");
  await expect(tasks.getByRole("link")).toHaveCount(3);
  await expect(tasks.getByRole("link").first()).toHaveAttribute("href", TASK_LINK);
  await expect(web.section("Tasks").getByRole("heading", { level: 3 })).toHaveText(["web:4", "Stopped tasks"]);

  await expect(web.deployments("In progress")).toHaveCount(0);
  const last = web.deployments("Last deployment");
  await expect(last).toHaveAccessibleName("web:3 to web:4");
  await expect(last).toContainText("Completed");
  await expect(last).toContainText("public.ecr.aws/slipway/web:1.4.2");
  await expect(web.earlierDeployments.getByRole("row").filter({ hasText: "web:3" })).toContainText("Completed");

  await expect(web.events.first()).toContainText("(service web) has reached a steady state.");
});

test("demo's api: a canary awaiting approval, with both revisions serving and the alternate target group", async ({ page }) => {
  const api = new ServicePage(page);
  await api.open("demo", "api");

  await expect(api.heading).toHaveText("api");
  await expect(api.page.getByText("Awaiting approval", { exact: true }).first()).toBeVisible();
  await expect(api.setting("Strategy")).toHaveText("Canary");
  await expect(api.setting("Canary")).toHaveText("10 % of production traffic for 5 min, then the rest");
  await expect(api.setting("Lifecycle hook")).toHaveText("Pause before the production traffic shift; rolls back after 1 d without a decision");

  const ongoing = api.deployments("In progress");
  await expect(ongoing).toHaveCount(1);
  await expect(ongoing).toHaveAccessibleName("api:2 to api:3");
  await expect(ongoing).toContainText("Awaiting approval");
  await expect(ongoing).toContainText("Paused before the production traffic shift");
  await expect(ongoing).toContainText(/Rolls back in \d+ (h|d) unless someone decides/);
  await expect(ongoing).toContainText("100 % of production traffic");

  await expect(api.section("Summary")).toContainText(/api:3 · 2 of 2 tasks running/);
  await expect(api.section("Summary")).toContainText(/api:2 · 2 of 2 tasks running/);
  await expect(api.section("Tasks").getByRole("heading", { level: 3 })).toHaveText(["api:3", "api:2", "Stopped tasks"]);

  await expect(api.targetGroup("demo-api-blue")).toContainText("Primary");
  const green = api.targetGroup("demo-api-green");
  await expect(green).toContainText("Alternate");
  await expect(green).toContainText("2 of 2 healthy");

  // ECS keeps more events than a first look needs.
  await expect(api.events).toHaveCount(10);
  const showAll = api.page.getByRole("button", { name: /^Show all \d+ events$/ });
  const total = Number((await showAll.textContent())?.match(/\d+/)?.[0]);
  await showAll.click();
  await expect(api.events).toHaveCount(total);
  await expect(api.page.getByRole("button", { name: "Show the first 10 events" })).toHaveAttribute("aria-expanded", "true");
});

test("scaling a service from 2 to 4: the result is announced and running follows", async ({ page }, testInfo) => {
  const cluster = scratchName("scale", testInfo);
  await createScratchService(localEcs(), cluster);
  const service = new ServicePage(page);
  await service.open(cluster, "web");
  await expect(service.stat("Desired")).toHaveText("2");
  await expect(service.stat("Running")).toHaveText("2");

  await service.scaleButton.click();
  const dialog = service.dialog("Scale web");
  const field = dialog.getByRole("spinbutton", { name: "Desired tasks" });
  await expect(field).toHaveValue("2");
  await expect(field).toHaveAccessibleDescription(/From 0 to 5,000/);
  await field.fill("4");
  await dialog.getByRole("button", { name: "Scale" }).click();

  await expect(service.outcome("web now wants 4 tasks. ECS is starting 2 more.")).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(service.scaleButton).toBeFocused();
  await expect(service.stat("Desired")).toHaveText("4");
  await expect(service.stat("Running")).toHaveText("4", { timeout: 30_000 });
});

test("a count ECS would refuse is named at the field, and nothing changes", async ({ page }, testInfo) => {
  const cluster = scratchName("scale-refused", testInfo);
  const ecs = localEcs();
  await createScratchService(ecs, cluster);
  const service = new ServicePage(page);
  await service.open(cluster, "web");

  await service.scaleButton.click();
  const dialog = service.dialog("Scale web");
  const field = dialog.getByRole("spinbutton", { name: "Desired tasks" });
  for (const [typed, message] of [
    ["-1", "Desired tasks must be at least 0."],
    ["6000", "Desired tasks must be at most 5,000."],
    ["", "Desired tasks must be a number."],
  ]) {
    await field.fill(typed);
    await dialog.getByRole("button", { name: "Scale" }).click();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(".", "\\.")));
  }
  await expect(dialog).toBeVisible();
  await expect(service.outcome(/now wants/)).toHaveCount(0);

  const { services } = await ecs.send(new DescribeServicesCommand({ cluster, services: ["web"] }));
  expect(services?.[0]?.desiredCount).toBe(2);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(service.stat("Desired")).toHaveText("2");
});

test("forcing a new deployment: confirmed first, then it shows in progress and completes", async ({ page }, testInfo) => {
  const cluster = scratchName("redeploy", testInfo);
  await createSlowStartingService(localEcs(), cluster);
  const service = new ServicePage(page);
  await service.open(cluster, "web");
  const before = await service.deploymentId(service.deployments("Last deployment")).textContent();

  await service.forceNewDeploymentButton.click();
  const dialog = service.dialog("Force a new deployment of web?");
  // Each scratch cluster registers the scratch-web family again, so its revision number varies.
  await expect(dialog).toContainText(/ECS replaces every task of web \(2 tasks wanted\) with a new one of the same revision, scratch-web:\d+/);
  await expect(dialog).toContainText("(Rolling)");
  await dialog.getByRole("button", { name: "Start new deployment" }).click();

  await expect(service.outcome(/^web: a new deployment started \(ecs-svc\/\d+\)$/)).toBeVisible();
  const ongoing = service.deployments("In progress");
  await expect(ongoing).toHaveCount(1);
  await expect(ongoing).toHaveAccessibleName(/^(scratch-web:\d+) to \1$/);
  const id = await service.deploymentId(ongoing).textContent();
  expect(id).not.toBe(before);

  await expect(ongoing).toHaveCount(0, { timeout: 30_000 });
  const last = service.deployments("Last deployment");
  await expect(service.deploymentId(last)).toHaveText(id ?? "");
  await expect(last).toContainText("Completed");
});

test("deleting a service: confirmed by its name, its tasks stop, and then it offers nothing to do", async ({ page }, testInfo) => {
  const cluster = scratchName("delete-svc", testInfo);
  const ecs = localEcs();
  await createScratchService(ecs, cluster);
  const service = new ServicePage(page);
  await service.open(cluster, "web");

  await service.deleteButton.click();
  const dialog = service.dialog("Delete service web?");
  await expect(dialog).toContainText(`ECS stops web's 2 running tasks, and then removes web from cluster ${cluster}.`);
  await expect(dialog).toContainText("This cannot be undone; its task definitions stay.");
  const confirm = dialog.getByRole("button", { name: "Delete service" });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox", { name: "Type web to confirm" }).fill("we");
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox", { name: "Type web to confirm" }).fill("web");
  await confirm.click();

  await expect(service.outcome("Deleting web: ECS is stopping its 2 tasks, then removes it.")).toBeVisible();
  await expect(page.getByText(/^This service (is being deleted|was deleted)$/)).toBeVisible();
  for (const control of [service.deployLink, service.scaleButton, service.forceNewDeploymentButton, service.deleteButton]) await expect(control).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Roll back to/ })).toHaveCount(0);
  await expect(page.getByText("This service was deleted", { exact: true })).toBeVisible({ timeout: 30_000 });
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster, services: ["web"] }));
  expect(services?.[0]).toMatchObject({ status: "INACTIVE", runningCount: 0 });
});

test("a service that does not exist says so (HTTP 404), with the way back to its cluster, and stops asking", async ({ page }) => {
  let polls = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/clusters/demo/services/no-such-service")) polls++;
  });
  const missing = new ServicePage(page);
  expect((await missing.open("demo", "no-such-service"))?.status()).toBe(404);

  await expect(missing.heading).toHaveText("Service not found");
  await expect(page.getByText("Cluster demo has no service named no-such-service.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to cluster demo" })).toHaveAttribute("href", "/clusters/demo");
  // Three poll intervals: at most the one read that confirmed it.
  await page.waitForTimeout(9_000);
  expect(polls).toBeLessThanOrEqual(1);
  expect((await page.request.get("/api/clusters/demo/services/no-such-service")).status()).toBe(404);
  // So is a service of a cluster that does not exist, and its deploy wizard.
  expect((await missing.open("no-such-cluster", "web"))?.status()).toBe(404);
  await expect(missing.heading).toHaveText("Cluster not found");
  expect((await new DeployWizard(page).open("demo", "no-such-service"))?.status()).toBe(404);
  await expect(missing.heading).toHaveText("Service not found");
});

test("fits the screen: nothing scrolls sideways", async ({ page }) => {
  const api = new ServicePage(page);
  await api.open("demo", "api");
  await expect(api.section("Tasks")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});

test("a part AWS could not give shows its error in place, and the rest of the page stands", async ({ page }) => {
  const throttled = { code: "throttled", message: "AWS is limiting the rate of requests right now.", awsCode: "ThrottlingException" };
  await page.route("**/api/clusters/demo/services/web", async (route) => {
    const detail = await (await route.fetch()).json();
    await route.fulfill({ json: { ...detail, tasks: { ok: false, error: throttled } } });
  });
  const web = new ServicePage(page);
  await web.open("demo", "web");

  await expect(web.section("Tasks")).toContainText("The tasks could not be read");
  await expect(web.section("Tasks")).toContainText("Throttled.");
  await expect(web.section("Tasks").getByRole("table")).toHaveCount(0);
  await expect(web.targetGroup("demo-web-blue")).toContainText("3 of 3 healthy");
  await expect(web.deployments("Last deployment")).toContainText("Completed");
});

test("when a refresh fails, keeps the last read of the service, marked stale, with the reason", async ({ page }) => {
  const web = new ServicePage(page);
  await web.open("demo", "web");
  await expect(web.stat("Running")).toHaveText("3");

  const failure = { code: "unreachable", message: "Could not get an answer from the AWS API.", detail: "connect ECONNREFUSED 127.0.0.1:4510" };
  await page.route("**/api/clusters/demo/services/web", (route) => route.fulfill({ status: 503, json: { error: failure } }));
  await expect(page.getByRole("status").filter({ hasText: "Showing the last service read: refreshing failed" })).toContainText("Unreachable.");
  await expect(web.updated).toContainText("stale");
  await expect(web.stat("Running")).toHaveText("3");
  await expect(web.scaleButton).toBeVisible();
});

test.describe("before any JavaScript runs", () => {
  test.use({ javaScriptEnabled: false });

  test("the server's HTML already shows the service", async ({ page }) => {
    const api = new ServicePage(page);
    await api.open("demo", "api");
    await expect(api.heading).toHaveText("api");
    await expect(api.deployments("In progress")).toContainText("Awaiting approval");
    await expect(api.taskGroup("api:3").getByRole("link")).toHaveCount(2);
  });
});
