import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { ClusterPage } from "./pages/cluster-page";
import { ClustersOverviewPage } from "./pages/clusters-overview";
import { ServicePage } from "./pages/service-page";
import { createScratchService, localEcs, scratchName } from "./scratch";

/**
 * ECS allows names of 255 characters. A cluster named that long, with a service of as long a
 * name, stays within the screen on every page and in every dialog, at a phone's width and a
 * wide desktop's; the whole name stays there to read.
 */
function longName(area: string, testInfo: Parameters<typeof scratchName>[1]): string {
  const start = `${scratchName(area, testInfo)}-`;
  return `${start}${"x".repeat(255 - start.length)}`;
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The open dialog's box, which must fit the screen. */
async function expectDialogWithinScreen(page: Page): Promise<void> {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  expect(await dialog.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
}

test("a 255-character cluster and service stay within the screen, on their pages and in their dialogs", async ({ page }, testInfo) => {
  // A phone's 390 px, and a wide desktop's 1440.
  if (testInfo.project.name === "desktop") await page.setViewportSize({ width: 1440, height: 900 });
  const cluster = longName("long", testInfo);
  const service = "s".repeat(255);
  await createScratchService(localEcs(), cluster, service, 1);

  const overview = new ClustersOverviewPage(page);
  await overview.open();
  await expect(overview.cluster(cluster)).toBeVisible();
  expect(await overflow(page)).toBe(0);

  const clusterPage = new ClusterPage(page);
  await clusterPage.open(cluster);
  await expect(clusterPage.heading).toHaveText(cluster);
  expect(await overflow(page)).toBe(0);
  await page.getByRole("button", { name: "Run task" }).click();
  await expectDialogWithinScreen(page);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Delete cluster" }).click();
  await expectDialogWithinScreen(page);
  await page.keyboard.press("Escape");

  const servicePage = new ServicePage(page);
  await servicePage.open(cluster, service);
  await expect(servicePage.heading).toHaveText(service);
  await expect(servicePage.stat("Running")).toHaveText("1");
  expect(await overflow(page)).toBe(0);
  for (const button of [servicePage.scaleButton, servicePage.forceNewDeploymentButton, servicePage.deleteButton]) {
    await button.click();
    await expectDialogWithinScreen(page);
    await page.keyboard.press("Escape");
  }
  await servicePage.scaleButton.click();
  await servicePage.dialog(/^Scale /).getByRole("spinbutton", { name: "Desired tasks" }).fill("2");
  await servicePage.dialog(/^Scale /).getByRole("button", { name: "Scale" }).click();
  await expect(servicePage.outcome(`${service} now wants 2 tasks.`)).toBeVisible();
  expect(await overflow(page)).toBe(0);
});
