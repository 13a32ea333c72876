import type { Locator, Page, Response } from "@playwright/test";

/** The task definitions pages as a person finds their parts: by role and by name. */
export class TaskDefinitionPages {
  constructor(readonly page: Page) {}

  /** The page's own response: its status says whether it was found. */
  openFamilies(): Promise<Response | null> {
    return this.page.goto("/task-definitions");
  }

  /** The page's own response: its status says whether it was found. */
  openFamily(family: string, query = ""): Promise<Response | null> {
    return this.page.goto(`/task-definitions/${encodeURIComponent(family)}${query}`);
  }

  /** The page's own response: its status says whether it was found. */
  openRevision(family: string, revision: number | string): Promise<Response | null> {
    return this.page.goto(`/task-definitions/${encodeURIComponent(family)}/${revision}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get breadcrumb(): Locator {
    return this.page.getByRole("navigation", { name: "Breadcrumb" });
  }

  /** "Active" or "Inactive": a group of families on the list. */
  familyGroup(name: "Active" | "Inactive"): Locator {
    return this.page.getByRole("region", { name: new RegExp(`^${name} \\(`) });
  }

  familyLink(family: string): Locator {
    return this.page.getByRole("main").getByRole("link", { name: family, exact: true });
  }

  get search(): Locator {
    return this.page.getByRole("searchbox", { name: "Search by name" });
  }

  get revisionTable(): Locator {
    return this.page.getByRole("table", { name: /^Revisions of / });
  }

  /** The revision links of the table, in the order shown. */
  get revisionLinks(): Locator {
    return this.revisionTable.getByRole("row").getByRole("link", { name: /^[\w-]+:\d+$/ });
  }

  revisionRow(label: string): Locator {
    return this.revisionTable.getByRole("row").filter({ has: this.page.getByRole("link", { name: label, exact: true }) });
  }

  pickForCompare(label: string): Locator {
    return this.page.getByRole("checkbox", { name: `Compare ${label}` });
  }

  region(name: string | RegExp): Locator {
    return this.page.getByRole("region", { name });
  }

  /** A term's value in the revision's registration details. */
  detail(term: string): Locator {
    return this.region("Registration").getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::*[1]");
  }

  action(name: string): Locator {
    return this.page.getByRole("main").getByRole("button", { name, exact: true });
  }

  link(name: string | RegExp): Locator {
    return this.page.getByRole("main").getByRole("link", { name, exact: typeof name === "string" });
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  /** What an action answered, announced beside the actions. */
  get actionResult(): Locator {
    return this.region("Actions").getByRole("status");
  }

  /** How far the page is wider than the screen: 0 when nothing overflows it. */
  async overflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }
}
