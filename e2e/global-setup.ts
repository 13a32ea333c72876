import { startLocalEcs } from "../emulator/local-ecs";
import { seedDemo } from "../emulator/seed/demo";
import { buildNeeded } from "../scripts/build-freshness";
import { buildDashboard, dashboardEnvironment, firstFreePort, ROOT, startDashboard, type DashboardTarget } from "../scripts/dashboard";
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
/** What the dashboard holds that no browser may ever see; e2e/security.spec.ts looks for each value. */
const SECRET_VARIABLES = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "NEXTAUTH_SECRET"];

/** The values of SECRET_VARIABLES that the dashboard is started with, as JSON by name. */
function secretsOf(target: DashboardTarget): string {
  const environment = dashboardEnvironment(process.env, target);
  return JSON.stringify(Object.fromEntries(SECRET_VARIABLES.filter((name) => environment[name]).map((name) => [name, environment[name]])));
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = performance.now();
  const local = await startLocalEcs({ port: 0, host: "127.0.0.1", timeScale: TIME_SCALE, region: REGION });
  try {
    assertLocalUrl(local.endpoint, "local ECS at");
    const reason = buildNeeded(ROOT);
    if (reason) console.log(`Building the dashboard, as ${reason}…`);
    await Promise.all([seedDemo(local.endpoint, { region: REGION }), reason ? buildDashboard() : undefined]);
    const port = await firstFreePort(FIRST_PORT, "127.0.0.1");
    const target = { endpoint: local.endpoint, region: REGION };
    const dashboard = await startDashboard({
      mode: "start",
      target,
      port,
      onOutput: (line) => console.error(`dashboard: ${line}`),
    });
    assertLocalUrl(dashboard.url, "a dashboard at");
    process.env.SLIPWAY_BASE_URL = dashboard.url;
    // Tests that change things set up their own clusters through the SDK (e2e/scratch.ts).
    process.env.SLIPWAY_LOCAL_ECS_URL = local.endpoint;
    process.env.SLIPWAY_DASHBOARD_SECRETS = secretsOf(target);
    console.log(`Stack ready in ${seconds(started)}: dashboard ${dashboard.url}, local ECS ${local.endpoint}.`);
    return async () => {
      await dashboard.stop();
      await local.stop();
    };
  } catch (error) {
    await local.stop();
    throw error;
  }
}
