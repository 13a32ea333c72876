import { describe, expect, it } from "vitest";
import { AUDIT_CSV_HEADER, auditExportFileName, auditExportText } from "./export";
import type { AuditEntry } from "./types";

const entry: AuditEntry = {
  id: 7,
  at: "2026-05-01T09:30:00.000Z",
  actor: { id: "alice", name: "Alice Liddell", email: "alice@example.com" },
  action: "service.scale",
  target: "arn:aws:ecs:us-east-1:123456789012:service/demo/web",
  input: '{"cluster":"demo","service":"web","desiredCount":4}',
  outcome: "succeeded",
  detail: "web now wants 4 tasks. ECS is starting 2 more.",
  awsRequestId: "0f1e2d3c",
};

describe("auditExportText", () => {
  it("writes CSV with a header row and one quoted-where-needed record per entry", () => {
    const [header, row, end] = auditExportText([entry], "csv").split("\r\n");
    expect(header).toBe(AUDIT_CSV_HEADER.join(","));
    expect(row).toBe(
      '7,2026-05-01T09:30:00.000Z,alice,Alice Liddell,alice@example.com,service.scale,arn:aws:ecs:us-east-1:123456789012:service/demo/web,succeeded,' +
        'web now wants 4 tasks. ECS is starting 2 more.,0f1e2d3c,,"{""cluster"":""demo"",""service"":""web"",""desiredCount"":4}"',
    );
    expect(end).toBe("");
  });

  it("writes JSON as an array of the entries, which reads back the same", () => {
    expect(JSON.parse(auditExportText([entry], "json"))).toEqual([entry]);
    expect(JSON.parse(auditExportText([], "json"))).toEqual([]);
  });
});

describe("auditExportFileName", () => {
  it("is dated in UTC", () => {
    expect(auditExportFileName("csv", new Date("2026-05-01T23:59:00-05:00"))).toBe("slipway-audit-2026-05-02.csv");
    expect(auditExportFileName("json", new Date("2026-05-01T09:00:00Z"))).toBe("slipway-audit-2026-05-01.json");
  });
});
