import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalEcs } from "../emulator/local-ecs";
import { seedDemo } from "../emulator/seed/demo";
import { buildNeeded } from "../scripts/build-freshness";
import { buildDashboard, firstFreePort, ROOT, startDashboard } from "../scripts/dashboard";
import { assertLocalUrl } from "./local-only";

/**
 * Boots the stack the tests click through: local ECS in this process, in memory, seeded with
 * the demo account, and the dashboard's production build (rebuilt first when its sources are
 * newer) pointed at it, both on free loopback ports. The tests find the dashboard through
 * SLIPWAY_BASE_URL, which Playwright's workers inherit.
 */
const REGION = "us-east-1";
/** Thirty emulated seconds a second: the seed's rollouts take seconds, its canary's timeout stays a day (48 real minutes) away. */
const TIME_SCALE = 30;
const FIRST_PORT = 3100;

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = performance.now();
  // The dashboard's own data (the audit log) starts empty each run, apart from what `npm start` keeps.
  const dataDir = mkdtempSync(join(tmpdir(), "slipway-e2e-"));
  process.env.SLIPWAY_DATA_DIR = dataDir;
  const local = await startLocalEcs({ port: 0, host: "127.0.0.1", timeScale: TIME_SCALE, region: REGION });
  try {
    assertLocalUrl(local.endpoint, "local ECS at");
    const reason = buildNeeded(ROOT);
    if (reason) console.log(`Building the dashboard, as ${reason}…`);
    await Promise.all([seedDemo(local.endpoint, { region: REGION }), reason ? buildDashboard() : undefined]);
    const port = await firstFreePort(FIRST_PORT, "127.0.0.1");
    const dashboard = await startDashboard({
      mode: "start",
      target: { endpoint: local.endpoint, region: REGION },
      port,
      onOutput: (line) => console.error(`dashboard: ${line}`),
    });
    assertLocalUrl(dashboard.url, "a dashboard at");
    process.env.SLIPWAY_BASE_URL = dashboard.url;
    // Tests that change things set up their own clusters through the SDK (e2e/scratch.ts).
    process.env.SLIPWAY_LOCAL_ECS_URL = local.endpoint;
    console.log(`Stack ready in ${seconds(started)}: dashboard ${dashboard.url}, local ECS ${local.endpoint}.`);
    return async () => {
      await dashboard.stop();
      await local.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  } catch (error) {
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
