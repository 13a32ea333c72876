import { join } from "node:path";
import { ContinueServiceDeploymentCommand } from "@aws-sdk/client-ecs";
import Database from "better-sqlite3";
import type { RolloutSample } from "../lib/rollout/sample";
import { expect, test } from "./fixtures";
import { firstFreePort, startDashboard, type RunningDashboard } from "../scripts/dashboard";
import { awaitingHook, createPausedCanary } from "./scratch-canary";
import { localEcs, scratchName } from "./scratch";

/**
 * A second dashboard process on the browser tests' data directory and sign-in secret (the
 * test people's cookies hold for it too), restarted mid-rollout: what it sampled before is
 * still there after, and it goes on sampling without waiting for a viewer.
 */
function startSecondDashboard(port: number): Promise<RunningDashboard> {
  const secrets = JSON.parse(process.env.SLIPWAY_DASHBOARD_SECRETS ?? "{}") as Record<string, string>;
  return startDashboard({
    mode: "start",
    target: { endpoint: process.env.SLIPWAY_LOCAL_ECS_URL!, region: "us-east-1" },
    port,
    signIn: { sessionSecret: secrets.NEXTAUTH_SECRET!, adminPassword: secrets.SLIPWAY_ADMIN_PASSWORD },
  });
}

/** The requested weight of the new revision in the newest sample the dashboards have stored of a deployment. */
function newCanaryWeight(serviceDeploymentArn: string): number | undefined {
  const store = new Database(join(process.env.SLIPWAY_DATA_DIR!, "rollouts.sqlite"), { readonly: true, fileMustExist: true });
  try {
    const row = store.prepare("SELECT sample FROM samples WHERE deployment_arn = ? ORDER BY at DESC LIMIT 1").get(serviceDeploymentArn) as { sample: string } | undefined;
    const sample = row ? (JSON.parse(row.sample) as RolloutSample) : undefined;
    return sample?.revisions.find((revision) => revision.role === "target")?.requestedWeight;
  } finally {
    store.close();
  }
}

test("a dashboard restarted mid-rollout keeps the rollout's history, and shows the step taken while it was down", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const canary = await createPausedCanary(scratchName("rollout-restart", testInfo));
  const port = await firstFreePort(testInfo.project.name === "phone" ? 3650 : 3600, "127.0.0.1");
  let dashboard = await startSecondDashboard(port);
  try {
    await page.goto(dashboard.url + canary.path);
    const family = `${canary.cluster}-web`;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Deployment ${family}:1 → ${family}:2`);
    const since = page.getByText(/samples? since/).locator("time");
    const firstSample = await since.getAttribute("datetime");
    expect(firstSample).toBeTruthy();

    await dashboard.stop();
    // While no dashboard runs, the canary takes its first step.
    await localEcs().send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: canary.serviceDeploymentArn, hookId: await awaitingHook(canary.serviceDeploymentArn) }));
    dashboard = await startSecondDashboard(port);
    // Sampling resumed at start-up, before anyone looks: the store has the step.
    await expect.poll(() => newCanaryWeight(canary.serviceDeploymentArn)).toBe(10);

    await page.goto(dashboard.url + canary.path);
    await expect(since).toHaveAttribute("datetime", firstSample!);
    const traffic = page.getByRole("table", { name: /of each revision/ });
    await expect(traffic.getByRole("row", { name: /new/ })).toContainText("10 %");
  } finally {
    await dashboard.stop();
  }
});
