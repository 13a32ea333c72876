import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DeployWizard } from "./pages/deploy-wizard";
import { RolloutDecisions } from "./pages/rollout-decisions";
import { createPausedCanary } from "./scratch-canary";
import { scratchName } from "./scratch";

/**
 * Deploying over a canary that waits before its first traffic, as the wizard offers ("a new
 * deployment takes over"), on a canary of the test's own: the wizard starts from the revision
 * that serves production, and the new rollout shows that revision as the one traffic leaves,
 * the taken-over canary as having no tasks, and the new revision's actual traffic.
 */
test.describe.configure({ timeout: 150_000 });

async function expectWithinScreen(page: Page, locator: Locator): Promise<void> {
  const box = (await locator.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

function revisionRow(page: Page, label: string) {
  return page.getByRole("table", { name: /of each revision/ }).getByRole("row").filter({ hasText: label });
}

test("a new deployment over a paused canary starts from production's revision, and its rollout says who serves what", async ({ page }, testInfo) => {
  const paused = await createPausedCanary(scratchName("takeover", testInfo));
  const family = `${paused.cluster}-web`;
  const [serving, canary, next] = [`${family}:1`, `${family}:2`, `${family}:3`];

  const wizard = new DeployWizard(page);
  await wizard.open(paused.cluster, "web");
  const target = page.getByRole("term").filter({ hasText: /^Serves production$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(target).toHaveText(serving);
  await expect(page.getByText("A deployment is in progress")).toBeVisible();
  await wizard.nextTo("What to deploy");
  await wizard.newImage("web", "public.ecr.aws/slipway/web:1.6.0", "Takes over from the paused canary");
  await wizard.nextTo("Strategy");
  await wizard.canaryWithApproval(10);
  await wizard.nextTo("Review");
  // The review compares with what serves production: only the image changes from it.
  await expect(wizard.review("Task definition")).toContainText("public.ecr.aws/slipway/web:1.4.2");
  await wizard.nextTo("Deploy");
  await wizard.deployButton.click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${paused.cluster}/services/web/deployments/[\\w-]+$`), { timeout: 20_000 });

  await expect(revisionRow(page, canary)).toContainText("no tasks", { timeout: 30_000 });
  // Before any traffic shifts: ECS asks nothing of the canary taken over from, all of production's revision.
  await expect(revisionRow(page, canary).getByRole("cell").nth(0)).toHaveText("0 %");
  await expect(revisionRow(page, serving)).toContainText("current");
  await expect(revisionRow(page, serving).getByRole("cell").nth(0)).toHaveText("100 %");

  const decisions = new RolloutDecisions(page);
  const question = `Start sending 10 % of production traffic to ${next}?`;
  await expect(decisions.panel.getByRole("heading", { level: 2 })).toHaveText(question, { timeout: 30_000 });
  await decisions.approveButton.click();
  await decisions.dialog(question).getByRole("button", { name: "Approve" }).click();

  // At the canary step: ECS asked 10 % for the new revision, and the listener rule really sends it.
  const newRow = revisionRow(page, next);
  // The cells after the revision's name: traffic requested, traffic actual, then the tasks.
  await expect(newRow.getByRole("cell").nth(0)).toHaveText("10 %", { timeout: 30_000 });
  await expect(newRow.getByRole("cell").nth(1)).toHaveText("10 %");
  await expect(revisionRow(page, serving).getByRole("cell").nth(0)).toHaveText("90 %");
  // Both traffic columns are in view without scrolling the table, on a phone too.
  for (const header of ["Traffic requested", "Traffic actual"]) await expectWithinScreen(page, page.getByRole("columnheader", { name: header }));

  // Promotion stops the tasks of the revision that served production, not those of the canary taken over from.
  await expect(decisions.panel.getByRole("heading", { level: 2 })).toHaveText("Promote the canary to 100 %?", { timeout: 30_000 });
  await decisions.rollBackButton.click();
  await expect(decisions.dialog(`Roll back web to ${serving}?`)).toContainText(`ECS returns all production traffic to ${serving}, stops the tasks of ${next}`);
  await page.keyboard.press("Escape");
  await decisions.approveButton.click();
  await expect(decisions.dialog("Promote the canary to 100 %?")).toContainText(`then stops the tasks of ${serving}`);
});
