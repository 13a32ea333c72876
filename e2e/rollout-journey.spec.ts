import { DescribeRulesCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Browser, Page, TestInfo } from "@playwright/test";
import { expect, interactiveAfterLoads, test } from "./fixtures";
import { DeployWizard } from "./pages/deploy-wizard";
import { ApprovalsPage, RolloutDecisions } from "./pages/rollout-decisions";
import { storageStateOf, type Person } from "./people";
import { createScratchServiceBehindLoadBalancer, localEcs, localElb, scratchName, type ScratchLoadBalancing } from "./scratch";

/**
 * Issue 8's journey by clicks: a canary with approval started through the deploy wizard, then
 * watched and decided on its rollout page — approved to 100 %, or rolled back to blue — by
 * approvers, with a viewer looking on and two approvers deciding at once.
 */
test.describe.configure({ timeout: 150_000 });

interface StartedCanary {
  cluster: string;
  family: string;
  loadBalancing: ScratchLoadBalancing;
  /** The rollout page's path. */
  path: string;
}

/** From the service page, as a person would: Deploy → new image → Canary 10 % with approval → the rollout page. */
async function startCanaryThroughWizard(page: Page, area: string, testInfo: TestInfo, { canaryBakeMinutes = 1 } = {}): Promise<StartedCanary> {
  const cluster = scratchName(area, testInfo);
  const family = `${cluster}-web`;
  const loadBalancing = await createScratchServiceBehindLoadBalancer(localEcs(), cluster, { family });
  await page.goto(`/clusters/${cluster}/services/web`);
  await page.getByRole("link", { name: "Deploy", exact: true }).click();
  const wizard = new DeployWizard(page);
  await expect(wizard.heading).toHaveText("Deploy web");
  await wizard.nextTo("What to deploy");
  await wizard.newImage("web", "public.ecr.aws/slipway/web:1.5.0", "Product search, as a canary");
  await wizard.nextTo("Strategy");
  await wizard.canaryWithApproval(10, { canaryBakeMinutes });
  await wizard.nextTo("Review");
  await wizard.nextTo("Deploy");
  await wizard.deployButton.click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster}/services/web/deployments/[\\w-]+$`), { timeout: 20_000 });
  const path = new URL(page.url()).pathname;
  return { cluster, family, loadBalancing, path };
}

/** The production rule's weights as ELB has them: what the load balancer really sends where. */
async function productionWeights(loadBalancing: ScratchLoadBalancing): Promise<{ blue: number; green: number }> {
  const { Rules } = await localElb().send(new DescribeRulesCommand({ RuleArns: [loadBalancing.productionRuleArn] }));
  const groups = Rules![0]!.Actions!.find((action) => action.Type === "forward")!.ForwardConfig!.TargetGroups!;
  const weight = (arn: string) => groups.find((group) => group.TargetGroupArn === arn)?.Weight ?? 0;
  return { blue: weight(loadBalancing.blueArn), green: weight(loadBalancing.greenArn) };
}

function revisionRow(page: Page, label: string) {
  return page.getByRole("table", { name: /of each revision/ }).getByRole("row").filter({ hasText: label });
}

function chart(page: Page, title: string) {
  return page.getByRole("img", { name: new RegExp(`^${title}\\.`) });
}

async function pageAs(browser: Browser, person: Person, path: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(person), baseURL: process.env.SLIPWAY_BASE_URL });
  const page = interactiveAfterLoads(await context.newPage());
  await page.goto(path);
  return page;
}

async function approve(page: Page, question: string | RegExp): Promise<void> {
  const decisions = new RolloutDecisions(page);
  await expect(decisions.panel.getByRole("heading", { level: 2 })).toHaveText(question, { timeout: 30_000 });
  await decisions.approveButton.click();
  await decisions.dialog(question).getByRole("button", { name: "Approve" }).click();
}

test("a canary approved on its rollout page: the weight and health charted as they happen, promoted to 100 %, successful", async ({ page, browser }, testInfo) => {
  const canary = await startCanaryThroughWizard(page, "journey-approve", testInfo);
  const newRevision = `${canary.family}:2`;

  // Before any traffic: the new revision runs healthy beside the old, with none of production.
  await expect(chart(page, "Healthy tasks")).toHaveAttribute("aria-label", new RegExp(`${newRevision} \\(new\\) 100 %`), { timeout: 30_000 });
  await expect(chart(page, "Production traffic on the new revision")).toHaveAttribute("aria-label", /Requested \(ECS\) 0 %/);

  // A viewer watching the same rollout sees the question, but no way to answer it.
  const vera = await pageAs(browser, "vera", canary.path);
  const watching = new RolloutDecisions(vera);
  await expect(watching.panel).toContainText("An approver can continue or roll back", { timeout: 30_000 });
  await expect(watching.approveButton).toHaveCount(0);

  await approve(page, `Start sending 10 % of production traffic to ${newRevision}?`);
  await expect(chart(page, "Production traffic on the new revision")).toHaveAttribute("aria-label", /Requested \(ECS\) 10 %/, { timeout: 30_000 });
  await expect(revisionRow(page, newRevision)).toContainText("10 %");
  const canaryWeights = await productionWeights(canary.loadBalancing);
  expect(canaryWeights.green / (canaryWeights.blue + canaryWeights.green)).toBeCloseTo(0.1, 2);

  await approve(page, "Promote the canary to 100 %?");
  await expect(page.getByText("Completed", { exact: true }).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("term").filter({ hasText: /^Stage$/ })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Decisions" }).getByRole("listitem")).toHaveCount(2);
  await expect(chart(page, "Production traffic on the new revision")).toHaveAttribute("aria-label", /Requested \(ECS\) 100 %/);
  const weights = await productionWeights(canary.loadBalancing);
  expect(weights.blue).toBe(0);
  expect(weights.green).toBeGreaterThan(0);
  // The viewer's page followed along without a reload.
  await expect(vera.getByText("Completed", { exact: true }).first()).toBeVisible();
  await vera.context().close();
});

test("a canary rolled back at its promotion: production traffic returns to blue", async ({ page }, testInfo) => {
  const canary = await startCanaryThroughWizard(page, "journey-rollback", testInfo);
  const newRevision = `${canary.family}:2`;
  await approve(page, `Start sending 10 % of production traffic to ${newRevision}?`);
  await expect(chart(page, "Production traffic on the new revision")).toHaveAttribute("aria-label", /Requested \(ECS\) 10 %/, { timeout: 30_000 });

  const decisions = new RolloutDecisions(page);
  await expect(decisions.panel.getByRole("heading", { level: 2 })).toHaveText("Promote the canary to 100 %?", { timeout: 30_000 });
  await decisions.rollBackButton.click();
  await decisions.dialog(`Roll back web to ${canary.family}:1?`).getByRole("button", { name: "Roll back" }).click();
  // The moment the answer is shown, the page no longer says the deployment waits.
  const status = page.getByRole("term").filter({ hasText: /^Status$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(page.getByRole("status").filter({ hasText: "Rolling back: ECS returns production traffic to the previous revision." })).toBeVisible();
  expect(await status.textContent()).not.toBe("Awaiting approval");

  await expect(status).toHaveText("Rolled back", { timeout: 60_000 });
  // Finished means finished: no stage, no question, and who decided what.
  await expect(page.getByRole("term").filter({ hasText: /^Stage$/ })).toHaveCount(0);
  await expect(decisions.panel).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Decisions" }).getByRole("listitem")).toHaveText([
    /^Approved by Demo admin at \d\d:\d\d UTC$/,
    /^Rolled back by Demo admin at \d\d:\d\d UTC$/,
  ]);
  await expect(chart(page, "Production traffic on the new revision")).toHaveAttribute("aria-label", /Requested \(ECS\) 0 %/);
  await expect(revisionRow(page, `${canary.family}:1`)).toContainText("100 %");
  const weights = await productionWeights(canary.loadBalancing);
  expect(weights.green).toBe(0);
  expect(weights.blue).toBeGreaterThan(0);
});

test("two approvers deciding at once: one moves the canary on, the other is told it was already decided", async ({ page, browser }, testInfo) => {
  // A long bake: the promotion gate must not arrive, and replace the question, before the slower of the two answers is read.
  const canary = await startCanaryThroughWizard(page, "journey-two", testInfo, { canaryBakeMinutes: 30 });
  const question = `Start sending 10 % of production traffic to ${canary.family}:2?`;
  // The inbox says what is asked, the images it changes, and who started it here.
  const inbox = new ApprovalsPage(page);
  await inbox.open();
  const item = inbox.item(canary.cluster, "web");
  await expect(item).toContainText(`${canary.family}:1 → ${canary.family}:2 · started by Demo admin at`, { timeout: 30_000 });
  await expect(item.getByRole("list", { name: "Image changes" })).toHaveText(["web: public.ecr.aws/slipway/web:1.4.2 → public.ecr.aws/slipway/web:1.5.0"]);
  const [april, admin] = await Promise.all([pageAs(browser, "april", canary.path), pageAs(browser, "admin", canary.path)]);
  const both = [new RolloutDecisions(april), new RolloutDecisions(admin)];
  for (const decisions of both) {
    await expect(decisions.panel.getByRole("heading", { level: 2 })).toHaveText(question, { timeout: 30_000 });
    await decisions.approveButton.click();
  }
  await Promise.all(both.map((decisions) => decisions.dialog(question).getByRole("button", { name: "Approve" }).click()));

  const answers = await Promise.all(both.map((decisions) => decisions.page.getByRole("status").filter({ hasText: /Approved|Already decided/ }).first().textContent()));
  expect(answers.filter((text) => /Already decided/.test(text ?? ""))).toHaveLength(1);
  expect(answers.filter((text) => !/Already decided/.test(text ?? ""))).toHaveLength(1);
  await Promise.all([april.context().close(), admin.context().close()]);
});
