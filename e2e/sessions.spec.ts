import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, interactiveAfterLoads, test } from "./fixtures";
import { ServicePage } from "./pages/service-page";
import { PEOPLE, storageStateOf } from "./people";
import { scratchName } from "./scratch";
import { addPerson, removePerson, setRoles, type ScratchPerson } from "./users-file";

/**
 * Sessions live on the server: signing out, an admin ending a session, leaving the users file
 * and a change of role all take effect on the person's next request, whatever cookie their
 * browser (or anyone who copied it) still holds. Each test signs in a person of its own, added
 * to the users file for it, so no other test's session is touched.
 */
const SIGNED_OUT = { cookies: [], origins: [] };

async function signedIn(browser: Browser, person: ScratchPerson): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = interactiveAfterLoads(await context.newPage());
  await page.goto("/sign-in");
  await page.getByRole("textbox", { name: "Username" }).fill(person.username);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("banner")).toContainText(person.name);
  return { context, page };
}

/** Where a page load and a live read get with this browser's cookies: the sign-in page and 401 once the session has ended. */
async function expectSignedOut(page: Page): Promise<void> {
  await page.goto("/clusters/demo");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fclusters%2Fdemo$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Slipway" })).toBeVisible();
  const live = await page.request.get("/api/clusters/demo");
  expect(live.status()).toBe(401);
}

test.describe("sessions", () => {
  test("signing out ends the session: a copy of the cookie kept from before reads nothing", async ({ browser }, testInfo) => {
    const person = await addPerson(scratchName("signs-out", testInfo), ["viewer"]);
    const { context, page } = await signedIn(browser, person);
    const kept = await context.storageState();
    await page.getByRole("button", { name: `Sign out ${person.name}` }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    const replay = await browser.newContext({ storageState: kept });
    await expectSignedOut(interactiveAfterLoads(await replay.newPage()));
    await Promise.all([replay.close(), context.close(), removePerson(person.username)]);
  });

  test("someone removed from the users file is signed out on their next request", async ({ browser }, testInfo) => {
    const person = await addPerson(scratchName("removed", testInfo), ["approver"]);
    const { context, page } = await signedIn(browser, person);
    await page.goto("/approvals");
    await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();

    await removePerson(person.username);
    await expectSignedOut(page);
    // Back in the file, they must sign in again: the old session stays ended.
    await addPerson(person.username, ["approver"]);
    await expectSignedOut(page);
    await Promise.all([context.close(), removePerson(person.username)]);
  });

  test("a deployer demoted to viewer loses the controls, and the server refuses the change, on the next request", async ({ browser }, testInfo) => {
    const person = await addPerson(scratchName("demoted", testInfo), ["deployer"]);
    const { context, page } = await signedIn(browser, person);
    const service = new ServicePage(page);
    await service.open("demo", "web");
    await expect(service.scaleButton).toBeVisible();
    await service.scaleButton.click();
    await expect(service.dialog("Scale web")).toBeVisible();

    // Demoted while the dialog is open: the change sent now is refused, and the page, read again, offers none.
    await setRoles(person.username, ["viewer"]);
    const dialog = service.dialog("Scale web");
    await dialog.getByRole("spinbutton", { name: "Desired tasks" }).fill("3");
    const answer = page.waitForResponse((response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"]));
    await dialog.getByRole("button", { name: "Scale" }).click();
    expect((await answer).status()).toBe(403);

    await page.reload();
    await expect(page.getByRole("banner")).toContainText("viewer");
    await expect(service.scaleButton).toHaveCount(0);
    await Promise.all([context.close(), removePerson(person.username)]);
  });

  test("an admin sees who is signed in and ends a session from the Sessions page", async ({ page, browser }, testInfo) => {
    const person = await addPerson(scratchName("ended-by-admin", testInfo), ["deployer"]);
    const theirs = await signedIn(browser, person);

    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
    const card = page.getByRole("list", { name: "Sessions" }).getByRole("article", { name: new RegExp(`^${person.name}, signed in`) });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText("deployer");
    await expect(card).toContainText("password");
    await card.getByRole("button", { name: new RegExp(`^End session of ${person.name}`) }).click();
    const confirm = page.getByRole("dialog", { name: `End ${person.name}'s session?` });
    await confirm.getByRole("button", { name: "End session" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${person.name}'s session has ended` })).toBeVisible();
    await expect(page.getByRole("article", { name: new RegExp(`^${person.name}, ended`) })).toContainText(`Ended by ${PEOPLE.admin.name}.`);

    await expectSignedOut(theirs.page);
    await page.goto(`/audit?action=session.end&resource=${person.username}`);
    await expect(page.getByText(`${person.name}'s session has ended`).filter({ visible: true })).toHaveCount(1);
    await Promise.all([theirs.context.close(), removePerson(person.username)]);
  });

  test.describe("as a deployer", () => {
    test.use({ storageState: storageStateOf("dana") });

    test("the Sessions page is for admins only", async ({ page }) => {
      await page.goto("/sessions");
      await expect(page.getByText("You are not allowed to see sessions")).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" })).toHaveCount(0);
    });
  });
});
