import type { Locator, Page } from "@playwright/test";

/** The columns of the audit table, in order: a cell is found by its column's name. */
const COLUMNS = ["Time", "Who", "Action", "Target", "Outcome", "AWS request ID"] as const;
export type AuditColumn = (typeof COLUMNS)[number];

/** The audit log page as a person finds its parts: by role and by name. */
export class AuditPage {
  constructor(readonly page: Page) {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`/audit${query}`);
  }

  /** Through the top bar, as a person gets there from any page. */
  async openFromNav(): Promise<void> {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await this.page.waitForURL("**/audit");
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Audit log entries, newest first" });
  }

  /** The table's entries: its rows with cells, not the header row. */
  get entries(): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("cell") });
  }

  entry(text: string | RegExp): Locator {
    return this.entries.filter({ hasText: text });
  }

  cell(entry: Locator, column: AuditColumn): Locator {
    return entry.getByRole("cell").nth(COLUMNS.indexOf(column));
  }

  get filterForm(): Locator {
    return this.page.getByRole("form", { name: "Filter the audit log" });
  }

  get userSelect(): Locator {
    return this.filterForm.getByRole("combobox", { name: "User" });
  }

  get actionSelect(): Locator {
    return this.filterForm.getByRole("combobox", { name: "Action" });
  }

  get resourceField(): Locator {
    return this.filterForm.getByRole("textbox", { name: "Resource" });
  }

  get fromField(): Locator {
    return this.filterForm.getByLabel("From (UTC)");
  }

  get applyButton(): Locator {
    return this.filterForm.getByRole("button", { name: "Apply" });
  }

  get exportCsv(): Locator {
    return this.page.getByRole("link", { name: "Export CSV" });
  }

  get exportJson(): Locator {
    return this.page.getByRole("link", { name: "Export JSON" });
  }

  get loadOlder(): Locator {
    return this.page.getByRole("button", { name: "Load older entries" });
  }

  get updated(): Locator {
    return this.page.getByText(/^Updated /);
  }
}
