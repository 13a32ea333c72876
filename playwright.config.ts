import { defineConfig } from "@playwright/test";
import { isLocalUrl } from "./e2e/local-only";

/**
 * Browser tests run Debian's Chromium (Playwright's own browser download is not available on
 * our machines) against the stack that e2e/global-setup.ts boots on this machine. The base URL
 * comes from that setup (workers start after it); one elsewhere is refused, so a test run can
 * never click through a real deployment.
 */
// The global setup runs local ECS in this process; the SDK's notice about Node 20 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const baseURL = process.env.SLIPWAY_BASE_URL ?? "http://localhost:3000";

if (!isLocalUrl(baseURL)) {
  console.error(`Refusing to run browser tests against ${baseURL}: SLIPWAY_BASE_URL must be on localhost or 127.0.0.1.`);
  process.exit(2);
}

const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    // Without the background-networking flags Chromium keeps calling out, and this network refuses it.
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  // The tests mostly wait on polls; two browsers share the one stack comfortably.
  workers: 2,
  // On a busy two-core machine a change through a server action can take several seconds to
  // answer: tests wait for what a person would see, for as long as a person would.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Signed in as the demo admin unless a test says otherwise (e2e/people.ts).
  use: { baseURL, headless: true, trace: "retain-on-failure", storageState: "e2e/.auth/admin.json" },
  projects: [
    { name: "desktop", use: { ...chromium, viewport: { width: 1280, height: 800 } } },
    // A 390 px phone (an iPhone 13's screen), touch and all, in the same Chromium.
    { name: "phone", use: { ...chromium, viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } },
  ],
});
