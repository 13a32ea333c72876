process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import { DescribeServicesCommand, ECSClient, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { chromium } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalEcs, type RunningLocalEcs } from "../emulator/local-ecs";
import { seedDemo } from "../emulator/seed/demo";
import { buildNeeded } from "./build-freshness";
import { buildDashboard, firstFreePort, ROOT, startDashboard, type RunningDashboard } from "./dashboard";
import { cookieHeader, signInOverHttp } from "./sign-in-over-http";

/**
 * `npm run bench:rollout`: the demo's paused canary (service api) watched through the
 * dashboard's production build. Measures:
 *
 *   (a) AWS calls per second counted at local ECS while 1 and then 20 people poll the rollout
 *       page's live route as the page does (every second): they should be the same, since the
 *       server samples each deployment once whatever the number of viewers;
 *   (b) the delay from a change at local ECS (the service's desired count, set through the
 *       SDK) to the change on screen in a real browser showing the rollout page, p50 and p95
 *       (target p95 < 2 s).
 */
const REGION = "us-east-1";
const VIEW_SECONDS = 20;
const CHANGES = 20;
const POLL_MS = 1_000;
const ADMIN_PASSWORD = randomBytes(12).toString("base64url");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `viewers` people polling `url` every second for VIEW_SECONDS; AWS calls per second at local ECS meanwhile. */
async function callsPerSecond(url: string, session: string, viewers: number, calls: () => number): Promise<number> {
  const before = calls();
  const started = Date.now();
  if (viewers === 0) await sleep(VIEW_SECONDS * 1_000);
  await Promise.all(
    Array.from({ length: viewers }, async (_, viewer) => {
      await sleep((viewer * POLL_MS) / viewers);
      while (Date.now() - started < VIEW_SECONDS * 1_000) {
        const response = await fetch(url, { headers: { cookie: session } });
        if (!response.ok) throw new Error(`the rollout route answered ${response.status}`);
        await response.arrayBuffer();
        await sleep(POLL_MS);
      }
    }),
  );
  return (calls() - before) / ((Date.now() - started) / 1_000);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "slipway-bench-rollout-"));
  process.env.SLIPWAY_DATA_DIR = dataDir;
  let total = 0;
  let local: RunningLocalEcs | undefined;
  let dashboard: RunningDashboard | undefined;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    local = await startLocalEcs({ port: 0, host: "127.0.0.1", timeScale: 30, region: REGION, onRequest: () => total++ });
    const reason = buildNeeded(ROOT);
    if (reason) console.log(`Building the dashboard, as ${reason}…`);
    console.log("Seeding the demo (its api canary pauses for approval)…");
    await Promise.all([seedDemo(local.endpoint, { region: REGION }), reason ? buildDashboard() : undefined]);
    const ecs = new ECSClient({ endpoint: local.endpoint, region: REGION, credentials: { accessKeyId: "local-ecs", secretAccessKey: "local-ecs" } });
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: "demo", services: ["api"] }));
    const deploymentId = services![0]!.currentServiceDeployment!.split("/").pop()!;

    const port = await firstFreePort(3400, "127.0.0.1");
    dashboard = await startDashboard({ mode: "start", target: { endpoint: local.endpoint, region: REGION }, port, signIn: { sessionSecret: randomBytes(32).toString("base64url"), adminPassword: ADMIN_PASSWORD } });
    const cookies = await signInOverHttp(dashboard.url, "admin", ADMIN_PASSWORD);
    const session = cookieHeader(cookies);
    const path = `/clusters/demo/services/api/deployments/${deploymentId}`;
    const route = `${dashboard.url}/api${path}`;
    // The first look starts the sampler; let it settle before counting.
    await fetch(route, { headers: { cookie: session } });
    await sleep(3_000);

    console.log(`\n(a) AWS calls per second at local ECS while people watch the rollout (${VIEW_SECONDS} s each):`);
    const idle = await callsPerSecond(route, session, 0, () => total);
    const one = await callsPerSecond(route, session, 1, () => total);
    const twenty = await callsPerSecond(route, session, 20, () => total);
    console.log(`  nobody watching (the sampler alone): ${idle.toFixed(2)} calls/s`);
    console.log(`  1 viewer:   ${one.toFixed(2)} calls/s`);
    console.log(`  20 viewers: ${twenty.toFixed(2)} calls/s (${(twenty / one).toFixed(2)}× one viewer's)`);

    console.log(`\n(b) From a change at local ECS to the change on screen, ${CHANGES} changes:`);
    const context = await browser.newContext();
    await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: dashboard!.url })));
    const page = await context.newPage();
    await page.goto(dashboard.url + path);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const delays: number[] = [];
    let desired = services![0]!.desiredCount!;
    for (let change = 0; change < CHANGES; change++) {
      desired = desired === 2 ? 3 : 2;
      await ecs.send(new UpdateServiceCommand({ cluster: "demo", service: "api", desiredCount: desired }));
      const changedAt = Date.now();
      await page.getByText(`${desired} desired tasks`).waitFor({ timeout: 15_000 });
      delays.push(Date.now() - changedAt);
      // Changes land at random points of the sampling and polling cycles.
      await sleep(700 + Math.random() * 1_300);
    }
    console.log(`  p50 ${percentile(delays, 50)} ms, p95 ${percentile(delays, 95)} ms, max ${Math.max(...delays)} ms (target p95 < 2,000 ms)`);
  } finally {
    await browser.close();
    await dashboard?.stop();
    await local?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
