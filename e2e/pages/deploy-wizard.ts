import { expect, type Locator, type Page, type Response } from "@playwright/test";

type StrategyName = "Rolling" | "Blue/green" | "Linear" | "Canary";

/** The deploy wizard as a person goes through it: a step heading, fields by label, Back and Next. */
export class DeployWizard {
  constructor(readonly page: Page) {}

  /** The page's own response: its status says whether it was found. */
  open(cluster: string, service: string): Promise<Response | null> {
    return this.page.goto(`/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(service)}/deploy`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** The current step's heading, "3. Strategy". */
  get stepHeading(): Locator {
    return this.page.getByRole("heading", { level: 2, name: /^\d\. / });
  }

  get steps(): Locator {
    return this.page.getByRole("navigation", { name: "Deploy steps" }).getByRole("listitem");
  }

  get currentStep(): Locator {
    return this.page.getByRole("navigation", { name: "Deploy steps" }).locator('[aria-current="step"]');
  }

  get next(): Locator {
    return this.page.getByRole("button", { name: /^Next: / });
  }

  get back(): Locator {
    return this.page.getByRole("button", { name: "Back", exact: true });
  }

  async nextTo(step: string): Promise<void> {
    await this.next.click();
    await expect(this.stepHeading).toHaveText(new RegExp(`^\\d\\. ${step}$`));
  }

  strategy(name: StrategyName): Locator {
    return this.page.getByRole("radio", { name: new RegExp(`^${name.replace("/", "\\/")}`) });
  }

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: typeof label === "string" });
  }

  /** Picks "the current revision with new image tags" and types the image of `container`. */
  async newImage(container: string, image: string, changeNote = ""): Promise<void> {
    await this.page.getByRole("radio", { name: /The current revision with new image tags/ }).check();
    await this.field(`Image of ${container}`).fill(image);
    if (changeNote) await this.field("Change note").fill(changeNote);
  }

  /** On the strategy step: a canary of `percent` % that bakes a minute, then waits for a person's approval before its traffic. */
  /** `canaryBakeMinutes`: how long the canary bakes before its promotion gate (1 emulated minute is 2 s at the tests' pace). */
  async canaryWithApproval(percent: number, { canaryBakeMinutes = 1 }: { canaryBakeMinutes?: number } = {}): Promise<void> {
    await this.strategy("Canary").check();
    await this.field("Canary traffic (%)").fill(String(percent));
    await this.field("Canary bake time (minutes)").fill(String(canaryBakeMinutes));
    await this.field("Bake time (minutes)").fill("1");
    await this.page.getByRole("checkbox", { name: "Wait for approval before moving on" }).check();
  }

  get deployButton(): Locator {
    return this.page.getByRole("button", { name: /^Deploy / });
  }

  /** Part of the review step by its heading: "Task definition", "Deployment configuration", "Planned production traffic". */
  review(part: string): Locator {
    return this.page.getByRole("region", { name: part, exact: true });
  }
}
