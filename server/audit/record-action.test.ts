import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { scaleService } from "@/server/actions/scale-service";
import { startShop } from "@/server/actions/test-shop";
import { currentActor } from "@/server/auth/session";
import { measureEachTestAgainst, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { queryAudit } from "./audit-log";

vi.mock("@/server/auth/session", () => ({ currentActor: vi.fn() }));

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
    vi.mocked(currentActor).mockResolvedValue(CAROL);
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
    vi.mocked(currentActor).mockResolvedValue(CAROL);
    await scaleService({ cluster: "shop", service: "web", desiredCount: -1 });
    expect(latest()).toMatchObject({ outcome: "refused", errorCode: "invalid-input", detail: "Desired tasks must be at least 0.", input: '{"cluster":"shop","service":"web","desiredCount":-1}' });
    expect(latest().awsRequestId).toBeUndefined();
  });

  it("records AWS's refusal with its error name, its own words and its request id", async () => {
    vi.mocked(currentActor).mockResolvedValue(CAROL);
    const result = await scaleService({ cluster: "shop", service: "nope", desiredCount: 1 });
    expect(latest()).toMatchObject({ outcome: "failed", errorCode: "ServiceNotFoundException", awsRequestId: !result.ok ? result.error.requestId : "" });
    expect(latest().detail).toBeTruthy();
  });

  it("records a request without a session as anonymous", async () => {
    vi.mocked(currentActor).mockResolvedValue(undefined);
    await scaleService({ cluster: "shop", service: "web", desiredCount: 2 });
    expect(latest().actor).toEqual({ id: "anonymous", name: "Anonymous" });
  });

  it("still answers the person when the entry cannot be written, and says so in the server's log", async () => {
    vi.mocked(currentActor).mockRejectedValue(new Error("session store down"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = latest().id;
    const result = await scaleService({ cluster: "shop", service: "web", desiredCount: 2 });
    expect(result.ok).toBe(true);
    expect(latest().id).toBe(before);
    expect(logged).toHaveBeenCalledWith("The audit log could not record service.scale (succeeded):", expect.any(Error));
    logged.mockRestore();
  });
});
