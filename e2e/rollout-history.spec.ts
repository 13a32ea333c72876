import { ContinueServiceDeploymentCommand } from "@aws-sdk/client-ecs";
import { expect, test } from "@playwright/test";
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
    // Sampling resumed at start-up: give it a moment before anyone looks.
    await page.waitForTimeout(3_000);

    await page.goto(dashboard.url + canary.path);
    await expect(since).toHaveAttribute("datetime", firstSample!);
    const traffic = page.getByRole("table", { name: /of each revision/ });
    await expect(traffic.getByRole("row", { name: /new/ })).toContainText("10 %");
  } finally {
    await dashboard.stop();
  }
});
