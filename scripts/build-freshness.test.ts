import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildNeeded } from "./build-freshness";

let root: string;
const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "slipway-freshness-"));
  mkdirSync(join(root, "app", "api"), { recursive: true });
  writeFileSync(join(root, "app", "api", "route.ts"), "");
  writeFileSync(join(root, "app", "page.test.ts"), "");
  writeFileSync(join(root, "package.json"), "{}");
  for (const path of ["app/api/route.ts", "app/page.test.ts", "app/api", "app", "package.json"]) at(path, 1_000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function build(seconds: number): void {
  mkdirSync(join(root, ".next"), { recursive: true });
  writeFileSync(join(root, ".next", "BUILD_ID"), "x");
  at(".next/BUILD_ID", seconds);
}

describe("buildNeeded", () => {
  it("asks for a build when there is none", () => {
    expect(buildNeeded(root)).toBe("there is no build yet");
  });

  it("is satisfied by a build newer than every source", () => {
    build(2_000);
    expect(buildNeeded(root)).toBeUndefined();
  });

  it("notices a source changed deep in a folder, and a changed package.json", () => {
    build(2_000);
    at("app/api/route.ts", 3_000);
    expect(buildNeeded(root)).toMatch(/changed/);
    at("app/api/route.ts", 1_000);
    at("package.json", 3_000);
    expect(buildNeeded(root)).toMatch(/changed/);
  });

  it("notices a deleted file through its folder", () => {
    build(2_000);
    rmSync(join(root, "app", "api", "route.ts"));
    expect(buildNeeded(root)).toMatch(/changed/);
  });

  it("ignores tests beside the code", () => {
    build(2_000);
    at("app/page.test.ts", 3_000);
    expect(buildNeeded(root)).toBeUndefined();
  });
});
