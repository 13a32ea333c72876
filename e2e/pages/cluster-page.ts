import type { Locator, Page, Response } from "@playwright/test";

/** One cluster's page as a person finds its parts: by role and by name. */
export class ClusterPage {
  constructor(readonly page: Page) {}

  /** The page's own response: its status says whether it was found. */
  open(cluster: string): Promise<Response | null> {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get breadcrumb(): Locator {
    return this.page.getByRole("navigation", { name: "Breadcrumb" });
  }

  get updated(): Locator {
    return this.page.getByText(/^Updated /);
  }

  get services(): Locator {
    return this.page.getByRole("table", { name: /^Services of cluster / });
  }

  get tasks(): Locator {
    return this.page.getByRole("table", { name: /^Tasks of cluster / });
  }

  /** The rows under a table's header (an empty table's one row says so). */
  rows(table: Locator): Locator {
    return table.getByRole("row").filter({ has: this.page.getByRole("cell") });
  }

  /** The row of the service or task whose link reads `name` (a task's short id). */
  row(table: Locator, name: string): Locator {
    return this.rows(table).filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  /** Each row's text in the column headed `header`, top to bottom. */
  async column(table: Locator, header: string): Promise<string[]> {
    const headers = await table.getByRole("columnheader").allTextContents();
    const index = headers.findIndex((text) => text.replace(/[▲▼↕]/g, "").trim() === header);
    if (index < 0) throw new Error(`No column "${header}" in ${headers.join(", ")}`);
    const rows = await this.rows(table).all();
    return Promise.all(rows.map(async (row) => ((await row.getByRole("cell").nth(index).textContent()) ?? "").trim()));
  }

  header(table: Locator, name: string): Locator {
    return table.getByRole("columnheader", { name, exact: true });
  }

  async sortBy(table: Locator, header: string): Promise<void> {
    await table.getByRole("button", { name: header, exact: true }).click();
  }

  search(noun: "services" | "tasks"): Locator {
    return this.page.getByRole("searchbox", { name: `Search ${noun}` });
  }

  /** "3 services", "1 of 3 services". */
  count(noun: "services" | "tasks"): Locator {
    return this.page.getByRole("status").filter({ hasText: new RegExp(`^\\d[\\d,]* (of [\\d,]+ )?${noun.replace(/s$/, "")}s?$`) });
  }

  get statusFilter(): Locator {
    return this.page.getByRole("combobox", { name: "Status", exact: true });
  }

  get serviceFilter(): Locator {
    return this.page.getByRole("combobox", { name: "Service", exact: true });
  }

  get runTaskButton(): Locator {
    return this.page.getByRole("button", { name: "Run task", exact: true });
  }

  get runTaskDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Run task" });
  }

  /** The notice that says what Run task started. */
  get runTaskResult(): Locator {
    return this.page.getByRole("status").filter({ hasText: /^Started / });
  }

  /** Fills in Run task's form and submits it; the network stays as prefilled from the cluster's service. */
  async runTask({ family, count }: { family: string; count: string }): Promise<void> {
    await this.runTaskButton.click();
    const dialog = this.runTaskDialog;
    await dialog.getByRole("combobox", { name: "Task definition" }).selectOption({ label: family });
    await dialog.getByRole("spinbutton", { name: "Count" }).fill(count);
    await dialog.getByRole("button", { name: /^Run \d* ?tasks?$/ }).click();
  }
}
