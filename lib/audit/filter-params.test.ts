import { describe, expect, it } from "vitest";
import { appliedFields, auditFilterQuery, hasFilter, parseAuditFilter, parseAuditTime, parseExportFormat } from "./filter-params";

describe("parseAuditTime", () => {
  it("reads a date-time input's value as UTC", () => {
    expect(parseAuditTime("2026-05-01T09:30", "start")).toBe("2026-05-01T09:30:00.000Z");
  });

  it("takes the end of a range to the last millisecond of the minute or second it names", () => {
    expect(parseAuditTime("2026-05-01T09:30", "end")).toBe("2026-05-01T09:30:59.999Z");
    expect(parseAuditTime("2026-05-01T09:30:15", "end")).toBe("2026-05-01T09:30:15.999Z");
    expect(parseAuditTime("2026-05-01T09:30:15.250Z", "end")).toBe("2026-05-01T09:30:15.250Z");
  });

  it("honours a zone when one is given", () => {
    expect(parseAuditTime("2026-05-01T11:30+02:00", "start")).toBe("2026-05-01T09:30:00.000Z");
  });

  it("refuses what is not a date and time", () => {
    for (const text of ["yesterday", "2026-05-01", "2026-13-01T09:30", "2026-05-01T25:00", "2026-02-30T09:30", "1714555800"]) expect(parseAuditTime(text, "start")).toBeUndefined();
  });
});

describe("parseAuditFilter", () => {
  it("turns the URL's fields into a filter, keeping them as typed for the form", () => {
    const parsed = parseAuditFilter(new URLSearchParams("user=alice&action=service.scale&resource=%20web%20&from=2026-05-01T09:00&to=2026-05-01T10:00"));
    expect(parsed.fields).toEqual({ user: "alice", action: "service.scale", resource: "web", from: "2026-05-01T09:00", to: "2026-05-01T10:00" });
    expect(parsed.filter).toEqual({ actor: "alice", action: "service.scale", resource: "web", from: "2026-05-01T09:00:00.000Z", to: "2026-05-01T10:00:59.999Z" });
    expect(parsed.errors).toEqual({});
  });

  it("takes Next's search params object, first value of a repeated one", () => {
    expect(parseAuditFilter({ action: ["task.stop", "task.run"], user: undefined }).filter).toEqual({ action: "task.stop" });
  });

  it("says which field cannot be used and leaves it out of the filter", () => {
    const parsed = parseAuditFilter(new URLSearchParams("from=soon&to=2026-05-01T09:00&action=task.run"));
    expect(parsed.errors.from).toMatch(/^From must be a date and time/);
    expect(parsed.filter).toEqual({ action: "task.run", to: "2026-05-01T09:00:59.999Z" });
  });

  it("refuses a range that ends before it starts", () => {
    const parsed = parseAuditFilter(new URLSearchParams("from=2026-05-02T00:00&to=2026-05-01T00:00"));
    expect(parsed.errors.to).toBe("To must not be before From.");
    expect(parsed.filter.to).toBeUndefined();
  });

  it("reads the paging cursor and a page size within bounds", () => {
    expect(parseAuditFilter(new URLSearchParams("before=120&limit=50")).filter).toEqual({ before: 120, limit: 50 });
    const wrong = parseAuditFilter(new URLSearchParams("before=-1&limit=5000"));
    expect(Object.keys(wrong.errors).sort()).toEqual(["before", "limit"]);
    expect(wrong.filter).toEqual({});
  });
});

describe("auditFilterQuery", () => {
  it("writes the fields that are set, in a fixed order, and extra parameters after", () => {
    expect(auditFilterQuery({ resource: "web app", user: "alice", action: "" }, { format: "csv", before: undefined })).toBe("?user=alice&resource=web+app&format=csv");
  });

  it("is empty with nothing set, and round-trips through the parser", () => {
    expect(auditFilterQuery({})).toBe("");
    const fields = { user: "a", action: "service.scale", resource: "arn:aws:ecs:x", from: "2026-05-01T09:00", to: "" };
    expect(parseAuditFilter(new URLSearchParams(auditFilterQuery(fields))).fields).toEqual(fields);
    expect(hasFilter(fields)).toBe(true);
    expect(hasFilter({ user: "", action: "", resource: "", from: "", to: "" })).toBe(false);
  });
});

describe("appliedFields", () => {
  it("blanks the fields that could not be used, so the view polls what it shows", () => {
    const applied = appliedFields(parseAuditFilter(new URLSearchParams("action=task.run&from=soon&before=3")));
    expect(applied).toEqual({ user: "", action: "task.run", resource: "", from: "", to: "" });
    expect(auditFilterQuery(applied)).toBe("?action=task.run");
  });
});

describe("parseExportFormat", () => {
  it("knows csv and json only", () => {
    expect(parseExportFormat("csv")).toBe("csv");
    expect(parseExportFormat("json")).toBe("json");
    expect(parseExportFormat("xlsx")).toBeUndefined();
    expect(parseExportFormat(null)).toBeUndefined();
  });
});
