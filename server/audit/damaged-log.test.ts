import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { scaleService } from "@/server/actions/scale-service";
import { startShop } from "@/server/actions/test-shop";
import { measureEachTestAgainst, type CountedLocalEcs } from "@/server/aws/test-local-ecs";
import { AUDIT_FILE } from "./audit-log";
import { readAuditView } from "./audit-view";

/** A data directory whose audit log is damaged before Slipway first opens it: no change goes through unrecorded. */
describe("a damaged audit log", () => {
  let local: CountedLocalEcs;
  const dataDir = mkdtempSync(join(tmpdir(), "slipway-damaged-audit-"));
  beforeAll(async () => {
    process.env.SLIPWAY_DATA_DIR = dataDir;
    writeFileSync(join(dataDir, AUDIT_FILE), "not a database: the disk had a bad day".repeat(200));
    local = await startShop();
  });
  afterAll(async () => {
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  measureEachTestAgainst(() => local);

  it("refuses every change before AWS is asked, and says why", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await scaleService({ cluster: "shop", service: "web", desiredCount: 5 });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Nothing was changed: the audit log cannot be written/) } });
    expect(local.calls("UpdateService")).toBe(0);
    const { services } = await local.ecs.send(new DescribeServicesCommand({ cluster: "shop", services: ["web"] }));
    expect(services?.[0]?.desiredCount).toBe(2);
    logged.mockRestore();
  });

  it("is reported on the audit page, with the file it is", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const view = readAuditView({});
    expect(view).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("Slipway refuses every change"), detail: expect.stringContaining(`The audit log ${join(dataDir, AUDIT_FILE)} cannot be opened`) },
    });
    logged.mockRestore();
  });
});
