import type { Locator, Page } from "@playwright/test";

/** The page comparing two task definition revisions, as a person finds its parts. */
export class ComparePage {
  constructor(readonly page: Page) {}

  async open(left: string, right: string): Promise<void> {
    await this.page.goto(`/task-definitions/compare?left=${encodeURIComponent(left)}&right=${encodeURIComponent(right)}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get form(): Locator {
    return this.page.getByRole("form", { name: "Revisions to compare" });
  }

  get older(): Locator {
    return this.form.getByRole("textbox", { name: "Older revision" });
  }

  get newer(): Locator {
    return this.form.getByRole("textbox", { name: "Newer revision" });
  }

  get swap(): Locator {
    return this.form.getByRole("link", { name: "Swap" });
  }

  async compare(left: string, right: string): Promise<void> {
    await this.older.fill(left);
    await this.newer.fill(right);
    await this.form.getByRole("button", { name: "Compare" }).click();
  }

  /** "Older" or "Newer": that revision's header, found by its heading. */
  side(role: "Older" | "Newer"): Locator {
    return this.page.getByRole("region", { name: new RegExp(`^${role}\\b`) });
  }

  /** The heading of the list of changes: "3 changes", "No differences", or "No differences you may see" when values are hidden. */
  get changesHeading(): Locator {
    return this.page.getByRole("heading", { level: 2, name: /^(\d+ changes?|No differences( you may see)?)$/ });
  }

  /** One item per change, in the order the list gives them. */
  get changes(): Locator {
    return this.page.getByRole("list", { name: /^\d+ changes?$/ }).getByRole("listitem");
  }

  /** One item per value masked on both sides, which the comparison does not compare. */
  get hiddenValues(): Locator {
    return this.page.getByRole("list", { name: /hidden values?, not compared/ }).getByRole("listitem");
  }

  change(label: string): Locator {
    return this.changes.filter({ hasText: label });
  }

  /** The side-by-side table on wide screens, the one-column one on phones: whichever is shown. */
  get lines(): Locator {
    return this.page.getByRole("region", { name: "Registration JSON" }).getByRole("table");
  }
}
