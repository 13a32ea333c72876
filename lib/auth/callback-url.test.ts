import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps a path of this Slipway, with its query and fragment", () => {
    expect(safeCallbackPath("/clusters/demo")).toBe("/clusters/demo");
    expect(safeCallbackPath("/audit?user=dana&action=service.scale#top")).toBe("/audit?user=dana&action=service.scale#top");
    expect(safeCallbackPath(["/approvals", "/elsewhere"])).toBe("/approvals");
  });

  it("sends anything else to the overview", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath("")).toBe("/");
    expect(safeCallbackPath("clusters")).toBe("/");
    expect(safeCallbackPath("https://evil.example/")).toBe("/");
    expect(safeCallbackPath("javascript:alert(1)")).toBe("/");
  });

  it("never leads to another host, however the path is spelled", () => {
    for (const crafted of ["//evil.example/", "/\\evil.example/", "/\\/evil.example/", "/\t/evil.example/", "/\n/evil.example", "/ /evil.example", "\\/evil.example"]) {
      const path = safeCallbackPath(crafted);
      expect(new URL(path, "http://localhost:3000").host, JSON.stringify(crafted)).toBe("localhost:3000");
      expect(path, JSON.stringify(crafted)).not.toMatch(/^[/\\]{2}/);
    }
  });

  it("keeps an encoded backslash encoded, so the path stays on this host", () => {
    const path = safeCallbackPath("/%5Cevil.example");
    expect(path).toBe("/%5Cevil.example");
    expect(new URL(path, "http://localhost:3000").host).toBe("localhost:3000");
  });

  it("does not come back to the sign-in page", () => {
    expect(safeCallbackPath("/sign-in?callbackUrl=%2Fclusters")).toBe("/");
  });
});
