import { DescribeServicesCommand, ListClustersCommand, ListTasksCommand } from "@aws-sdk/client-ecs";
import { request as playwrightRequest, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { AuditPage } from "./pages/audit-page";
import { ClusterPage } from "./pages/cluster-page";
import { ServicePage } from "./pages/service-page";
import { TaskPage } from "./pages/task-page";
import { PEOPLE, storageStateOf, type Person } from "./people";
import { createScratchService, localEcs, scratchName } from "./scratch";
import { catchActionRequest, contextOf, sendAs } from "./crafted-actions";

/**
 * Sign-in and roles, enforced on the server: a signed-out visitor is sent to sign in; a viewer
 * is offered no change, and a change sent anyway, crafted from the admin's own requests, is
 * refused with 403 while local ECS shows nothing changed; a deployer may scale.
 */
async function signIn(page: Page, person: Person, password: string = PEOPLE[person].password): Promise<void> {
  await page.getByRole("textbox", { name: "Username" }).fill(person);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a visitor is sent to sign in, and after signing in lands where they were going", async ({ page }) => {
    await page.goto("/clusters/demo");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fclusters%2Fdemo$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Slipway" })).toBeVisible();

    await signIn(page, "dana", "not her password");
    await expect(page.getByRole("status").filter({ hasText: "That username and password do not match." })).toBeVisible();

    await signIn(page, "dana");
    await expect(page).toHaveURL(/\/clusters\/demo$/);
    await expect(page.getByRole("banner")).toContainText("Dana Deployer");

    await page.getByRole("button", { name: /^Sign out/ }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("signing in at the front door lands on the overview, whose links lead on", async ({ page }) => {
    for (const door of ["/", "/sign-in"]) {
      await page.context().clearCookies();
      await page.goto(door);
      await expect(page).toHaveURL(/\/sign-in(\?callbackUrl=%2F)?$/);
      await signIn(page, "dana");
      await expect(page).toHaveURL(/:\d+\/$/);
      await expect(page.getByRole("heading", { level: 1, name: "Clusters" })).toBeVisible();
      await expect(page.getByRole("banner")).toContainText("Dana Deployer");
    }
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Task definitions" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Task definitions" })).toBeVisible();
    await page.getByRole("banner").getByRole("link", { name: "Slipway" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Clusters" })).toBeVisible();
    // Signed in, the sign-in page has nothing to offer: it goes on to where they were going.
    await page.goto("/sign-in?callbackUrl=%2Fapprovals");
    await expect(page).toHaveURL(/\/approvals$/);
  });

  test("a crafted way back after signing in never leaves for another host", async ({ page }) => {
    for (const crafted of ["/\\evil.example/", "/%5Cevil.example/", "/%09/evil.example/", "//evil.example/"]) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?callbackUrl=${crafted}`);
      await signIn(page, "dana");
      await expect(page.getByRole("banner")).toContainText("Dana Deployer");
      expect(new URL(page.url()).host, crafted).toBe(new URL(process.env.SLIPWAY_BASE_URL!).host);
    }
  });

  test("the live routes answer 401 to someone signed out", async ({ request }) => {
    for (const path of ["/api/clusters", "/api/clusters/demo", "/api/clusters/demo/tasks", "/api/clusters/demo/services/web", "/api/task-definitions"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "access-denied", message: "Sign in first." } });
    }
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStateOf("vera") });

  test("sees the pages but no control that changes anything", async ({ page }) => {
    const ecs = localEcs();
    const task = (await ecs.send(new ListTasksCommand({ cluster: "demo", serviceName: "web" }))).taskArns![0];

    await page.goto("/");
    await expect(page.getByRole("banner")).toContainText("Vera Viewer");
    await expect(page.getByRole("article", { name: "demo", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create cluster" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);

    const cluster = new ClusterPage(page);
    await cluster.open("demo");
    await expect(cluster.rows(cluster.services)).toHaveCount(3);
    await expect(cluster.runTaskButton).toHaveCount(0);

    const service = new ServicePage(page);
    await service.open("demo", "web");
    await expect(service.stat("Running")).toHaveText("3");
    await expect(service.scaleButton).toHaveCount(0);
    await expect(service.forceNewDeploymentButton).toHaveCount(0);

    const taskPage = new TaskPage(page);
    await taskPage.open("demo", task.slice(task.lastIndexOf("/") + 1));
    await expect(taskPage.state("Status")).toHaveText("RUNNING");
    await expect(taskPage.stopButton).toHaveCount(0);
  });
});


test("each change, crafted from the admin's own requests and sent as a viewer, is refused with 403 and changes nothing", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const ecs = localEcs();
  const name = scratchName("crafted", testInfo);
  await createScratchService(ecs, name);
  const [taskArn] = (await ecs.send(new ListTasksCommand({ cluster: name, serviceName: "web" }))).taskArns!;

  const service = new ServicePage(page);
  await service.open(name, "web");
  const scale = await catchActionRequest(page, async () => {
    await service.scaleButton.click();
    const dialog = service.dialog("Scale web");
    await dialog.getByRole("spinbutton", { name: "Desired tasks" }).fill("4");
    await dialog.getByRole("button", { name: "Scale" }).click();
  });
  await page.keyboard.press("Escape");
  const redeploy = await catchActionRequest(page, async () => {
    await service.forceNewDeploymentButton.click();
    await service.dialog("Force a new deployment of web?").getByRole("button", { name: "Start new deployment" }).click();
  });

  const taskPage = new TaskPage(page);
  await taskPage.open(name, taskArn.slice(taskArn.lastIndexOf("/") + 1));
  const stop = await catchActionRequest(page, async () => {
    await taskPage.stopButton.click();
    await taskPage.stopDialog.getByRole("button", { name: "Stop task" }).click();
  });

  const cluster = new ClusterPage(page);
  await cluster.open(name);
  const run = await catchActionRequest(page, () => cluster.runTask({ family: "scratch-web", count: "1" }));

  await page.goto("/");
  const created = scratchName("never-created", testInfo);
  const create = await catchActionRequest(page, async () => {
    await page.getByRole("button", { name: "Create cluster" }).click();
    const dialog = page.getByRole("dialog", { name: "Create cluster" });
    await dialog.getByRole("textbox", { name: "Cluster name" }).fill(created);
    await dialog.getByRole("button", { name: "Create cluster" }).click();
  });

  const asViewer = await contextOf("vera", testInfo);
  for (const [what, caught] of Object.entries({ scale, redeploy, stop, run, create })) {
    expect((await sendAs(asViewer, caught)).status(), what).toBe(403);
  }
  // With no session at all, wherever it is posted, it is refused with 401.
  const signedOut = await playwrightRequest.newContext({ baseURL: testInfo.project.use.baseURL, storageState: { cookies: [], origins: [] } });
  for (const path of [undefined, "/approvals"]) expect((await sendAs(signedOut, scale, path)).status(), `scale signed out, posted to ${path ?? "its page"}`).toBe(401);
  await signedOut.dispose();
  // Posted to another page's path, the action is refused all the same.
  for (const path of ["/", "/approvals", "/task-definitions", "/sign-in", `/clusters/${name}/services/web/deploy`]) {
    const answer = await sendAs(asViewer, scale, path);
    expect(answer.status(), `scale posted to ${path}`).toBe(403);
  }
  await asViewer.dispose();

  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: name, services: ["web"] }));
  expect(services![0]).toMatchObject({ desiredCount: 2, runningCount: 2 });
  expect(services![0].deployments).toHaveLength(1);
  const running = (await ecs.send(new ListTasksCommand({ cluster: name }))).taskArns!;
  expect(running).toHaveLength(2);
  expect(running).toContain(taskArn);
  expect((await ecs.send(new ListClustersCommand({}))).clusterArns!.some((arn) => arn.endsWith(`/${created}`))).toBe(false);

  // The admin finds each attempt in the audit log, denied, with who tried.
  const audit = new AuditPage(page);
  await audit.open("?user=vera");
  for (const action of ["service.scale", "service.force-new-deployment", "task.stop", "task.run", "cluster.create"]) {
    await expect(page.getByText(`${PEOPLE.vera.name} (viewer) may not change services, tasks or clusters.`).filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByRole("main").getByText(action, { exact: true }).filter({ visible: true }).first()).toBeVisible();
  }
});

test.describe("a deployer", () => {
  test.use({ storageState: storageStateOf("dana") });

  test("may scale a service, and the admin finds it in the audit log as hers", async ({ page, browser }, testInfo) => {
    const name = scratchName("dana-scales", testInfo);
    await createScratchService(localEcs(), name);
    const service = new ServicePage(page);
    await service.open(name, "web");
    await service.scaleButton.click();
    const dialog = service.dialog("Scale web");
    await dialog.getByRole("spinbutton", { name: "Desired tasks" }).fill("3");
    await dialog.getByRole("button", { name: "Scale" }).click();
    await expect(service.outcome("web now wants 3 tasks. ECS is starting 1 more.")).toBeVisible();
    await expect(service.stat("Running")).toHaveText("3", { timeout: 30_000 });

    // A deployer may not read the audit log; the admin may.
    await page.goto("/audit");
    await expect(page.getByText(/may not read the audit log/).first()).toBeVisible();
    const asAdmin = await browser.newContext({ storageState: storageStateOf("admin") });
    const audit = await asAdmin.newPage();
    await audit.goto(`/audit?user=dana&resource=${name}`);
    await expect(audit.getByText("web now wants 3 tasks. ECS is starting 1 more.").filter({ visible: true })).toHaveCount(1);
    await expect(audit.getByText("Succeeded").filter({ visible: true }).first()).toBeVisible();
    await asAdmin.close();
  });
});
