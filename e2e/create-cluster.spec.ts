import { DescribeClustersCommand } from "@aws-sdk/client-ecs";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ClustersOverviewPage } from "./pages/clusters-overview";
import { localEcs, scratchName } from "./scratch";

/** Creating a cluster from the overview: each project creates its own, so the two runs never meet. */
async function openCreateDialog(page: Page): Promise<Locator> {
  await new ClustersOverviewPage(page).open();
  await page.getByRole("button", { name: "Create cluster" }).click();
  const dialog = page.getByRole("dialog", { name: "Create cluster" });
  await expect(dialog).toBeVisible();
  return dialog;
}

const strategyItem = (dialog: Locator, n: number) => dialog.getByRole("group", { name: `Strategy item ${n}` });

test("creates a cluster with FARGATE and FARGATE_SPOT and a strategy, and finds it in the list", async ({ page }, testInfo) => {
  const name = scratchName("created", testInfo);
  const dialog = await openCreateDialog(page);

  await dialog.getByLabel("Cluster name").fill(name);
  const providers = dialog.getByRole("group", { name: "Capacity providers" });
  await expect(providers.getByRole("checkbox", { name: "FARGATE", exact: true })).toBeChecked();
  await providers.getByRole("checkbox", { name: "FARGATE_SPOT" }).check();
  await strategyItem(dialog, 1).getByLabel("Base").fill("1");
  await dialog.getByRole("button", { name: "Add a provider" }).click();
  await expect(strategyItem(dialog, 2).getByLabel("Provider")).toHaveValue("FARGATE_SPOT");
  await strategyItem(dialog, 2).getByLabel("Weight").fill("3");
  await dialog.getByRole("button", { name: "Create cluster" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Created cluster ${name}.` })).toBeVisible();
  const card = new ClustersOverviewPage(page).cluster(name);
  await expect(card).toContainText("FARGATE, FARGATE_SPOT");
  await expect(card).toContainText("FARGATE (weight 1, base 1) + FARGATE_SPOT (weight 3)");
  const { clusters } = await localEcs().send(new DescribeClustersCommand({ clusters: [name] }));
  expect(clusters?.[0]?.status).toBe("ACTIVE");
});

test("refuses a second demo at the name field: it already exists", async ({ page }) => {
  const dialog = await openCreateDialog(page);
  await dialog.getByLabel("Cluster name").fill("demo");
  await dialog.getByRole("button", { name: "Create cluster" }).click();

  const nameField = dialog.getByLabel("Cluster name");
  await expect(nameField).toHaveAccessibleDescription(/A cluster named demo already exists\./);
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toBeVisible();
});

test("names a weight above 1,000 at its field, before asking ECS", async ({ page }, testInfo) => {
  const dialog = await openCreateDialog(page);
  const requests: string[] = [];
  page.on("request", (request) => request.method() === "POST" && requests.push(request.url()));

  await dialog.getByLabel("Cluster name").fill(scratchName("heavy", testInfo));
  const weight = strategyItem(dialog, 1).getByLabel("Weight");
  await weight.fill("1001");
  await dialog.getByRole("button", { name: "Create cluster" }).click();

  await expect(weight).toHaveAccessibleDescription(/Weight must be at most 1,000\./);
  await expect(weight).toHaveAttribute("aria-invalid", "true");
  expect(requests).toEqual([]);

  await weight.fill("1000");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});
