import { RegisterTaskDefinitionCommand, type ContainerDefinition } from "@aws-sdk/client-ecs";
import { expect, test } from "./fixtures";
import { taskDefinitionFor, WEB } from "../emulator/seed/apps";
import { ComparePage } from "./pages/compare-page";
import { storageStateOf } from "./people";
import { localEcs, scratchName } from "./scratch";

/**
 * Comparing two revisions: the demo's web:4 and web:5 are read as seeded; a comparison that
 * needs revisions of its own registers them in a family named after the test.
 */

test("shows what changed from web:4 to web:5, and nothing else", async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.open("web:4", "web:5");

  await expect(compare.heading).toHaveText("Compare revisions");
  await expect(compare.older).toHaveValue("web:4");
  await expect(compare.newer).toHaveValue("web:5");
  await expect(compare.side("Older").getByRole("link", { name: "web:4" })).toHaveAttribute("href", "/task-definitions/web/4");
  await expect(compare.side("Older")).toContainText("Fix: price rounding in the basket");
  await expect(compare.side("Newer")).toContainText("Release candidate: new product search");
  await expect(compare.side("Newer")).toContainText(/Registered\s*\d+ \w{3} \d{4}, \d\d:\d\d:\d\d UTC/);

  await expect(compare.changesHeading).toHaveText("3 changes");
  await expect(compare.changes).toHaveCount(3);
  await expect(compare.change("Container web › image")).toContainText("public.ecr.aws/slipway/web:1.4.2");
  await expect(compare.change("Container web › image")).toContainText("public.ecr.aws/slipway/web:1.5.0-rc.1");
  await expect(compare.change("Container web › environment › APP_VERSION")).toContainText(/1\.4\.2.*1\.5\.0-rc\.1/);
  // The demo tags each revision with its version: a registration's tags are part of it.
  await expect(compare.change("Tags › version")).toBeVisible();

  const changedLines = compare.lines.getByRole("row").filter({ hasText: /Removed:|Added:/ });
  await expect(changedLines.filter({ hasText: '"image": "public.ecr.aws/slipway/web:1.5.0-rc.1"' })).toHaveCount(1);
  await expect(changedLines.filter({ hasText: "SESSION_SECRET" })).toHaveCount(0);
  // Long lines scroll inside their own box; nothing of the page's content reaches past the screen.
  const overflow = await page.getByRole("main").evaluate((main) => main.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("swaps the two revisions", async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.open("web:4", "web:5");
  await compare.swap.click();

  await expect(page).toHaveURL(/\?left=web%3A5&right=web%3A4$/);
  await expect(compare.older).toHaveValue("web:5");
  await expect(compare.side("Newer").getByRole("link", { name: "web:4" })).toBeVisible();
  await expect(compare.change("Container web › image")).toContainText(/1\.5\.0-rc\.1.*1\.4\.2/);
});

test("unfolds unchanged lines on request", async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.open("web:4", "web:5");
  const rows = compare.lines.getByRole("row");
  const before = await rows.count();
  await compare.lines.getByRole("button", { name: /^Show \d+ unchanged lines$/ }).first().click();
  await expect.poll(() => rows.count()).toBeGreaterThan(before);
  await expect(compare.lines).toContainText('"family": "web"');
});

test("says which revision does not exist, and which reference is not a revision", async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.open("web:4", "web:99");
  await expect(compare.side("Newer")).toContainText("Newer revision not found");
  await expect(compare.side("Newer")).toContainText("ECS has no task definition web:99.");
  await expect(compare.side("Older").getByRole("link", { name: "web:4" })).toBeVisible();
  await expect(compare.changesHeading).toHaveCount(0);

  await compare.compare("web", "web:5");
  await expect(page).toHaveURL(/\?left=web&right=web%3A5$/);
  await expect(compare.side("Older")).toContainText("Older revision is not a revision");
  await expect(compare.side("Older")).toContainText("Write family:revision, for example web:5.");
});

/** Two revisions of a family of the test's own: the demo's web and a sidecar, then the containers `edit` makes of that web container. */
async function registerPair(family: string, edit: (container: ContainerDefinition) => ContainerDefinition[]): Promise<[string, string]> {
  const ecs = localEcs();
  const base = { ...taskDefinitionFor(WEB, "1.4.2", "us-east-1"), family };
  const [web] = base.containerDefinitions!;
  const older = await ecs.send(new RegisterTaskDefinitionCommand({ ...base, containerDefinitions: [web!, SIDECAR] }));
  const newer = await ecs.send(new RegisterTaskDefinitionCommand({ ...base, containerDefinitions: edit(structuredClone(web!)) }));
  return [`${family}:${older.taskDefinition!.revision}`, `${family}:${newer.taskDefinition!.revision}`];
}

const SIDECAR: ContainerDefinition = { name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0", essential: false };

function withVariable(container: ContainerDefinition, name: string, value: string): ContainerDefinition {
  return { ...container, environment: container.environment!.map((entry) => (entry.name === name ? { name, value } : entry)) };
}

test("lists one change for revisions that differ in one variable and the order of their containers", async ({ page }, testInfo) => {
  const [older, newer] = await registerPair(scratchName("td-compare", testInfo), (web) => [SIDECAR, withVariable(web, "LOG_LEVEL", "debug")]);

  const compare = new ComparePage(page);
  await compare.open(older, newer);

  await expect(compare.changesHeading).toHaveText("1 change");
  await expect(compare.changes).toHaveText([/Container web › environment › LOG_LEVEL\s*Changed.*info.*debug/]);
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStateOf("vera") });

  test("sees a hidden value as hidden, neither changed nor unchanged, and not the value", async ({ page }, testInfo) => {
    const [older, newer] = await registerPair(scratchName("td-compare-masked", testInfo), (web) => [withVariable(web, "SESSION_SECRET", "rotated-5b8e0c"), SIDECAR]);

    const compare = new ComparePage(page);
    await compare.open(older, newer);

    await expect(page.getByText("Some values are hidden from you")).toBeVisible();
    await expect(compare.changesHeading).toHaveText("No differences you may see");
    await expect(compare.changes).toHaveCount(0);
    await expect(compare.hiddenValues).toHaveText([/Container web › environment › SESSION_SECRET\s*Hidden/]);
    await expect(page.getByRole("main")).not.toContainText("rotated-5b8e0c");
    await expect(page.getByRole("main")).not.toContainText("demo-session-9f2c4e7a1b");
  });
});

test("says there are no differences between a revision and itself", async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.open("web:5", "web:5");
  await expect(compare.changesHeading).toHaveText("No differences");
  await expect(compare.lines).toHaveCount(0);
});
