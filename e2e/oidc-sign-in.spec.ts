import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { IdentityProviderPage } from "./oidc/identity-provider-page";
import { TEST_USER_PASSWORD, TEST_USERS } from "./oidc/test-users";

/**
 * Single sign-on end to end, in a real browser: the dashboard sends a signed-out visitor to
 * its sign-in page, she chooses single sign-on, signs in at the OpenID Connect provider the
 * global setup started on loopback (e2e/oidc/test-identity-provider.ts), and comes back
 * signed in with the role her group gives (release-managers → approver).
 */

// Signed out: the other specs start signed in as the demo admin.
test.use({ storageState: { cookies: [], origins: [] } });

const olivia = TEST_USERS.olivia;

async function sessionUser(request: APIRequestContext): Promise<unknown> {
  const response = await request.get("/api/auth/session");
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { user?: unknown }).user;
}

test("Olivia signs in through single sign-on and acts as an approver", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\b/);
  await page.getByRole("button", { name: "Sign in with Single sign-on" }).click();

  const identityProvider = new IdentityProviderPage(page);
  await expect(identityProvider.heading).toBeVisible();
  expect(new URL(page.url()).origin, "the sign-in happens at the identity provider").not.toBe(new URL(testInfo.project.use.baseURL!).origin);
  await identityProvider.signIn("olivia", TEST_USER_PASSWORD);

  await expect(page.getByRole("button", { name: `Sign out ${olivia.name}` })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(testInfo.project.use.baseURL!).origin);
  expect(await sessionUser(page.request)).toMatchObject({ name: olivia.name, email: olivia.email, roles: ["approver"] });
  // The header names the role beside her name where there is room for it.
  if (testInfo.project.name === "desktop") await expect(page.getByRole("banner").getByText("approver", { exact: true })).toBeVisible();
});

test("a wrong password keeps her at the identity provider, not signed in to the dashboard", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Single sign-on" }).click();
  const identityProvider = new IdentityProviderPage(page);
  await identityProvider.signIn("olivia", "not her password");

  await expect(identityProvider.alert).toHaveText("Wrong username or password.");
  await expect(identityProvider.heading).toBeVisible();
  expect(await sessionUser(page.request)).toBeUndefined();
});
