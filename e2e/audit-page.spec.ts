import { readFile } from "node:fs/promises";
import { DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { expect, test } from "./fixtures";
import { AuditPage } from "./pages/audit-page";
import { PEOPLE } from "./people";
import { ServicePage } from "./pages/service-page";
import { createScratchService, localEcs, scratchName } from "./scratch";

/**
 * The audit log as a person reads it after acting through the dashboard. Each test acts in a
 * scratch cluster of its own, and the other tests of the run write entries too, so entries
 * are found by their service's ARN or narrowed to the test's cluster, never counted overall.
 */
const REQUEST_ID = /^[0-9a-f-]{16,}$/;
const CSV_HEADER = "id,time,actor_id,actor_name,actor_email,action,target,outcome,detail,aws_request_id,error_code,input";

async function serviceArn(cluster: string): Promise<string> {
  const { services } = await localEcs().send(new DescribeServicesCommand({ cluster, services: ["web"] }));
  return services![0].serviceArn!;
}

/** Scales `web` in `cluster` through its page's Scale dialog, waiting for the answer. */
async function scaleThroughTheUi(service: ServicePage, cluster: string, desiredCount: number): Promise<void> {
  await service.open(cluster, "web");
  await service.scaleButton.click();
  const dialog = service.dialog("Scale web");
  await dialog.getByRole("spinbutton", { name: "Desired tasks" }).fill(String(desiredCount));
  await dialog.getByRole("button", { name: "Scale" }).click();
  await expect(service.outcome(`web now wants ${desiredCount} tasks.`)).toBeVisible();
}

test("a scale through the dashboard is in the audit log: who, service.scale, the service's ARN, succeeded, AWS's request id", async ({ page }, testInfo) => {
  const cluster = scratchName("audited", testInfo);
  await createScratchService(localEcs(), cluster);
  const arn = await serviceArn(cluster);
  await scaleThroughTheUi(new ServicePage(page), cluster, 3);

  const audit = new AuditPage(page);
  await audit.openFromNav();
  await expect(audit.heading).toHaveText("Audit log");
  await expect(audit.updated).toHaveText(/^Updated (just now|\d+ s ago)$/);
  const entry = audit.entry(arn);
  await expect(entry).toHaveCount(1);
  await expect(audit.cell(entry, "Action")).toContainText("service.scale");
  await expect(audit.cell(entry, "Action")).toContainText(`{"cluster":"${cluster}","service":"web","desiredCount":3}`);
  await expect(audit.cell(entry, "Target")).toContainText(arn);
  await expect(audit.cell(entry, "Outcome")).toContainText("Succeeded");
  await expect(audit.cell(entry, "Outcome")).toContainText("web now wants 3 tasks.");
  await expect(audit.cell(entry, "Who")).toContainText(PEOPLE.admin.name);
  await expect(audit.cell(entry, "AWS request ID").getByText(REQUEST_ID)).toBeVisible();
});

test("filters narrow the table, stay in the URL through a reload, and the CSV export holds what they match", async ({ page }, testInfo) => {
  const cluster = scratchName("audit-filter", testInfo);
  await createScratchService(localEcs(), cluster);
  const arn = await serviceArn(cluster);
  const service = new ServicePage(page);
  await scaleThroughTheUi(service, cluster, 3);
  await service.forceNewDeploymentButton.click();
  await service.dialog("Force a new deployment of web?").getByRole("button", { name: "Start new deployment" }).click();
  await expect(service.outcome(/^web: a new deployment started/)).toBeVisible();

  const audit = new AuditPage(page);
  await audit.openFromNav();
  await audit.resourceField.fill(cluster);
  await audit.applyButton.click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?resource=${cluster}$`));
  await expect(audit.entries).toHaveCount(2);
  await expect(audit.cell(audit.entries.first(), "Action")).toContainText("service.force-new-deployment");

  await audit.actionSelect.selectOption("service.scale");
  await audit.applyButton.click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?action=service.scale&resource=${cluster}$`));
  await expect(audit.entries).toHaveCount(1);
  await expect(audit.cell(audit.entries.first(), "Target")).toContainText(arn);

  await page.reload();
  await expect(audit.actionSelect).toHaveValue("service.scale");
  await expect(audit.resourceField).toHaveValue(cluster);
  await expect(audit.entries).toHaveCount(1);

  const [download] = await Promise.all([page.waitForEvent("download"), audit.exportCsv.click()]);
  expect(download.suggestedFilename()).toMatch(/^slipway-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path(), "utf8")).split("\r\n");
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(new RegExp(`^\\d+,[^,]+,admin,Demo admin,,service\\.scale,${arn.replaceAll("/", "\\/")},succeeded,web now wants 3 tasks\\.`));
  expect(lines[2]).toBe("");
});

test("a filter that matches nothing says so in words, with the way back", async ({ page }) => {
  const audit = new AuditPage(page);
  await audit.open("?resource=nothing-has-this-name");
  await expect(page.getByRole("heading", { name: "No entries match these filters" })).toBeVisible();
  await expect(audit.table).toHaveCount(0);
  await page.getByRole("link", { name: "clear the filters" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(audit.resourceField).toHaveValue("");
});

test("a time the filter cannot read is named at its field, and the rest of the filter still applies", async ({ page }) => {
  const audit = new AuditPage(page);
  await audit.open("?from=last-tuesday&resource=nothing-has-this-name");
  await expect(audit.fromField).toHaveAttribute("aria-invalid", "true");
  await expect(audit.fromField).toHaveAccessibleDescription("From must be a date and time, like 2026-05-01T09:30.");
  await expect(page.getByRole("heading", { name: "No entries match these filters" })).toBeVisible();
});

test("fits the screen: nothing scrolls sideways", async ({ page }) => {
  const audit = new AuditPage(page);
  await audit.open();
  // The tests before this one in the file have written entries: the table is there to overflow.
  await expect(audit.entries.first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});
