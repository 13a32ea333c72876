import type { Locator, Page } from "@playwright/test";

/** The approvals inbox and the Approvals link in the top bar, as a person finds them. */
export class ApprovalsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/approvals");
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Approvals" });
  }

  get list(): Locator {
    return this.page.getByRole("list", { name: "Deployments awaiting approval" });
  }

  /** A deployment waiting, by where it is: "api in demo". */
  item(cluster: string, service: string): Locator {
    return this.page.getByRole("article", { name: `${service} in ${cluster}`, exact: true });
  }

  decideLink(cluster: string, service: string): Locator {
    return this.item(cluster, service).getByRole("link", { name: "Open the rollout to decide" });
  }

  /** The top bar's link, its name saying how many wait: "Approvals, 2 waiting". */
  get badgeLink(): Locator {
    return this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Approvals/ });
  }
}

/** The approval panel and the stop controls on a rollout's page. */
export class RolloutDecisions {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole("region", { name: /^Awaiting approval/ });
  }

  get approveButton(): Locator {
    return this.panel.getByRole("button", { name: "Approve", exact: true });
  }

  get rollBackButton(): Locator {
    return this.panel.getByRole("button", { name: "Roll back", exact: true });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole("dialog", { name });
  }

  get controls(): Locator {
    return this.page.getByRole("region", { name: "Stop this deployment" });
  }
}
