import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVERY_ACTION } from "@/components/actions/every-action";

describe("EVERY_ACTION", () => {
  it("holds every server action there is, so each page can refuse any of them with its own status", async () => {
    const dir = import.meta.dirname;
    const files = readdirSync(dir).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && readFileSync(join(dir, file), "utf8").startsWith('"use server"'));
    const missing: string[] = [];
    for (const file of files) {
      const module = (await import(join(dir, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (typeof value === "function" && !(EVERY_ACTION as readonly unknown[]).includes(value)) missing.push(`${name} (${file})`);
      }
    }
    expect(files.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
