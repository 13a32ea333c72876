import { expect, type Locator, type Page, type Response } from "@playwright/test";

/** The create-service page as a person fills it in: fields by their labels, choices by what they say. */
export class CreateServicePage {
  constructor(readonly page: Page) {}

  /** The page's own response: its status says whether it was found. */
  open(cluster: string): Promise<Response | null> {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/create-service`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Create a service" });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The message under a field (its aria-describedby), e.g. "Pick the alternate target group…". */
  async expectError(label: string, message: string | RegExp): Promise<void> {
    await expect(this.field(label)).toHaveAttribute("aria-invalid", "true");
    await expect(this.field(label)).toHaveAccessibleDescription(message);
  }

  /** Picks the option of a select whose text starts with `text` (options read "demo-web-blue · HTTP:8080 · …"). */
  async pick(label: string, text: string): Promise<void> {
    const select = this.field(label);
    const option = select.locator("option").filter({ hasText: text }).first();
    await expect(option).toBeAttached();
    await select.selectOption((await option.getAttribute("value"))!);
  }

  strategy(name: "Rolling" | "Blue/green" | "Linear" | "Canary"): Locator {
    return this.page.getByRole("radiogroup", { name: "Deployment strategy" }).getByRole("radio", { name: new RegExp(`^${name.replace("/", "\\/")}`) });
  }

  get submit(): Locator {
    return this.page.getByRole("button", { name: "Create service" });
  }
}
