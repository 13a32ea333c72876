import type { Locator, Page, Response } from "@playwright/test";

/** A service's page as a person finds its parts: by role and by name. */
export class ServicePage {
  constructor(readonly page: Page) {}

  /** The page's own response: its status says whether it was found. */
  open(cluster: string, service: string): Promise<Response | null> {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(service)}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get breadcrumb(): Locator {
    return this.page.getByRole("navigation", { name: "Breadcrumb" });
  }

  /** A part of the page by its h2: "Summary", "Deployments", "Load balancers", "Tasks", "Events"… */
  section(name: string): Locator {
    return this.page.getByRole("region", { name, exact: true });
  }

  /** A figure in the summary, e.g. stat("Running"). ARIA gives a definition no name: it is the one after its term. */
  stat(label: string): Locator {
    return this.section("Summary").getByRole("term").filter({ hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::*[1]");
  }

  /** A setting's value in the deployment configuration, e.g. setting("Strategy"); all of them for a repeated term. */
  setting(term: string): Locator {
    return this.section("Deployment configuration").getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");
  }

  /** Deployment cards, named by what they move from and to ("web:3 to web:4"), under the group's heading. */
  deployments(group: "In progress" | "Last deployment"): Locator {
    return this.section("Deployments").getByRole("group", { name: group, exact: true }).getByRole("article");
  }

  /** The service deployment ID shown on a deployment card. */
  deploymentId(card: Locator): Locator {
    return card.getByRole("term").filter({ hasText: /^Deployment ID$/ }).locator("xpath=following-sibling::*[1]");
  }

  get earlierDeployments(): Locator {
    return this.section("Deployments").getByRole("table", { name: "Earlier deployments, newest first" });
  }

  /** A target group under "Load balancers", by its name. */
  targetGroup(name: string): Locator {
    return this.section("Load balancers").getByRole("region", { name, exact: true });
  }

  /** The tasks of one task definition revision ("web:4") under "Tasks". */
  taskGroup(revision: string): Locator {
    return this.section("Tasks").getByRole("region", { name: revision, exact: true });
  }

  get events(): Locator {
    return this.section("Events").getByRole("listitem");
  }

  get scaleButton(): Locator {
    return this.page.getByRole("button", { name: "Scale", exact: true });
  }

  get forceNewDeploymentButton(): Locator {
    return this.page.getByRole("button", { name: "Force new deployment" });
  }

  get deleteButton(): Locator {
    return this.page.getByRole("button", { name: "Delete service" });
  }

  get deployLink(): Locator {
    return this.page.getByRole("link", { name: "Deploy", exact: true });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole("dialog", { name });
  }

  /** An operation's answer, announced on the page. */
  outcome(text: string | RegExp): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }

  get updated(): Locator {
    return this.page.getByText(/^Updated /);
  }
}
