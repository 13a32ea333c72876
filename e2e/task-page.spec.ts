import { DescribeTasksCommand, ListTasksCommand, type ECSClient, type Task } from "@aws-sdk/client-ecs";
import { expect, test } from "./fixtures";
import { TaskPage } from "./pages/task-page";
import { createScratchService, localEcs, scratchName } from "./scratch";

/**
 * A task's page: the demo's web tasks are read as they are; stopping one happens in a
 * cluster of the test's own (e2e/scratch.ts), where its service then replaces it.
 */
async function serviceTasks(ecs: ECSClient, cluster: string, service: string): Promise<Task[]> {
  const { taskArns } = await ecs.send(new ListTasksCommand({ cluster, serviceName: service }));
  if (!taskArns?.length) return [];
  return (await ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns }))).tasks ?? [];
}

const idOf = (task: Task) => task.taskArn!.split("/").pop()!;

test("shows a demo web task: its container, ports, task definition and timeline", async ({ page }) => {
  const tasks = await serviceTasks(localEcs(), "demo", "web");
  const task = tasks.find((candidate) => candidate.lastStatus === "RUNNING" && candidate.healthStatus === "HEALTHY");
  expect(task, "a running, healthy web task in demo").toBeDefined();
  const id = idOf(task!);
  const binding = task!.containers![0].networkBindings![0];
  const revision = task!.taskDefinitionArn!.split("/").pop()!;

  const taskPage = new TaskPage(page);
  await taskPage.open("demo", id);

  await expect(taskPage.heading).toHaveText(`Task ${id.slice(0, 8)}…`);
  await expect(page.getByRole("main").getByText(id, { exact: true })).toBeVisible();
  await expect(taskPage.breadcrumb.getByRole("link")).toHaveText(["Clusters", "demo", "web"]);
  await expect(taskPage.breadcrumb.locator("[aria-current=page]")).toHaveText(`${id.slice(0, 8)}…`);
  await expect(taskPage.state("Status")).toHaveText("RUNNING");
  await expect(taskPage.state("Health")).toHaveText("HEALTHY");
  await expect(taskPage.summary.getByRole("link", { name: "web", exact: true })).toHaveAttribute("href", "/clusters/demo/services/web");
  await expect(taskPage.summary.getByRole("link", { name: revision, exact: true })).toHaveAttribute("href", `/task-definitions/web/${revision.split(":")[1]}`);

  const web = taskPage.container("web");
  await expect(web).toContainText(/public\.ecr\.aws\/slipway\/web:\d+\.\d+\.\d+/);
  await expect(web).toContainText("RUNNING");
  await expect(web).toContainText("HEALTHY");
  await expect(web).toContainText(`8080/tcp → ${binding.bindIP}:${binding.hostPort}`);

  await expect(taskPage.taskDefinition.getByRole("heading", { level: 2 })).toHaveText(`Task definition ${revision}`);
  await expect(taskPage.taskDefinition).toContainText("awsvpc");
  await expect(taskPage.taskDefinition).toContainText("ecsTaskExecutionRole");
  await expect(taskPage.timelineSteps.first()).toContainText("Created");
  await expect(taskPage.timelineSteps.filter({ hasText: /^Started/ })).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
  await expect(taskPage.stopButton).toBeVisible();
});

test("stops a task after confirming, shows why it stopped, and its service replaces it", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const ecs = localEcs();
  const cluster = scratchName("stop", testInfo);
  await createScratchService(ecs, cluster);
  const [victim] = await serviceTasks(ecs, cluster, "web");
  const id = idOf(victim);

  const taskPage = new TaskPage(page);
  await taskPage.open(cluster, id);
  await expect(taskPage.state("Status")).toHaveText("RUNNING");

  await taskPage.stopButton.click();
  await expect(taskPage.stopDialog).toBeVisible();
  await expect(taskPage.stopDialog).toContainText("It belongs to the service web, which will start a replacement");
  await taskPage.stopDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(taskPage.stopDialog).toBeHidden();
  await expect(taskPage.state("Desired")).toHaveText("RUNNING");

  await taskPage.stopButton.click();
  await taskPage.stopDialog.getByLabel("Reason (optional)").fill("Replacing it to test the service");
  await taskPage.stopDialog.getByRole("button", { name: "Stop task" }).click();

  await expect(taskPage.stopResult).toHaveText(`Task ${id.slice(0, 8)}… is stopping. Its service web will start a replacement.`);
  await expect(taskPage.state("Desired")).toHaveText("STOPPED");
  await expect(taskPage.stopNotice(/^(Stopping|Stopped): UserInitiated$/)).toBeVisible();
  await expect(taskPage.state("Status")).toHaveText("STOPPED");
  await expect(taskPage.stopNotice("Stopped: UserInitiated")).toBeVisible();
  await expect(page.getByText("Replacing it to test the service")).toBeVisible();
  await expect(taskPage.stopButton).toBeHidden();
  await expect(page.getByText("This task has stopped; there is nothing to stop.")).toBeVisible();
  await expect(taskPage.timelineSteps.filter({ hasText: /^Stopped/ })).toHaveCount(1);

  // The service starts a replacement: two tasks running again, neither of them the one stopped.
  let replacement: Task | undefined;
  await expect
    .poll(
      async () => {
        const running = (await serviceTasks(ecs, cluster, "web")).filter((task) => task.lastStatus === "RUNNING");
        replacement = running.find((task) => task.taskArn !== victim.taskArn);
        return running.length === 2 && running.every((task) => task.taskArn !== victim.taskArn);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await taskPage.open(cluster, idOf(replacement!));
  await expect(taskPage.state("Status")).toHaveText("RUNNING");
  await expect(taskPage.stopButton).toBeVisible();
});

test("says a task ECS does not know is not found (HTTP 404), why, and leads back to its cluster", async ({ page }) => {
  const taskPage = new TaskPage(page);
  expect((await taskPage.open("demo", "0123456789abcdef0123456789abcdef"))?.status()).toBe(404);

  await expect(page.getByRole("heading", { name: "Task not found" })).toBeVisible();
  await expect(page.getByText(/ECS has no task 0123456789abcdef0123456789abcdef in cluster demo; it forgets stopped tasks about an hour after they stop\./)).toBeVisible();
  await page.getByRole("link", { name: "Back to cluster demo" }).click();
  await expect(page).toHaveURL(/\/clusters\/demo$/);
});

test("fits the screen: nothing scrolls sideways", async ({ page }) => {
  const [task] = await serviceTasks(localEcs(), "demo", "web");
  const taskPage = new TaskPage(page);
  await taskPage.open("demo", idOf(task));
  await expect(taskPage.container("web")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});
