import { readdirSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";

/**
 * Whether the dashboard's production build (`.next`) is missing or older than what it is built
 * from. Directories count too: deleting or renaming a file changes its directory's time.
 */
const SOURCE_DIRS = ["app", "components", "lib", "server", "public"];
const SOURCE_FILES = ["next.config.mjs", "proxy.ts", "postcss.config.mjs", "package.json", "package-lock.json", "tsconfig.json"];
/** Tests beside the code are not part of the build. */
const NOT_BUILT = /\.test\.tsx?$/;

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function newestIn(dir: string): number {
  const stats = statOrUndefined(dir);
  if (!stats) return 0;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(path));
    else if (!NOT_BUILT.test(entry.name)) newest = Math.max(newest, statOrUndefined(path)?.mtimeMs ?? 0);
  }
  return newest;
}

/** The newest modification time among the dashboard's sources, in ms. */
export function newestSource(root: string): number {
  const dirs = SOURCE_DIRS.map((dir) => newestIn(join(root, dir)));
  const files = SOURCE_FILES.map((file) => statOrUndefined(join(root, file))?.mtimeMs ?? 0);
  return Math.max(...dirs, ...files);
}

/** Why a build is needed, or undefined when the last one is current. */
export function buildNeeded(root: string): string | undefined {
  const built = statOrUndefined(join(root, ".next", "BUILD_ID"));
  if (!built) return "there is no build yet";
  if (newestSource(root) > built.mtimeMs) return "its sources changed since the last build";
  return undefined;
}
