import { CreateClusterCommand, CreateServiceCommand, DescribeClustersCommand, ListTasksCommand, StopTaskCommand } from "@aws-sdk/client-ecs";
import { expect, test } from "./fixtures";
import { NETWORK } from "../emulator/seed/apps";
import { ClusterPage } from "./pages/cluster-page";
import { ClustersOverviewPage } from "./pages/clusters-overview";
import { createScratchService, localEcs, runScratchTasks, scratchName } from "./scratch";

/**
 * A cluster's page, on the demo account (read only: demo runs web, api and worker; api's
 * canary waits for approval) and on scratch clusters of each test's own for what changes
 * things. Every test runs at desktop width and on a 390 px phone.
 */
test("from the overview, demo's page lists its services and its running tasks", async ({ page }) => {
  const overview = new ClustersOverviewPage(page);
  await overview.open();
  await overview.cluster("demo").getByRole("link", { name: "demo", exact: true }).click();

  const cluster = new ClusterPage(page);
  await expect(page).toHaveURL(/\/clusters\/demo$/);
  await expect(cluster.heading).toHaveText("demo");
  await expect(cluster.breadcrumb.getByRole("link", { name: "Clusters" })).toBeVisible();
  await expect(cluster.updated).toBeVisible();
  await expect(cluster.count("services")).toHaveText("3 services");
  expect(await cluster.column(cluster.services, "Service")).toEqual(["api", "web", "worker"]);

  const web = cluster.row(cluster.services, "web");
  await expect(web.getByRole("cell")).toHaveText(["web", "Steady", "Active", "3", "3", "0", "web:4", "Rolling", "demo-web-blue"]);
  await expect(cluster.row(cluster.services, "worker").getByRole("cell")).toHaveText(["worker", "Steady", "Active", "2", "2", "0", /^worker:\d$/, "Rolling", "—"]);
  const api = cluster.row(cluster.services, "api");
  await expect(api).toContainText(/Canary \d+ % with approval/);
  await expect(api).toContainText("Deploying api:3, Awaiting approval");
  // Which rollout waits is in view without scrolling the table sideways, on a phone too.
  const rollout = (await cluster.header(cluster.services, "Rollout").boundingBox())!;
  expect(rollout.x + rollout.width).toBeLessThanOrEqual(page.viewportSize()!.width);

  // Running, by default: web's 3, worker's 2 and api's, each with its service and revision.
  await expect(cluster.statusFilter).toHaveValue("RUNNING");
  const services = await cluster.column(cluster.tasks, "Service");
  expect(services.filter((name) => name === "web")).toHaveLength(3);
  expect(services.filter((name) => name === "worker")).toHaveLength(2);
  expect(new Set(services)).toEqual(new Set(["web", "worker", "api"]));
  expect(new Set(await cluster.column(cluster.tasks, "Last status"))).toEqual(new Set(["Running"]));
});

test("sorts by a column and narrows the services by a search", async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open("demo");

  await expect(cluster.header(cluster.services, "Service")).toHaveAttribute("aria-sort", "ascending");
  await cluster.sortBy(cluster.services, "Service");
  await expect(cluster.header(cluster.services, "Service")).toHaveAttribute("aria-sort", "descending");
  expect(await cluster.column(cluster.services, "Service")).toEqual(["worker", "web", "api"]);

  await cluster.sortBy(cluster.services, "Desired");
  await expect(cluster.header(cluster.services, "Desired")).toHaveAttribute("aria-sort", "descending");
  await expect(cluster.header(cluster.services, "Service")).not.toHaveAttribute("aria-sort");
  expect(await cluster.column(cluster.services, "Desired")).toEqual(["3", "2", "2"]);

  await cluster.search("services").fill("canary");
  await expect(cluster.count("services")).toHaveText("1 of 3 services");
  expect(await cluster.column(cluster.services, "Service")).toEqual(["api"]);

  await cluster.search("services").fill("no-such-thing");
  await expect(cluster.rows(cluster.services)).toHaveText([/^No services match “no-such-thing”\./]);
  await cluster.services.getByRole("button", { name: "Clear the search" }).click();
  await expect(cluster.count("services")).toHaveText("3 services");
});

test("filters the tasks by service, and searches them", async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open("demo");
  await expect(cluster.rows(cluster.tasks)).not.toHaveCount(0);

  await cluster.serviceFilter.selectOption("worker");
  await expect(cluster.rows(cluster.tasks)).toHaveCount(2);
  expect(await cluster.column(cluster.tasks, "Service")).toEqual(["worker", "worker"]);
  await expect(cluster.count("tasks")).toHaveText(/^2 of \d+ tasks$/);

  await cluster.serviceFilter.selectOption("");
  await cluster.search("tasks").fill("web:4");
  await expect(cluster.rows(cluster.tasks)).toHaveCount(3);
  expect(new Set(await cluster.column(cluster.tasks, "Revision"))).toEqual(new Set(["web:4"]));
});

test("shows stopped tasks with why they stopped, apart from the running ones", async ({ page }, testInfo) => {
  const ecs = localEcs();
  const name = scratchName("stopped", testInfo);
  await createScratchService(ecs, name);
  const cluster = new ClusterPage(page);
  await cluster.open(name);

  await cluster.statusFilter.selectOption("STOPPED");
  await expect(cluster.rows(cluster.tasks)).toHaveText(["No stopped tasks. ECS keeps a stopped task for about an hour."]);

  const { taskArns } = await ecs.send(new ListTasksCommand({ cluster: name }));
  const stopped = taskArns![0].split("/").pop()!;
  await ecs.send(new StopTaskCommand({ cluster: name, task: stopped, reason: "Stopped by the cluster page test" }));

  const row = cluster.row(cluster.tasks, stopped.slice(0, 8));
  await expect(row).toBeVisible();
  await expect(row).toContainText("User initiated");
  await expect(cluster.rows(cluster.tasks)).toHaveCount(1);
  await cluster.statusFilter.selectOption("RUNNING");
  await expect(row).toBeHidden();
  await cluster.statusFilter.selectOption("ALL");
  await expect(row).toBeVisible();
});

test("Run task starts tasks from a task definition, and the tasks table shows them", async ({ page }, testInfo) => {
  const ecs = localEcs();
  const name = scratchName("run-task", testInfo);
  await createScratchService(ecs, name);
  const cluster = new ClusterPage(page);
  await cluster.open(name);
  await expect(cluster.rows(cluster.tasks)).toHaveCount(2);

  await cluster.runTask({ family: "scratch-web", count: "2" });

  await expect(cluster.runTaskResult).toHaveText(/^Started 2 tasks: [0-9a-f]{8}, [0-9a-f]{8}\.$/);
  await expect(cluster.runTaskDialog).toBeHidden();
  const started = (await cluster.runTaskResult.textContent())!.match(/[0-9a-f]{8}/g)!;
  for (const id of started) await expect(cluster.row(cluster.tasks, id).getByRole("cell").nth(1)).toHaveText("—");
  await expect(cluster.rows(cluster.tasks)).toHaveCount(4);
  await cluster.serviceFilter.selectOption({ label: "Not in a service" });
  await expect(cluster.rows(cluster.tasks)).toHaveCount(2);
});

test("Run task names a count it cannot start at its field, and starts nothing", async ({ page }, testInfo) => {
  const ecs = localEcs();
  const name = scratchName("run-invalid", testInfo);
  await createScratchService(ecs, name);
  const cluster = new ClusterPage(page);
  await cluster.open(name);

  await cluster.runTask({ family: "scratch-web", count: "11" });

  const count = cluster.runTaskDialog.getByRole("spinbutton", { name: "Count" });
  await expect(count).toHaveAttribute("aria-invalid", "true");
  await expect(count).toHaveAccessibleDescription(/Count must be at most 10\./);
  await expect(cluster.runTaskDialog).toBeVisible();
  const { taskArns } = await ecs.send(new ListTasksCommand({ cluster: name }));
  expect(taskArns).toHaveLength(2);

  await cluster.runTaskDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(cluster.runTaskDialog).toBeHidden();
  await expect(cluster.runTaskButton).toBeFocused();
});

test("deleting a cluster: one with services is told what is left; an empty one is confirmed by name and leaves the list", async ({ page }, testInfo) => {
  const ecs = localEcs();
  const busy = scratchName("delete-busy", testInfo);
  await createScratchService(ecs, busy);
  const cluster = new ClusterPage(page);
  await cluster.open(busy);
  await page.getByRole("button", { name: "Delete cluster" }).click();
  const refusal = page.getByRole("dialog", { name: `${busy} cannot be deleted yet` });
  await expect(refusal).toContainText(`ECS deletes only an empty cluster, and ${busy} still has 1 service and 2 tasks. Delete its services and stop its tasks first.`);
  await expect(refusal.getByRole("button", { name: "Delete cluster" })).toHaveCount(0);
  await refusal.getByRole("button", { name: "Close" }).click();

  const empty = scratchName("delete-empty", testInfo);
  await ecs.send(new CreateClusterCommand({ clusterName: empty }));
  await cluster.open(empty);
  await page.getByRole("button", { name: "Delete cluster" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete cluster ${empty}?` });
  await expect(dialog).toContainText("This cannot be undone.");
  await dialog.getByRole("textbox", { name: `Type ${empty} to confirm` }).fill(empty);
  await dialog.getByRole("button", { name: "Delete cluster" }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("status").filter({ hasText: `Deleted cluster ${empty}.` })).toBeVisible();
  await expect(new ClustersOverviewPage(page).cluster(empty)).toHaveCount(0);
  const { clusters } = await ecs.send(new DescribeClustersCommand({ clusters: [empty] }));
  expect(clusters?.[0]?.status).toBe("INACTIVE");
});

test("a cluster that does not exist is not found (HTTP 404), with the way back", async ({ page }) => {
  const cluster = new ClusterPage(page);
  expect((await cluster.open("no-such-cluster"))?.status()).toBe(404);
  expect((await page.request.get("/api/clusters/no-such-cluster")).status()).toBe(404);
  await expect(cluster.heading).toHaveText("No cluster named no-such-cluster");
  await expect(page.getByText("ClusterNotFoundException")).toBeVisible();
  await page.getByRole("link", { name: "Back to the clusters" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Clusters" })).toBeVisible();
});

test("a cluster of 120 services keeps only the rows in view in the page, and scrolls to the last", async ({ page }, testInfo) => {
  const ecs = localEcs();
  const name = scratchName("many", testInfo);
  await createScratchService(ecs, name, "svc-000", 0);
  for (let i = 1; i < 120; i++) {
    const serviceName = `svc-${String(i).padStart(3, "0")}`;
    await ecs.send(new CreateServiceCommand({ cluster: name, serviceName, taskDefinition: "scratch-web", desiredCount: 0, networkConfiguration: NETWORK }));
  }
  const cluster = new ClusterPage(page);
  await cluster.open(name);

  await expect(cluster.count("services")).toHaveText("120 services");
  await expect(cluster.services).toHaveAttribute("aria-rowcount", "121");
  const rendered = await cluster.rows(cluster.services).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  await expect(cluster.row(cluster.services, "svc-000")).toHaveAttribute("aria-rowindex", "2");

  const last = cluster.row(cluster.services, "svc-119");
  await expect(last).toHaveCount(0);
  const box = page.getByRole("region", { name: `Services of cluster ${name}` });
  await box.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(last).toHaveAttribute("aria-rowindex", "121");
  // In view within the table's own box: its bottom is the box's bottom.
  const [row, frame] = [await last.boundingBox(), await box.boundingBox()];
  expect(Math.abs(row!.y + row!.height - (frame!.y + frame!.height))).toBeLessThan(4);
  await expect(cluster.row(cluster.services, "svc-000")).toHaveCount(0);
});

test("a cluster of more than 500 tasks answers with its services first, and the browser loads its tasks", async ({ browser, page }, testInfo) => {
  test.setTimeout(90_000);
  const ecs = localEcs();
  const name = scratchName("crowd", testInfo);
  await createScratchService(ecs, name);
  await runScratchTasks(ecs, name, 510);

  const withoutScripts = await browser.newContext({ javaScriptEnabled: false });
  const plain = new ClusterPage(await withoutScripts.newPage());
  await plain.open(name);
  await expect(plain.row(plain.services, "web")).toBeVisible();
  await expect(plain.page.getByRole("status").filter({ hasText: "Reading the tasks…" })).toBeVisible();
  await expect(plain.tasks).toHaveCount(0);
  await withoutScripts.close();

  const cluster = new ClusterPage(page);
  await cluster.open(name);
  await expect(cluster.count("tasks")).toHaveText("512 tasks");
});

test("fits the phone: the tables scroll inside their boxes, not the page", async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open("demo");
  await expect(cluster.rows(cluster.services)).toHaveCount(3);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});

test("when a refresh fails, keeps the last read of the cluster, marked stale", async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open("demo");
  await expect(cluster.rows(cluster.services)).toHaveCount(3);

  const failure = { code: "throttled", message: "AWS is limiting the rate of requests right now." };
  await page.route("**/api/clusters/demo", (route) => route.fulfill({ status: 503, json: { error: failure } }));
  await expect(page.getByRole("status").filter({ hasText: "Showing the last cluster read" })).toContainText("Throttled.");
  await expect(cluster.updated).toContainText("stale");
  await expect(cluster.rows(cluster.services)).toHaveCount(3);
});

test.describe("before any JavaScript runs", () => {
  test.use({ javaScriptEnabled: false });

  test("the server's HTML already shows the services and tasks", async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.open("demo");
    expect(await cluster.column(cluster.services, "Service")).toEqual(["api", "web", "worker"]);
    await expect(cluster.rows(cluster.tasks).first()).toBeVisible();
  });
});
