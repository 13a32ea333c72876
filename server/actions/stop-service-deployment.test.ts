import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeServiceDeployment, waitFor } from "@/emulator/test/fixtures";
import { registerWebImage } from "@/emulator/test/load-balanced-fixtures";
import { measureEachTestAgainst, startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { queryAudit, sharedAuditLog } from "@/server/audit/audit-log";
import { buildShopCluster, type ShopCluster } from "@/server/ecs/test-account";
import { signInForTests } from "@/server/testing/sign-in";
import { continueServiceDeployment } from "./continue-service-deployment";
import { stopServiceDeployment } from "./stop-service-deployment";

const DANA = { id: "dana", name: "Dana Deployer", roles: ["deployer" as const] };

/** Stopping shop's paused canary (server/ecs/test-account.ts) where it is, then rolling back the next one. */
describe("stopServiceDeployment", () => {
  let local: CountedLocalEcs;
  let shop: ShopCluster;
  const dataDir = mkdtempSync(join(tmpdir(), "slipway-stops-"));
  beforeAll(async () => {
    process.env.SLIPWAY_DATA_DIR = dataDir;
    local = await startCountedLocalEcs();
    shop = await buildShopCluster(local.ecs, local.elb);
  });
  afterAll(async () => {
    await local.stop();
    sharedAuditLog().close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  measureEachTestAgainst(() => local);

  const status = async (arn: string) => (await describeServiceDeployment(local.ecs, arn)).status;

  it("refuses a viewer and an approver with 403: stopping is operating", async () => {
    for (const person of [{ id: "vera", name: "Vera", roles: ["viewer" as const] }, { id: "april", name: "April", roles: ["approver" as const] }]) {
      await signInForTests(person);
      await expect(stopServiceDeployment({ serviceDeploymentArn: shop.pausedDeployment, stopType: "ROLLBACK" })).rejects.toMatchObject({
        digest: "NEXT_HTTP_ERROR_FALLBACK;403",
      });
    }
    expect(local.calls("StopServiceDeployment") + local.calls("DescribeServiceDeployments")).toBe(0);
    expect(await status(shop.pausedDeployment)).toBe("IN_PROGRESS");
  });

  it("refuses a stop that is neither ABORT nor ROLLBACK at its field", async () => {
    const result = await stopServiceDeployment({ serviceDeploymentArn: shop.pausedDeployment, stopType: "PAUSE" as "ABORT" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { stopType: "A stop is ABORT or ROLLBACK." } });
    expect(local.calls("StopServiceDeployment")).toBe(0);
  });

  it("stops a deployment where it is, and says so", async () => {
    await signInForTests(DANA);
    const result = await stopServiceDeployment({ serviceDeploymentArn: shop.pausedDeployment, stopType: "ABORT" });
    expect(result).toEqual({ ok: true, message: "Stopping: the deployment stays where it is, and nothing more shifts.", value: { alreadyFinished: false, stopType: "ABORT" } });
    await waitFor("the deployment STOPPED", async () => ((await status(shop.pausedDeployment)) === "STOPPED" ? true : undefined));
    expect(queryAudit({ resource: shop.pausedDeployment, limit: 1 }).entries[0]).toMatchObject({
      actor: { id: "dana" },
      action: "deployment.stop",
      outcome: "succeeded",
      input: expect.stringContaining('"stopType":"ABORT"'),
      awsRequestId: expect.any(String),
    });
  });

  it("tells plainly that a finished deployment is not stopped again, without asking ECS to", async () => {
    const result = await stopServiceDeployment({ serviceDeploymentArn: shop.pausedDeployment, stopType: "ROLLBACK" });
    expect(result).toEqual({ ok: true, message: "The deployment had already been stopped. Nothing was changed.", value: { alreadyFinished: true, status: "STOPPED" } });
    expect(local.calls("StopServiceDeployment")).toBe(0);
  });

  it("tells an approver of the stopped deployment's pause who stopped it", async () => {
    const result = await continueServiceDeployment({ serviceDeploymentArn: shop.pausedDeployment, hookId: shop.pausedHookId, action: "CONTINUE" });
    expect(result).toMatchObject({ ok: true, value: { alreadyDecided: true, how: "deployment-stopped", decidedBy: { name: "Dana Deployer" } } });
    expect(result.ok && result.message).toMatch(/^The deployment was already stopped by Dana Deployer at \d\d:\d\d UTC\. Nothing was changed\.$/);
    expect(local.calls("ContinueServiceDeployment")).toBe(0);
  });

  it("rolls a deployment back once when two operators ask at once; the other hears it is already rolling back", async () => {
    const v4 = await registerWebImage(local.ecs, "shop-web", "4.0.0");
    const { service } = await local.ecs.send(new UpdateServiceCommand({ cluster: "shop", service: "web", taskDefinition: v4 }));
    const arn = service!.currentServiceDeployment!;
    await waitFor("v4 in progress", async () => ((await status(arn)) === "IN_PROGRESS" ? true : undefined));
    local.resetCalls();

    const answers = await Promise.all([stopServiceDeployment({ serviceDeploymentArn: arn, stopType: "ROLLBACK" }), stopServiceDeployment({ serviceDeploymentArn: arn, stopType: "ROLLBACK" })]);
    expect(answers.filter((answer) => answer.ok && !answer.value.alreadyFinished)).toHaveLength(1);
    const late = answers.find((answer) => answer.ok && answer.value.alreadyFinished);
    expect(late?.ok && late.message).toMatch(/^(A rollback of this deployment was already requested|This deployment is already rolling back)\. Nothing was changed\.$/);
    expect(local.calls("StopServiceDeployment")).toBe(2);
    await waitFor("v4 rolled back", async () => ((await status(arn)) === "ROLLBACK_SUCCESSFUL" ? true : undefined), 30_000);
  });
});
