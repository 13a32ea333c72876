import { describe, expect, it } from "vitest";
import { formatTimestamp } from "./timestamp";

describe("formatTimestamp", () => {
  it("writes an exact time in UTC, the same on the server and in any browser", () => {
    expect(formatTimestamp("2026-11-27T09:05:07.859Z")).toBe("27 Nov 2026, 09:05:07 UTC");
    expect(formatTimestamp("2026-01-01T23:59:59+02:00")).toBe("1 Jan 2026, 21:59:59 UTC");
  });

  it("gives a dash for no time or a broken one", () => {
    expect(formatTimestamp(undefined)).toBe("—");
    expect(formatTimestamp("yesterday")).toBe("—");
  });
});
