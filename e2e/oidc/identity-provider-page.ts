import type { Locator, Page } from "@playwright/test";

/** The test identity provider's sign-in form (e2e/oidc/login-page.ts), as a person finds its parts. */
export class IdentityProviderPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Test identity provider" });
  }

  get alert(): Locator {
    return this.page.getByRole("alert");
  }

  /** Waits for the provider's own form first: the dashboard's sign-in page has fields of the same names. */
  async signIn(login: string, password: string): Promise<void> {
    await this.heading.waitFor();
    await this.page.getByLabel("Username").fill(login);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}
