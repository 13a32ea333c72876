import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { scaleService } from "@/server/actions/scale-service";
import { startShop } from "@/server/actions/test-shop";
import { measureEachTestAgainst, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { signInForTests, signOutForTests } from "@/server/testing/sign-in";
import { AUDIT_FILE, AuditLog, queryAudit, sharedAuditLog } from "./audit-log";

const CAROL = { id: "carol", name: "Carol", email: "carol@example.com", roles: ["deployer" as const] };

/** Every action goes through the action client, which writes its outcome to the audit log; scaling stands for them all. */
describe("an action's audit entry", () => {
  let local: CountedLocalEcs;
  const dataDir = mkdtempSync(join(tmpdir(), "slipway-record-action-"));
  beforeAll(async () => {
    // A log of this file's own: other files' actions run at the same time in other processes.
    process.env.SLIPWAY_DATA_DIR = dataDir;
    local = await startShop();
  });
  afterAll(async () => {
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  measureEachTestAgainst(() => local);

  const latest = () => queryAudit({ limit: 1 }).entries[0];

  it("records a success as the person who acted, with the service's ARN, the input and AWS's request id", async () => {
    await signInForTests(CAROL);
    const result = await scaleService({ cluster: "shop", service: "web", desiredCount: 3 });
    expect(result.ok).toBe(true);
    expect(latest()).toMatchObject({
      actor: { id: "carol", name: "Carol", email: "carol@example.com" },
      action: "service.scale",
      target: expect.stringMatching(/^arn:aws:ecs:us-east-1:\d{12}:service\/shop\/web$/),
      input: '{"cluster":"shop","service":"web","desiredCount":3}',
      outcome: "succeeded",
      detail: result.ok ? result.message : "",
      awsRequestId: expect.stringMatching(/\S/),
    });
  });

  it("records input refused before any AWS call, with the field's message", async () => {
    await signInForTests(CAROL);
    await scaleService({ cluster: "shop", service: "web", desiredCount: -1 });
    expect(latest()).toMatchObject({ outcome: "refused", errorCode: "invalid-input", detail: "Desired tasks must be at least 0.", input: '{"cluster":"shop","service":"web","desiredCount":-1}' });
    expect(latest().awsRequestId).toBeUndefined();
  });

  it("records AWS's refusal with its error name, its own words and its request id", async () => {
    await signInForTests(CAROL);
    const result = await scaleService({ cluster: "shop", service: "nope", desiredCount: 1 });
    expect(latest()).toMatchObject({ outcome: "failed", errorCode: "ServiceNotFoundException", awsRequestId: !result.ok ? result.error.requestId : "" });
    expect(latest().detail).toBeTruthy();
  });

  it("records a request without a session as denied, from someone anonymous", async () => {
    await signOutForTests();
    await expect(scaleService({ cluster: "shop", service: "web", desiredCount: 2 })).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;401" });
    expect(latest()).toMatchObject({ actor: { id: "anonymous", name: "Anonymous" }, outcome: "denied", errorCode: "access-denied", detail: "Sign in first." });
  });

  it("records a viewer's attempt as denied, with who tried", async () => {
    await signInForTests({ id: "vera", name: "Vera", roles: ["viewer"] });
    await expect(scaleService({ cluster: "shop", service: "web", desiredCount: 5 })).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    expect(latest()).toMatchObject({ actor: { id: "vera", name: "Vera" }, action: "service.scale", outcome: "denied", detail: "Vera (viewer) may not change services, tasks or clusters." });
  });

  it("refuses a change the log cannot record, before AWS is asked, and says why", async () => {
    const before = latest().id;
    // The last test of the file: a log that can no longer be written.
    sharedAuditLog().close();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await scaleService({ cluster: "shop", service: "web", desiredCount: 5 });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Nothing was changed: the audit log cannot be written/) } });
    expect(local.calls("UpdateService")).toBe(0);
    expect(new AuditLog(join(dataDir, AUDIT_FILE)).query({ limit: 1 }).entries[0].id).toBe(before);
    expect(logged).toHaveBeenCalledWith("The audit log could not record service.scale: nothing was changed.", expect.any(Error));
    logged.mockRestore();
  });
});
