import { DescribeTaskDefinitionCommand, ListTaskDefinitionsCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import type { TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { taskDefinitionFor, WEB } from "../emulator/seed/apps";
import { registrationJson, toRegistration } from "../lib/taskdef/registration";
import { EditorPage } from "./pages/editor-page";
import { storageStateOf } from "./people";
import { localEcs, scratchName } from "./scratch";

/**
 * The editor against a family of each test's own (registered here through the SDK), so the
 * demo's families stay as seeded and the desktop and phone runs never meet.
 */
async function registerScratchFamily(area: string, testInfo: TestInfo): Promise<string> {
  const family = scratchName(area, testInfo);
  await localEcs().send(new RegisterTaskDefinitionCommand({ ...taskDefinitionFor(WEB, "1.4.2", "us-east-1"), family }));
  return family;
}

async function revisionsOf(family: string): Promise<string[]> {
  return (await localEcs().send(new ListTaskDefinitionsCommand({ familyPrefix: family }))).taskDefinitionArns ?? [];
}

test("changes an image in the form, sees it in the JSON, and registers revision 2 with a change note", async ({ page }, testInfo) => {
  const family = await registerScratchFamily("td-image", testInfo);
  const editor = new EditorPage(page);
  await editor.open(`${family}:1`);
  await expect(editor.heading).toHaveText(`New revision of ${family}`);

  const image = editor.field("Image", editor.container(1));
  await expect(image).toHaveValue(/:1\.4\.2$/);
  const newImage = (await image.inputValue()).replace(/:1\.4\.2$/, ":1.5.0");
  await image.fill(newImage);
  await editor.showJson();
  await expect(editor.json).toContainText(`"image": "${newImage}"`);

  await editor.changeNote.fill("Web 1.5.0: faster start");
  await expect(page.getByText("23/256 characters")).toBeVisible();
  await editor.registerButton.click();

  await expect(page).toHaveURL(new RegExp(`/task-definitions/${family}/2\\?registered=1&from=${family}%3A1$`));
  const { taskDefinition, tags } = await localEcs().send(new DescribeTaskDefinitionCommand({ taskDefinition: `${family}:2`, include: ["TAGS"] }));
  expect(taskDefinition?.containerDefinitions?.[0]?.image).toBe(newImage);
  expect(tags).toContainEqual({ key: "slipway:change-note", value: "Web 1.5.0: faster start" });
});

test("the Registered banner compares with the revision the draft started from, not the one before", async ({ page }, testInfo) => {
  const family = await registerScratchFamily("td-from", testInfo);
  await localEcs().send(new RegisterTaskDefinitionCommand({ ...taskDefinitionFor(WEB, "1.4.3", "us-east-1"), family }));
  const editor = new EditorPage(page);
  await editor.open(`${family}:1`);
  await editor.field("Image", editor.container(1)).fill("public.ecr.aws/slipway/web:1.6.0");
  await editor.registerButton.click();

  await expect(page).toHaveURL(new RegExp(`/task-definitions/${family}/3\\?`));
  const banner = page.getByRole("status").filter({ hasText: `Registered ${family}:3` });
  await expect(banner).toContainText(`See what changed since ${family}:1, the revision this one started from`);
  await banner.getByRole("link", { name: `See what changed since ${family}:1` }).click();
  await expect(page).toHaveURL(new RegExp(`left=${family}%3A1&right=${family}%3A3`));
});

test("a draft with the settings it started from is registered only after a warning", async ({ page }, testInfo) => {
  const family = await registerScratchFamily("td-same", testInfo);
  const editor = new EditorPage(page);
  await editor.open(`${family}:1`);
  await editor.changeNote.fill("Same again");
  await editor.registerButton.click();

  const warning = page.getByRole("status").filter({ hasText: `Nothing changed from ${family}:1` });
  await expect(warning).toContainText(`This draft has the same settings as ${family}:1.`);
  expect(await revisionsOf(family)).toHaveLength(1);

  await page.getByRole("button", { name: "Register anyway" }).click();
  await expect(page).toHaveURL(new RegExp(`/task-definitions/${family}/2\\?registered=1`));
  expect(await revisionsOf(family)).toHaveLength(2);
});

test("warns about a :latest image beside its field, without refusing it", async ({ page }, testInfo) => {
  const family = await registerScratchFamily("td-latest", testInfo);
  const editor = new EditorPage(page);
  await editor.open(`${family}:1`);
  const image = editor.field("Image", editor.container(1));
  await image.fill("public.ecr.aws/slipway/web:latest");
  await expect(editor.container(1)).toContainText(":latest can point at a different image at any time.");
  await expect(image).not.toHaveAttribute("aria-invalid", "true");
});

test("follows a JSON edit in the form at once", async ({ page }, testInfo) => {
  const family = await registerScratchFamily("td-json", testInfo);
  const editor = new EditorPage(page);
  await editor.open(`${family}:1`);
  const { taskDefinition, tags } = await localEcs().send(new DescribeTaskDefinitionCommand({ taskDefinition: `${family}:1`, include: ["TAGS"] }));
  await editor.replaceJson(registrationJson({ ...toRegistration(taskDefinition!, tags), memory: "3000" }));

  await editor.showForm();
  await expect(editor.field("Task memory")).toHaveValue("3000");
  await editor.registerButton.click();
  await expect(editor.errorSummary).toContainText("With cpu 256, Fargate allows memory 512, 1024, 2048 (MiB).");
  await expect(editor.field("Task memory")).toHaveAttribute("aria-invalid", "true");
  expect(await revisionsOf(family)).toHaveLength(1);
});

test("an invalid edit is refused at its field, registers nothing, and the draft survives a reload", async ({ page }, testInfo) => {
  const family = await registerScratchFamily("td-invalid", testInfo);
  const editor = new EditorPage(page);
  await editor.open(`${family}:1`);
  const port = editor.field("Container port", editor.container(1));
  await port.fill("70000");
  await editor.registerButton.click();

  await expect(editor.errorSummary).toBeFocused();
  await expect(editor.errorSummary).toContainText("Container 1 (web), port mapping 1: Container port must be between 1 and 65535.");
  await expect(port).toHaveAttribute("aria-invalid", "true");
  await expect(port).toHaveAccessibleDescription(/Container port must be between 1 and 65535\./);
  await editor.errorSummary.getByRole("link", { name: /Container port must be/ }).click();
  await expect(port).toBeFocused();
  expect(await revisionsOf(family)).toHaveLength(1);

  await editor.waitForDraftSaved("70000");
  await page.reload();
  await expect(editor.restoredNotice).toBeVisible();
  await expect(editor.field("Container port", editor.container(1))).toHaveValue("70000");

  await editor.restoredNotice.getByRole("button", { name: "Discard draft" }).click();
  await expect(editor.field("Container port", editor.container(1))).toHaveValue("8080");
});

test("a JSON syntax error says its line and column, keeps the form, and the text survives a reload", async ({ page }, testInfo) => {
  const family = await registerScratchFamily("td-syntax", testInfo);
  const editor = new EditorPage(page);
  await editor.open(`${family}:1`);
  await editor.showJson();
  const broken = `{\n  "family": "${family}",\n  "cpu": "512",,\n}`;
  await editor.replaceJson(broken);

  await expect(page.getByText(/^Line 3, column 16: /)).toBeVisible();
  await editor.showForm();
  await expect(editor.field("Family")).toHaveValue(family);
  await expect(editor.field("Image", editor.container(1))).toHaveValue(/:1\.4\.2$/);

  await editor.waitForDraftSaved('"512",,');
  await page.reload();
  await expect(editor.restoredNotice).toBeVisible();
  await editor.showJson();
  await expect(editor.json).toContainText('"cpu": "512",,');
  await expect(page.getByText(/^Line 3, column 16: /)).toBeVisible();
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateOf("vera") });

  test("is told they may look, not register", async ({ page }) => {
    await page.goto("/task-definitions/new?from=web%3A1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You may look, not register");
    await expect(page.getByRole("button", { name: "Register revision" })).toHaveCount(0);
  });
});

test("the JSON editor indents with Tab, and Escape then Tab leaves it", async ({ page }, testInfo) => {
  const family = await registerScratchFamily("td-keys", testInfo);
  const editor = new EditorPage(page);
  await editor.open(`${family}:1`);
  await editor.showJson();
  await editor.json.click();
  await page.keyboard.press("Tab");
  await expect(editor.json).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(editor.json).not.toBeFocused();
});
