import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { dashboardDataDir, repositoryRoot } from "./data-dir";

describe("dashboardDataDir", () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("uses SLIPWAY_DATA_DIR, making it and its parents", () => {
    const base = mkdtempSync(join(tmpdir(), "slipway-data-dir-"));
    made.push(base);
    const wanted = join(base, "nested", "dashboard");
    expect(dashboardDataDir({ SLIPWAY_DATA_DIR: wanted })).toBe(wanted);
    expect(statSync(wanted).isDirectory()).toBe(true);
  });

  it("defaults to .data/dashboard in the repository, wherever the process was started", () => {
    const dir = dashboardDataDir({});
    const root = repositoryRoot();
    expect(dir).toBe(join(root, ".data", "dashboard"));
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).name).toBe("slipway");
  });

  it("treats a blank SLIPWAY_DATA_DIR as unset", () => {
    expect(dashboardDataDir({ SLIPWAY_DATA_DIR: "  " })).toBe(join(repositoryRoot(), ".data", "dashboard"));
  });

  it("finds the repository from a compiled copy's directory too", () => {
    const root = repositoryRoot();
    expect(repositoryRoot(join(root, ".next", "server", "chunks"))).toBe(root);
  });

  it("says what to do when there is no repository above", () => {
    expect(() => repositoryRoot(tmpdir())).toThrow(/set SLIPWAY_DATA_DIR/);
  });
});
