import { readFile } from "node:fs/promises";
import { DeregisterTaskDefinitionCommand, RegisterTaskDefinitionCommand, type ECSClient } from "@aws-sdk/client-ecs";
import { expect, test } from "./fixtures";
import { taskDefinitionFor, WORKER } from "../emulator/seed/apps";
import { TaskDefinitionPages } from "./pages/task-definition-pages";
import { storageStateOf } from "./people";
import { localEcs, scratchName } from "./scratch";

/**
 * Browsing task definitions: the demo's families and revisions are read as seeded; deregistering
 * and deleting happen to a family of the test's own, registered here through the SDK.
 */
async function registerScratch(ecs: ECSClient, family: string, count = 1): Promise<number[]> {
  const revisions: number[] = [];
  for (let i = 0; i < count; i++) {
    const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({ ...taskDefinitionFor(WORKER, `1.0.${i}`, "us-east-1"), family }));
    revisions.push(taskDefinition!.revision!);
  }
  return revisions;
}

test("lists the demo's families, each a link to its revisions, and narrows them by name", async ({ page }) => {
  const pages = new TaskDefinitionPages(page);
  await pages.openFamilies();

  await expect(pages.heading).toHaveText("Task definitions");
  for (const family of ["api", "web", "worker"]) {
    await expect(pages.familyGroup("Active").getByRole("link", { name: family, exact: true })).toHaveAttribute("href", `/task-definitions/${family}`);
  }
  await expect(pages.link("Create task definition")).toHaveAttribute("href", "/task-definitions/new");

  await pages.search.fill("wor");
  await expect(pages.familyLink("worker")).toBeVisible();
  await expect(pages.familyLink("web")).toBeHidden();
  await pages.search.fill("no-such-family");
  await expect(pages.familyGroup("Active")).toContainText("No active family has “no-such-family” in its name.");
});

test("shows web's revisions newest first, opens web:5 with its image, and offers comparisons", async ({ page }) => {
  const pages = new TaskDefinitionPages(page);
  await pages.openFamily("web");

  await expect(pages.heading).toHaveText("web");
  await expect(pages.breadcrumb.getByRole("link")).toHaveText(["Task definitions"]);
  await expect(pages.revisionLinks).toHaveText(["web:5", "web:4", "web:3", "web:2", "web:1"]);
  await expect(pages.revisionRow("web:5")).toContainText("public.ecr.aws/slipway/web:1.5.0-rc.1");
  await expect(pages.revisionRow("web:5")).toContainText("Active");
  await expect(pages.revisionRow("web:5").getByRole("link", { name: "Compare web:5 with web:4" })).toHaveAttribute(
    "href",
    "/task-definitions/compare?left=web%3A4&right=web%3A5",
  );
  await expect(pages.revisionRow("web:1")).toContainText("First revision");
  await expect(pages.link("New revision from latest")).toHaveAttribute("href", "/task-definitions/new?from=web%3A5");

  await pages.pickForCompare("web:4").check();
  await expect(page.getByText("Pick one more revision to compare with web:4.")).toBeVisible();
  await pages.pickForCompare("web:2").check();
  await expect(pages.link("Compare web:2 with web:4")).toHaveAttribute("href", "/task-definitions/compare?left=web%3A2&right=web%3A4");

  await pages.revisionRow("web:5").getByRole("link", { name: "web:5", exact: true }).click();
  await expect(page).toHaveURL(/\/task-definitions\/web\/5$/);
  await expect(pages.heading).toHaveText("web:5");
  await expect(pages.breadcrumb.getByRole("link")).toHaveText(["Task definitions", "web"]);
  await expect(pages.breadcrumb.locator("[aria-current=page]")).toHaveText("Revision 5");
  await expect(pages.detail("Status")).toHaveText("Active");
  await expect(pages.region("Task and containers")).toContainText("public.ecr.aws/slipway/web:1.5.0-rc.1");
  await expect(pages.region("Registration JSON").getByLabel("Registration JSON of web:5")).toContainText('"family": "web"');
  await expect(pages.link("Compare with previous revision")).toHaveAttribute("href", "/task-definitions/compare?left=web%3A4&right=web%3A5");
  await expect(pages.link("New revision from this one")).toHaveAttribute("href", "/task-definitions/new?from=web%3A5");
  await expect(pages.action("Deregister")).toBeVisible();
  await expect(pages.action("Delete")).toBeHidden();
});

test("exports web:5 as web-5.json, a registration without what ECS sets itself", async ({ page }) => {
  const pages = new TaskDefinitionPages(page);
  await pages.openRevision("web", 5);

  const [download] = await Promise.all([page.waitForEvent("download"), pages.link("Export JSON").click()]);
  expect(download.suggestedFilename()).toBe("web-5.json");
  const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(exported).toMatchObject({ family: "web", containerDefinitions: [expect.objectContaining({ image: "public.ecr.aws/slipway/web:1.5.0-rc.1" })] });
  for (const member of ["revision", "status", "taskDefinitionArn", "registeredAt"]) expect(exported).not.toHaveProperty(member);
});

test("deregisters a revision, then deletes it, each after confirming", async ({ page }, testInfo) => {
  const family = scratchName("td-browse", testInfo);
  const [revision] = (await registerScratch(localEcs(), family)).slice(-1);
  const label = `${family}:${revision}`;
  const pages = new TaskDefinitionPages(page);
  await pages.openRevision(family, revision!);
  await expect(pages.detail("Status")).toHaveText("Active");
  await expect(page.getByText("To delete this revision, deregister it first")).toBeVisible();

  await pages.action("Deregister").click();
  await expect(pages.dialog).toContainText(`Services already running ${label} keep running it`);
  await pages.dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(pages.dialog).toBeHidden();
  await expect(pages.detail("Status")).toHaveText("Active");

  await pages.action("Deregister").click();
  await pages.dialog.getByRole("button", { name: "Deregister" }).click();
  await expect(pages.actionResult).toHaveText(`${label} is inactive now. Services running it keep running it; nothing new can use it.`);
  await expect(pages.detail("Status")).toHaveText("Inactive");
  await expect(pages.action("Deregister")).toBeHidden();

  await pages.action("Delete").click();
  await expect(pages.dialog).toContainText("This cannot be undone.");
  await pages.dialog.getByRole("button", { name: "Delete" }).click();
  await expect(pages.actionResult).toHaveText(`${label} is being deleted. ECS removes it for good once no task uses it.`);
  await expect(pages.detail("Status")).toHaveText("Deleting");
  await expect(pages.action("Delete")).toBeHidden();

  await pages.openFamily(family);
  await expect(pages.revisionRow(label)).toContainText("Deleting");
  await pages.openFamilies();
  await expect(pages.familyGroup("Active").getByRole("link", { name: family, exact: true })).toBeHidden();
  await expect(pages.familyGroup("Inactive").getByRole("link", { name: family, exact: true })).toBeVisible();
});

test("shows older revisions a page at a time, in a URL that survives a reload", async ({ page }, testInfo) => {
  const family = scratchName("td-paging", testInfo);
  const revisions = await registerScratch(localEcs(), family, 27);
  const newest = revisions.at(-1)!;
  const pages = new TaskDefinitionPages(page);
  await pages.openFamily(family);

  await expect(pages.revisionLinks).toHaveCount(25);
  await expect(pages.revisionLinks.first()).toHaveText(`${family}:${newest}`);
  // The table scrolls inside its own box; the page itself stays the screen's width.
  expect(await pages.overflow()).toBe(0);
  await pages.link("Show older revisions").click();
  await expect(page).toHaveURL(new RegExp(`\\?before=${newest - 24}$`));
  await expect(pages.revisionLinks).toHaveText([`${family}:${newest - 25}`, `${family}:${newest - 26}`]);
  await page.reload();
  await expect(pages.revisionLinks).toHaveText([`${family}:${newest - 25}`, `${family}:${newest - 26}`]);
  await expect(pages.link("Show older revisions")).toBeHidden();
  await pages.link("Show the newest revisions").click();
  await expect(pages.revisionLinks.first()).toHaveText(`${family}:${newest}`);
});

test("says a family or revision ECS does not have is not found (HTTP 404), with the way back", async ({ page }) => {
  const pages = new TaskDefinitionPages(page);
  expect((await pages.openFamily("no-such-family"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Task definition family not found" })).toBeVisible();
  await pages.link("Back to task definitions").click();
  await expect(page).toHaveURL(/\/task-definitions$/);

  expect((await pages.openRevision("web", 99))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Revision not found" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("web:99");
  await pages.link("Back to web").click();
  await expect(pages.revisionLinks.first()).toHaveText("web:5");
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStateOf("vera") });

  test("browses and exports, but is offered no new revision, deregister or delete", async ({ page }, testInfo) => {
    const family = scratchName("td-viewer", testInfo);
    const [revision] = await registerScratch(localEcs(), family);
    await localEcs().send(new DeregisterTaskDefinitionCommand({ taskDefinition: `${family}:${revision}` }));
    const pages = new TaskDefinitionPages(page);

    await pages.openFamilies();
    await expect(pages.familyLink("web")).toBeVisible();
    await expect(pages.link("Create task definition")).toBeHidden();

    await pages.openFamily("web");
    await expect(pages.revisionLinks.first()).toHaveText("web:5");
    await expect(pages.link("New revision from latest")).toBeHidden();

    await pages.openRevision("web", 5);
    await expect(pages.heading).toHaveText("web:5");
    await expect(pages.link("Export JSON")).toBeVisible();
    await expect(pages.link("New revision from this one")).toBeHidden();
    await expect(pages.action("Deregister")).toBeHidden();

    await pages.openRevision(family, revision!);
    await expect(pages.detail("Status")).toHaveText("Inactive");
    await expect(pages.action("Delete")).toBeHidden();
  });
});

test("the top bar fits the screen, with every section reachable by name", async ({ page }) => {
  const pages = new TaskDefinitionPages(page);
  await pages.openFamilies();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Clusters", "Task definitions", "Audit log"]) {
    const link = nav.getByRole("link", { name, exact: true });
    await expect(link).toBeVisible();
    await expect(link).toBeInViewport({ ratio: 1 });
  }
  await expect(nav.getByRole("link", { name: "Task definitions" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("banner").getByRole("button", { name: /^Sign out/ })).toBeInViewport({ ratio: 1 });
  expect(await pages.overflow()).toBe(0);
});
