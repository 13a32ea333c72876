import { expect, type Locator, type Page } from "@playwright/test";

/** The task definition editor as a person finds its parts: by role and by name. */
export class EditorPage {
  constructor(readonly page: Page) {}

  async open(from?: string): Promise<void> {
    await this.page.goto(from ? `/task-definitions/new?from=${encodeURIComponent(from)}` : "/task-definitions/new");
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** "Form" and "JSON" tabs show on a phone; on a wide screen both panels are side by side. */
  private async showPanel(name: "Form" | "JSON"): Promise<void> {
    const tab = this.page.getByRole("tab", { name });
    if (await tab.isVisible()) await tab.click();
  }

  async showForm(): Promise<void> {
    await this.showPanel("Form");
  }

  async showJson(): Promise<void> {
    await this.showPanel("JSON");
    await expect(this.json).toBeVisible();
  }

  /** A container's section: "Container 1: app". */
  container(n: number): Locator {
    return this.page.getByRole("region", { name: new RegExp(`^Container ${n}\\b`) });
  }

  field(label: string, within: Locator | Page = this.page): Locator {
    return within.getByLabel(label, { exact: true });
  }

  /** The CodeMirror editor's text box. */
  get json(): Locator {
    return this.page.getByRole("textbox", { name: "Task definition JSON" });
  }

  /** Replaces the JSON editor's whole text, as a paste would. */
  async replaceJson(text: string): Promise<void> {
    await this.showJson();
    await this.json.click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.insertText(text);
  }

  get changeNote(): Locator {
    return this.page.getByLabel("Change note");
  }

  get registerButton(): Locator {
    return this.page.getByRole("button", { name: "Register revision" });
  }

  get errorSummary(): Locator {
    return this.page.getByRole("alert").filter({ has: this.page.getByRole("heading", { name: /need(s)? attention before registering/ }) });
  }

  get restoredNotice(): Locator {
    return this.page.getByRole("status").filter({ hasText: "Restored your unsaved draft" });
  }

  /** The draft is written to the browser's storage a moment after typing stops; a reload before then would not find it. */
  async waitForDraftSaved(containing: string): Promise<void> {
    await this.page.waitForFunction(
      (text) =>
        Object.keys(localStorage)
          .filter((key) => key.startsWith("slipway:taskdef-draft:"))
          .some((key) => (JSON.parse(localStorage.getItem(key)!) as { text: string }).text.includes(text)),
      containing,
    );
  }
}
