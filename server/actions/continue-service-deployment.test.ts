import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeServiceDeployment, waitFor } from "@/emulator/test/fixtures";
import { measureEachTestAgainst, startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import type { AuditEntry } from "@/lib/audit/types";
import { AUDIT_FILE, AuditLog, queryAudit, sharedAuditLog } from "@/server/audit/audit-log";
import { buildShopCluster, type ShopCluster } from "@/server/ecs/test-account";
import { signInForTests } from "@/server/testing/sign-in";
import { continueServiceDeployment } from "./continue-service-deployment";

const APRIL = { id: "april", name: "April Approver", roles: ["approver" as const] };
const ADAM = { id: "adam", name: "Adam Admin", roles: ["admin" as const] };

/**
 * Approving or rolling back shop's paused canary (server/ecs/test-account.ts), in order: its
 * first pause is approved, its second (the promotion gate) is rolled back.
 */
describe("continueServiceDeployment", () => {
  let local: CountedLocalEcs;
  let shop: ShopCluster;
  let promotionHookId: string;
  const dataDir = mkdtempSync(join(tmpdir(), "slipway-decisions-"));
  /** The decisions on disk at the moment ECS answered each ContinueServiceDeployment, read as another process would. */
  const onDiskWhenEcsAnswered: AuditEntry[][] = [];
  beforeAll(async () => {
    // A log of this file's own, to find who decided.
    process.env.SLIPWAY_DATA_DIR = dataDir;
    local = await startCountedLocalEcs({
      onRequest: ({ operation }) => {
        if (operation !== "ContinueServiceDeployment") return;
        const reader = new AuditLog(join(dataDir, AUDIT_FILE));
        onDiskWhenEcsAnswered.push(reader.query({ action: "deployment.approve" }).entries);
        reader.close();
      },
    });
    shop = await buildShopCluster(local.ecs, local.elb);
  });
  afterAll(async () => {
    await local.stop();
    sharedAuditLog().close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  measureEachTestAgainst(() => local);

  const hook = async (hookId: string) => (await describeServiceDeployment(local.ecs, shop.pausedDeployment)).lifecycleHookDetails?.find((detail) => detail.hookId === hookId);
  const decide = (hookId: string, action: "CONTINUE" | "ROLLBACK") => continueServiceDeployment({ serviceDeploymentArn: shop.pausedDeployment, hookId, action });

  it("refuses a viewer and a deployer with 403, and ECS is untouched", async () => {
    for (const person of [{ id: "vera", name: "Vera", roles: ["viewer" as const] }, { id: "dana", name: "Dana", roles: ["deployer" as const] }]) {
      await signInForTests(person);
      await expect(decide(shop.pausedHookId, "CONTINUE")).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
      await expect(decide(shop.pausedHookId, "ROLLBACK")).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    }
    expect(local.calls("ContinueServiceDeployment")).toBe(0);
    expect(local.calls("DescribeServiceDeployments")).toBe(0);
    expect((await hook(shop.pausedHookId))?.status).toBe("AWAITING_ACTION");
    expect(queryAudit({ resource: shop.pausedDeployment }).entries.map((entry) => `${entry.actor.id} ${entry.action} ${entry.outcome}`)).toEqual([
      "dana deployment.reject denied",
      "dana deployment.approve denied",
      "vera deployment.reject denied",
      "vera deployment.approve denied",
    ]);
  });

  it("refuses input that is not a decision at its field, and calls nothing", async () => {
    const result = await continueServiceDeployment({ serviceDeploymentArn: "web", hookId: shop.pausedHookId, action: "MAYBE" as "CONTINUE" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input" }, fieldErrors: { serviceDeploymentArn: "That is not a service deployment's ARN.", action: "The decision is CONTINUE or ROLLBACK." } });
    expect(local.calls("DescribeServiceDeployments") + local.calls("ContinueServiceDeployment")).toBe(0);
  });

  it("reports a hook the deployment never had as ECS's refusal, not as decided, while the deployment waits", async () => {
    const result = await decide("ecs-pause-nothing-like-it", "CONTINUE");
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-input", awsCode: "InvalidParameterException" } });
  });

  it("lets exactly one of two approvers at once continue; the other is told it was already approved", async () => {
    await signInForTests(APRIL);
    onDiskWhenEcsAnswered.length = 0;
    const answers = await Promise.all([decide(shop.pausedHookId, "CONTINUE"), decide(shop.pausedHookId, "CONTINUE")]);

    expect(answers.filter((answer) => answer.ok && !answer.value.alreadyDecided)).toEqual([
      { ok: true, message: "Approved: ECS continues the deployment.", value: { alreadyDecided: false, decision: "CONTINUE" } },
    ]);
    const late = answers.find((answer) => answer.ok && answer.value.alreadyDecided);
    expect(late).toMatchObject({ ok: true, value: { alreadyDecided: true, how: "approved" } });
    expect(late?.ok && late.message).toMatch(/^It was already approved( by April Approver at \d\d:\d\d UTC)?\. Nothing was changed\.$/);
    // Both reached ECS (each saw the pause waiting); ECS took one.
    expect(local.calls("ContinueServiceDeployment")).toBe(2);
    // Each was on disk, pending, before ECS acted on it: had Slipway been killed then, the log would still hold it.
    expect(onDiskWhenEcsAnswered.map((entries) => entries.filter((entry) => entry.outcome === "pending" && entry.actor.id === "april").length)).toEqual([2, 1]);
    expect((await hook(shop.pausedHookId))?.status).toBe("SUCCEEDED");
    const entries = queryAudit({ resource: shop.pausedDeployment, action: "deployment.approve", limit: 2 }).entries;
    expect(entries.map((entry) => [entry.actor.id, entry.outcome, Boolean(entry.awsRequestId)])).toEqual(
      expect.arrayContaining([
        ["april", "succeeded", true],
        // The other changed nothing, and says so.
        ["april", "no-change", false],
      ]),
    );
  });

  it("tells a second approver who came later who approved, and when, without calling ECS to continue", async () => {
    await signInForTests(ADAM);
    const result = await decide(shop.pausedHookId, "ROLLBACK");

    expect(result).toMatchObject({ ok: true, value: { alreadyDecided: true, how: "approved", decidedBy: { name: "April Approver" } } });
    expect(result.ok && result.message).toMatch(/^It was already approved by April Approver at \d\d:\d\d UTC\. Nothing was changed\.$/);
    expect(local.calls("ContinueServiceDeployment")).toBe(0);
    expect(queryAudit({ resource: shop.pausedDeployment, limit: 1 }).entries[0]).toMatchObject({ actor: { id: "adam" }, action: "deployment.reject", outcome: "no-change", detail: result.ok ? result.message : "" });
  });

  it("rolls back at the promotion gate, and then says so to anyone approving it", async () => {
    promotionHookId = await waitFor("the promotion gate", async () => {
      const deployment = await describeServiceDeployment(local.ecs, shop.pausedDeployment);
      return deployment.lifecycleHookDetails?.find((detail) => detail.status === "AWAITING_ACTION")?.hookId;
    }, 30_000, 50);
    await signInForTests(APRIL);
    const rolledBack = await decide(promotionHookId, "ROLLBACK");
    expect(rolledBack).toEqual({ ok: true, message: "Rolling back: ECS returns production traffic to the previous revision.", value: { alreadyDecided: false, decision: "ROLLBACK" } });
    expect((await describeServiceDeployment(local.ecs, shop.pausedDeployment)).status).toMatch(/^ROLLBACK_/);

    await signInForTests(ADAM);
    const late = await decide(promotionHookId, "CONTINUE");
    expect(late).toMatchObject({ ok: true, value: { alreadyDecided: true, how: "rolled-back", decidedBy: { name: "April Approver" } } });
    expect(local.calls("ContinueServiceDeployment")).toBe(1);
  });
});
