import type { Locator, Page, Response } from "@playwright/test";

/** A task's page as a person finds its parts: by role and by name. */
export class TaskPage {
  constructor(readonly page: Page) {}

  /** The page's own response: its status says whether it was found. */
  open(cluster: string, task: string): Promise<Response | null> {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/tasks/${encodeURIComponent(task)}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get breadcrumb(): Locator {
    return this.page.getByRole("navigation", { name: "Breadcrumb" });
  }

  /** One of the task's states by its label: "Status", "Desired" or "Health". ARIA gives a definition no name: it is the one after its term. */
  state(label: "Status" | "Desired" | "Health"): Locator {
    return this.page
      .getByRole("main")
      .getByRole("term")
      .filter({ hasText: new RegExp(`^${label}$`) })
      .first()
      .locator("xpath=following-sibling::*[1]");
  }

  region(name: string | RegExp): Locator {
    return this.page.getByRole("region", { name });
  }

  get summary(): Locator {
    return this.region("Summary");
  }

  get timelineSteps(): Locator {
    return this.region("Timeline").getByRole("listitem");
  }

  get taskDefinition(): Locator {
    return this.region(/^Task definition/);
  }

  /** A container's row in the table (wide screens) or its card (phones): whichever is shown. */
  container(name: string): Locator {
    const containers = this.region("Containers");
    const row = containers.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
    const card = containers.getByRole("listitem").filter({ has: this.page.getByRole("heading", { name, exact: true }) });
    return row.or(card);
  }

  get stopButton(): Locator {
    return this.page.getByRole("button", { name: "Stop task", exact: true });
  }

  get stopDialog(): Locator {
    return this.page.getByRole("dialog", { name: /^Stop task/ });
  }

  /** The answer to Stop task, announced beside the button. */
  get stopResult(): Locator {
    return this.page.getByRole("status").filter({ hasText: /stopp/ });
  }

  /** The notice that says why ECS stopped the task, titled "Stopped: UserInitiated" and the like. */
  stopNotice(title: string | RegExp): Locator {
    return this.page.getByText(title, { exact: true });
  }
}
