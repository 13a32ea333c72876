import { test as base, type Page, type Response } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * Playwright's `test`, with pages that a test acts on only once a person could: after every
 * full load (goto, reload) the page waits until React has hydrated it, which the dashboard marks
 * as `<html data-hydrated>`. `goto` resolves at the load event, and on a busy machine hydration
 * can finish later: a change made in between lands on the server's HTML and is lost.
 */
export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, use) => {
    await use(javaScriptEnabled === false ? page : interactiveAfterLoads(page));
  },
});

/** Makes `page.goto` and `page.reload` wait for hydration when they load one of the dashboard's pages. */
export function interactiveAfterLoads(page: Page): Page {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (...args) => hydrated(page, await goto(...args));
  page.reload = async (...args) => hydrated(page, await reload(...args));
  return page;
}

async function hydrated(page: Page, response: Response | null): Promise<Response | null> {
  if (response?.headers()["content-type"]?.startsWith("text/html")) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  return response;
}
