import { defineConfig } from "@playwright/test";

/**
 * Browser tests run Debian's Chromium (Playwright's own browser download is not available on
 * our machines) against the stack on this machine only: a base URL elsewhere is refused, so
 * a test run can never click through a real deployment.
 */
const baseURL = process.env.SLIPWAY_BASE_URL ?? "http://localhost:3000";

function isLocal(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { hostname } = new URL(url);
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

if (!isLocal(baseURL)) {
  console.error(`Refusing to run browser tests against ${baseURL}: SLIPWAY_BASE_URL must be on localhost or 127.0.0.1.`);
  process.exit(2);
}

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      // Without the background-networking flags Chromium keeps calling out, and this network refuses it.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
