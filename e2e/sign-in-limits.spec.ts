import { expect, interactiveAfterLoads, test } from "./fixtures";
import { storageStateOf } from "./people";
import { scratchName } from "./scratch";
import { addPerson, removePerson } from "./users-file";

/**
 * Guessing a password is slowed and then stopped: after two wrong passwords each try waits
 * longer, and the fifth locks the username, even against the right password, saying for how
 * long; the admin finds every attempt in the audit log. The person is one of the test's own;
 * the browser names an address of its own (as the load balancer in front would), so the
 * address's own count stays this test's.
 */
test.use({ storageState: { cookies: [], origins: [] } });

test("a guessed password is slowed, then the username is locked for 5 minutes, and the admin sees each attempt", async ({ browser }, testInfo) => {
  const person = await addPerson(scratchName("guessed", testInfo), ["deployer"]);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${testInfo.project.name === "phone" ? 2 : 1}` } });
  const guesser = interactiveAfterLoads(await context.newPage());
  await guesser.goto("/sign-in");
  const status = guesser.getByRole("status");
  const attempt = async (password: string) => {
    await guesser.getByRole("textbox", { name: "Username" }).fill(person.username);
    await guesser.getByLabel("Password").fill(password);
    // The answer may read as the one before (two wrong passwords): each attempt waits for its own.
    const answered = guesser.waitForResponse((response) => response.url().includes("/api/auth/callback/password"));
    await guesser.getByRole("button", { name: "Sign in", exact: true }).click();
    await answered;
  };

  await attempt("guess 1");
  await expect(status).toContainText("That username and password do not match.");
  await attempt("guess 2");
  await expect(status).toContainText("That username and password do not match.");
  await attempt("guess 3, at once");
  await expect(status).toContainText("Too many failed sign-ins in a row: wait 1 second before trying again.");
  for (const wait of [1, 2, 4]) {
    await guesser.waitForTimeout(wait * 1000 + 200);
    await attempt(`guess after ${wait} s`);
    await expect(status).toContainText("That username and password do not match.");
  }
  await attempt(person.password);
  await expect(status).toContainText("Too many failed sign-ins: signing in is locked for 5 minutes. Nothing was checked.");
  await expect(guesser).toHaveURL(/\/sign-in/);

  await context.close();

  // Each wrong password is one entry, counted; the last says the username was locked.
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const audit = interactiveAfterLoads(await admin.newPage());
  await audit.goto(`/audit?action=session.sign-in&resource=${person.username}`);
  const entries = audit.getByRole("main").getByRole("table");
  await expect(entries.getByText("Wrong username or password; the username is locked for 5 minutes after 5 failures.").filter({ visible: true })).toBeVisible();
  await expect(entries.getByText(/^5 times, the last at/).filter({ visible: true })).toBeVisible();
  await expect(entries.getByText("Refused unchecked: locked after failed sign-ins.").filter({ visible: true })).toBeVisible();
  await Promise.all([admin.close(), removePerson(person.username)]);
});
