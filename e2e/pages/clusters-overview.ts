import type { Locator, Page } from "@playwright/test";

/** The clusters overview as a person finds its parts: by role and by name. */
export class ClustersOverviewPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/");
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Clusters" });
  }

  cluster(name: string): Locator {
    return this.page.getByRole("article", { name, exact: true });
  }

  /** A figure on a cluster's card, e.g. stat("demo", "Running tasks"). ARIA gives a definition no name: it is the one after its term. */
  stat(cluster: string, label: string): Locator {
    return this.cluster(cluster).getByRole("term").filter({ hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::*[1]");
  }

  /** A service's entry under the cluster's deployments in progress. */
  rollout(cluster: string, service: string): Locator {
    return this.cluster(cluster).getByRole("listitem", { name: service, exact: true });
  }

  get approvals(): Locator {
    return this.page.getByRole("region", { name: "Awaiting approval" });
  }

  get updated(): Locator {
    return this.page.getByText(/^Updated /);
  }

  /** The notice that appears when a refresh fails. */
  get refreshFailure(): Locator {
    return this.page.getByRole("status").filter({ hasText: "refreshing failed" });
  }
}
