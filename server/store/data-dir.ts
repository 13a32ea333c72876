import "server-only";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the dashboard keeps what it must remember (the audit log, rollout samples):
 * SLIPWAY_DATA_DIR, else `.data/dashboard` in the repository. The repository is found from
 * this module's own location, so a dashboard started from another directory still uses it.
 */
const PACKAGE_NAME = "slipway";

function isRepositoryRoot(dir: string): boolean {
  const manifest = join(dir, "package.json");
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/**
 * The nearest directory above `from` holding Slipway's package.json. Walking up rather than
 * counting levels works from the source file and from its compiled copy under `.next/` alike.
 */
export function repositoryRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (isRepositoryRoot(dir)) return dir;
    if (dirname(dir) === dir) throw new Error(`No ${PACKAGE_NAME} package.json above ${from}: set SLIPWAY_DATA_DIR to say where the dashboard keeps its data.`);
  }
}

/** The data directory, made (with its parents) when missing. */
export function dashboardDataDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env.SLIPWAY_DATA_DIR?.trim();
  const dir = configured ? resolve(configured) : join(repositoryRoot(), ".data", "dashboard");
  mkdirSync(dir, { recursive: true });
  return dir;
}
