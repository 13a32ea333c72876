import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_CSV_HEADER } from "@/lib/audit/export";
import type { AuditView } from "@/lib/audit/types";
import { signInForTests, signOutForTests } from "@/server/testing/sign-in";
import { recordAudit } from "./audit-log";
import { auditEntriesResponse, auditExportResponse } from "./http";

const ADMIN = { id: "admin", name: "Admin", roles: ["admin" as const] };
const VIEWER = { id: "vera", name: "Vera", roles: ["viewer" as const] };
const params = (query: string) => new URLSearchParams(query);

describe("the audit log's route handlers", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "slipway-audit-http-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  beforeAll(() => {
    process.env.SLIPWAY_DATA_DIR = dataDir;
    recordAudit({ actor: ADMIN, action: "service.scale", target: "arn:aws:ecs:us-east-1:123456789012:service/demo/web", outcome: "succeeded", at: "2026-05-01T09:00:00Z" });
    recordAudit({ actor: ADMIN, action: "task.stop", target: "arn:aws:ecs:us-east-1:123456789012:task/demo/abc", outcome: "failed", at: "2026-05-01T09:05:00Z" });
  });

  it("answers the entries, newest first, with the choices for the filter", async () => {
    const response = await auditEntriesResponse(params(""));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const view = (await response.json()) as AuditView;
    expect(view.entries.map((entry) => entry.action)).toEqual(["task.stop", "service.scale"]);
    expect(view.choices).toEqual({ actions: ["service.scale", "task.stop"], actors: [{ id: "admin", name: "Admin" }] });
  });

  it("filters as the page does, and gives older pages without the choices", async () => {
    const filtered = (await (await auditEntriesResponse(params("action=service.scale&resource=demo/web&to=2026-05-01T09:00"))).json()) as AuditView;
    expect(filtered.entries.map((entry) => entry.action)).toEqual(["service.scale"]);
    const first = (await (await auditEntriesResponse(params("limit=1"))).json()) as AuditView;
    const older = (await (await auditEntriesResponse(params(`limit=1&before=${first.nextBefore}`))).json()) as AuditView;
    expect(older.entries.map((entry) => entry.action)).toEqual(["service.scale"]);
    expect(older.choices).toBeUndefined();
  });

  it("refuses a filter it cannot use with 400 and the reason", async () => {
    const response = await auditEntriesResponse(params("from=tomorrow"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "invalid-input", message: "From must be a date and time, like 2026-05-01T09:30." } });
  });

  it("refuses someone whose role may not read the log with 403, and a request without a session with 401", async () => {
    await signInForTests(VIEWER);
    for (const response of [await auditEntriesResponse(params("")), await auditExportResponse(params("format=csv"))]) {
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "access-denied", message: expect.stringMatching(/may not read the audit log/) } });
    }
    await signOutForTests();
    const signedOut = await auditExportResponse(params("format=json"));
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).error.code).toBe("access-denied");
  });

  it("exports a CSV file named for the day, with the header and the matching entries", async () => {
    const response = await auditExportResponse(params("format=csv&action=task.stop"), new Date("2026-05-02T08:00:00Z"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="slipway-audit-2026-05-02.csv"');
    const [header, row, end] = (await response.text()).split("\r\n");
    expect(header).toBe(AUDIT_CSV_HEADER.join(","));
    expect(row).toMatch(/^\d+,2026-05-01T09:05:00.000Z,admin,Admin,,task.stop,arn:aws:ecs:us-east-1:123456789012:task\/demo\/abc,failed,/);
    expect(end).toBe("");
  });

  it("exports JSON, and refuses a format it does not write", async () => {
    const json = await auditExportResponse(params("format=json"), new Date("2026-05-02T08:00:00Z"));
    expect(json.headers.get("content-disposition")).toBe('attachment; filename="slipway-audit-2026-05-02.json"');
    expect((await json.json()).map((entry: { action: string }) => entry.action)).toEqual(["task.stop", "service.scale"]);
    const xlsx = await auditExportResponse(params("format=xlsx"));
    expect(xlsx.status).toBe(400);
    expect((await xlsx.json()).error.message).toBe("format must be csv or json.");
  });
});
