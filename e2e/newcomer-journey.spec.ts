import { expect, test } from "./fixtures";
import { ClusterPage } from "./pages/cluster-page";
import { ClustersOverviewPage } from "./pages/clusters-overview";
import { ServicePage } from "./pages/service-page";
import { TaskPage } from "./pages/task-page";
import { createScratchService, localEcs, scratchName } from "./scratch";

/**
 * The journey, by clicks alone from the front page, as a newcomer would make it: down
 * the demo from cluster to service to task and back up; then, in a cluster of the test's own
 * (so the demo stays as seeded), scale a service 2 → 4, stop one of its tasks and see it
 * replaced, run a task, and create a cluster.
 */
test("a newcomer browses demo → cluster → service → task, and back up by the breadcrumb", async ({ page }) => {
  const overview = new ClustersOverviewPage(page);
  await overview.open();
  await overview.cluster("demo").getByRole("link", { name: "demo", exact: true }).click();

  const cluster = new ClusterPage(page);
  await expect(cluster.heading).toHaveText(/^demo/);
  await cluster.row(cluster.services, "web").getByRole("link", { name: "web", exact: true }).click();

  const service = new ServicePage(page);
  await expect(service.heading).toHaveText("web");
  await expect(service.setting("Strategy")).toHaveText(/Rolling/);
  const firstTask = service.section("Tasks").getByRole("link").first();
  const shortId = (await firstTask.textContent())!.trim();
  await firstTask.click();

  const task = new TaskPage(page);
  // Ids are shortened where space is short: the first 8 digits are always there.
  await expect(task.heading).toHaveText(new RegExp(`^Task ${shortId.slice(0, 8)}`));
  await expect(task.container("web")).toContainText("public.ecr.aws/slipway/web:");
  await expect(task.state("Status")).toHaveText("RUNNING");

  await task.breadcrumb.getByRole("link", { name: "web", exact: true }).click();
  await expect(service.heading).toHaveText("web");
  await service.breadcrumb.getByRole("link", { name: "demo", exact: true }).click();
  await expect(cluster.heading).toHaveText(/^demo/);
  await cluster.breadcrumb.getByRole("link", { name: "Clusters", exact: true }).click();
  await expect(overview.heading).toBeVisible();
});

test("a newcomer scales a service 2 → 4, stops a task and sees it replaced, runs a task, and creates a cluster", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const name = scratchName("journey", testInfo);
  await createScratchService(localEcs(), name);

  const overview = new ClustersOverviewPage(page);
  await overview.open();
  await overview.cluster(name).getByRole("link", { name, exact: true }).click();
  const cluster = new ClusterPage(page);
  await cluster.row(cluster.services, "web").getByRole("link", { name: "web", exact: true }).click();

  // Scale 2 → 4: running follows.
  const service = new ServicePage(page);
  await expect(service.stat("Running")).toHaveText("2");
  await service.scaleButton.click();
  const scale = service.dialog("Scale web");
  await scale.getByRole("spinbutton", { name: "Desired tasks" }).fill("4");
  await scale.getByRole("button", { name: "Scale" }).click();
  await expect(service.outcome("web now wants 4 tasks. ECS is starting 2 more.")).toBeVisible();
  await expect(service.stat("Running")).toHaveText("4", { timeout: 30_000 });

  // Stop one of them: it stops, and the service is back to 4 with a new task in its place.
  const running = service.section("Tasks").getByRole("region", { name: /^scratch-web:\d+$/ });
  const victim = running.getByRole("link").first();
  const victimId = (await victim.textContent())!.trim();
  await victim.click();
  const task = new TaskPage(page);
  await task.stopButton.click();
  await task.stopDialog.getByRole("button", { name: "Stop task" }).click();
  await expect(task.stopResult).toContainText("Its service web will start a replacement.");
  await expect(task.state("Status")).toHaveText("STOPPED");
  await task.breadcrumb.getByRole("link", { name: "web", exact: true }).click();
  const stopped = service.section("Tasks").getByRole("region", { name: "Stopped tasks" });
  await expect(stopped.getByRole("row").filter({ has: page.getByRole("link", { name: victimId, exact: true }) })).toContainText("UserInitiated");
  await expect(service.stat("Running")).toHaveText("4", { timeout: 30_000 });
  await expect(running.getByRole("link")).toHaveCount(4);
  await expect(running.getByRole("link", { name: victimId, exact: true })).toHaveCount(0);

  // Run a task beside the service, from the cluster page.
  await service.breadcrumb.getByRole("link", { name, exact: true }).click();
  await cluster.runTask({ family: "scratch-web", count: "1" });
  await expect(cluster.runTaskResult).toHaveText(/^Started 1 task: [0-9a-f]{8}\.$/);
  const started = (await cluster.runTaskResult.textContent())!.match(/([0-9a-f]{8})\.$/)![1];
  await expect(cluster.row(cluster.tasks, `${started}…`).or(cluster.row(cluster.tasks, started))).toHaveCount(1);

  // Create a cluster, and find it in the list.
  await cluster.breadcrumb.getByRole("link", { name: "Clusters", exact: true }).click();
  const created = scratchName("newcomer", testInfo);
  await page.getByRole("button", { name: "Create cluster" }).click();
  const dialog = page.getByRole("dialog", { name: "Create cluster" });
  await dialog.getByRole("textbox", { name: "Cluster name" }).fill(created);
  await dialog.getByRole("button", { name: "Create cluster" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created cluster ${created}.` })).toBeVisible();
  await expect(overview.cluster(created)).toBeVisible();
});
