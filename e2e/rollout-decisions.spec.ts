import { DescribeServiceDeploymentsCommand, type ECSClient } from "@aws-sdk/client-ecs";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ApprovalsPage, RolloutDecisions } from "./pages/rollout-decisions";
import { localEcs, scratchName } from "./scratch";
import { catchActionRequest, contextOf, sendAs } from "./crafted-actions";
import { awaitingHook, createPausedCanary } from "./scratch-canary";

/**
 * The approvals inbox and badge over the demo's paused api canary (looked at, never decided),
 * and decisions on a canary of this test's own: a viewer's crafted approval is refused, and of
 * two approvers at once one continues while the other is told it was already decided.
 */

/** The inbox is read once per 10 s on the server, and the page polls every 3 s: twice that, for a busy machine. */
const INBOX_WAIT_MS = 30_000;

async function hookStatus(ecs: ECSClient, serviceDeploymentArn: string, hookId: string): Promise<string | undefined> {
  const { serviceDeployments } = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [serviceDeploymentArn] }));
  return serviceDeployments?.[0]?.lifecycleHookDetails?.find((hook) => hook.hookId === hookId)?.status;
}

/** A canary of this test's own, behind a load balancer of its own, paused before its first production traffic. */
async function pausedScratchCanary(testInfo: TestInfo) {
  const canary = await createPausedCanary(scratchName("decisions", testInfo));
  return { ecs: localEcs(), cluster: canary.cluster, family: `${canary.cluster}-web`, serviceDeploymentArn: canary.serviceDeploymentArn, hookId: await awaitingHook(canary.serviceDeploymentArn) };
}


async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test("the inbox lists the demo's paused api canary with what it waits for, and the top bar counts it", async ({ page }, testInfo) => {
  const inbox = new ApprovalsPage(page);
  await inbox.open();
  await expect(inbox.heading).toBeVisible();

  const api = inbox.item("demo", "api");
  await expect(api).toContainText("Start sending 10 % of production traffic to api:3?");
  await expect(api).toContainText("Paused before the production traffic shift · Canary 10 % with approval");
  await expect(api).toContainText(/If nobody decides\s*Rolls back in \d+ (d|h|min)/);
  await expect(inbox.decideLink("demo", "api")).toHaveAttribute("href", /^\/clusters\/demo\/services\/api\/deployments\/[\w-]+$/);
  await expect(inbox.badgeLink).toHaveAccessibleName(/^Approvals, [1-9]\d* waiting$/);
  await expect(inbox.badgeLink).toHaveAttribute("aria-current", "page");
  expect(await pageWidth(page)).toBeLessThanOrEqual(testInfo.project.use.viewport!.width);

  // The link opens the rollout's own page; the demo's pause is left for people to decide.
  await inbox.decideLink("demo", "api").click();
  await expect(page).toHaveURL(/\/clusters\/demo\/services\/api\/deployments\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the top bar keeps to the width of a phone with and without a count", async ({ page }, testInfo) => {
  const inbox = new ApprovalsPage(page);
  await page.goto("/");
  await expect(inbox.badgeLink).toHaveAccessibleName(/^Approvals, [1-9]\d* waiting$/);
  expect(await pageWidth(page)).toBeLessThanOrEqual(testInfo.project.use.viewport!.width);

  await page.route("**/api/approvals", (route) => route.fulfill({ json: { waiting: [], gaps: [], readAt: new Date().toISOString() } }));
  await page.reload();
  await expect(inbox.badgeLink).toHaveAccessibleName("Approvals");
  await expect(inbox.badgeLink).toBeInViewport();
  expect(await pageWidth(page)).toBeLessThanOrEqual(testInfo.project.use.viewport!.width);
});

test("a viewer's crafted approval is refused; of two approvers at once one continues, the other is told it was already decided", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const { ecs, cluster, family, serviceDeploymentArn, hookId } = await pausedScratchCanary(testInfo);

  const inbox = new ApprovalsPage(page);
  await inbox.open();
  await expect(inbox.item(cluster, "web")).toContainText(`Start sending 10 % of production traffic to ${family}:2?`, { timeout: INBOX_WAIT_MS });
  await inbox.decideLink(cluster, "web").click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster}/services/web/deployments/${serviceDeploymentArn.split("/").pop()}$`));

  const decisions = new RolloutDecisions(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(decisions.panel).toContainText(/Rolls back in \d+ (d|h)\b.* if nobody decides/);

  const approve = await catchActionRequest(page, async () => {
    await decisions.approveButton.click();
    const dialog = decisions.dialog(`Start sending 10 % of production traffic to ${family}:2?`);
    await expect(dialog).toContainText(`ECS sends 10 % of production traffic to ${family}:2, bakes for 1 minute and asks again before promoting it.`);
    await dialog.getByRole("button", { name: "Approve" }).click();
  });

  const vera = await contextOf("vera", testInfo);
  expect((await sendAs(vera, approve)).status()).toBe(403);
  await vera.dispose();
  expect(await hookStatus(ecs, serviceDeploymentArn, hookId)).toBe("AWAITING_ACTION");

  const [april, admin] = await Promise.all([contextOf("april", testInfo), contextOf("admin", testInfo)]);
  const answers = await Promise.all([sendAs(april, approve), sendAs(admin, approve)]);
  const bodies = await Promise.all(answers.map((answer) => answer.text()));
  expect(answers.map((answer) => answer.status())).toEqual([200, 200]);
  expect(bodies.filter((body) => body.includes('"alreadyDecided":false'))).toHaveLength(1);
  expect(bodies.filter((body) => body.includes('"alreadyDecided":true'))).toHaveLength(1);
  expect(bodies.join("")).toMatch(/It was already approved( by (April Approver|Demo admin) at \d\d:\d\d UTC)?\. Nothing was changed\./);
  await Promise.all([april.dispose(), admin.dispose()]);
  expect(await hookStatus(ecs, serviceDeploymentArn, hookId)).toBe("SUCCEEDED");

  // After the canary's bake the page asks the promotion question; rolling back there is confirmed and its answer shown.
  await expect(decisions.panel.getByRole("heading", { level: 2 })).toHaveText("Promote the canary to 100 %?", { timeout: 30_000 });
  await decisions.rollBackButton.click();
  const rollBack = decisions.dialog(`Roll back web to ${family}:1?`);
  await expect(rollBack).toContainText(`ECS returns all production traffic to ${family}:1, stops the tasks of ${family}:2, and ends the deployment as rolled back.`);
  await rollBack.getByRole("button", { name: "Roll back" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rolling back: ECS returns production traffic to the previous revision." })).toBeVisible();
  await expect(decisions.panel).toHaveCount(0);
});
