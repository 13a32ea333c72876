import { describe, expect, it } from "vitest";
import { decodeSegment } from "./url-segment";

describe("decodeSegment", () => {
  it("decodes a segment once", () => {
    expect(decodeSegment("my%20cluster")).toBe("my cluster");
    expect(decodeSegment("a%2525b")).toBe("a%25b");
  });

  it("keeps a malformed segment as written rather than throwing", () => {
    expect(decodeSegment("%E0%A4%A")).toBe("%E0%A4%A");
  });
});
