import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative, sep } from "node:path";

/**
 * The house's floors, checked rather than trusted (`npm run check:boundaries`, first in `npm test`):
 *
 * - emulator/ (local ECS) is a product of its own: it imports nothing of the dashboard but
 *   lib/ecs-rules/, ECS's own rules written once, which import nothing at all;
 * - lib/ is pure: no I/O, and nothing of server/, components/ or app/;
 * - components/ reach server/ only through server actions (types they share live in lib/);
 * - server/ never imports the pages' code (components/, app/);
 * - app/ stays a thin floor over them and never reaches local ECS.
 *
 * Tests beside the code, and their fixtures (`*.fixture.ts`), may reach further (a test of every
 * action imports the list the pages use); the rules hold for what is built and shipped. The one
 * exception is named below.
 */
export interface SourceFile {
  /** Relative to the repository, with forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

const LAYERS = ["app", "components", "lib", "server", "emulator", "scripts", "e2e"] as const;
type Layer = (typeof LAYERS)[number];

/** Node modules that reach outside the process: lib/ uses none. */
const IO_MODULES = new Set(["fs", "fs/promises", "net", "http", "https", "http2", "child_process", "dgram", "tls", "dns", "worker_threads", "cluster", "os", "readline"]);

/** Test support that still lives beside production code in server/: it boots local ECS for the tests that need it. */
const SERVER_TEST_SUPPORT = new Set(["server/aws/test-local-ecs.ts", "server/ecs/test-account.ts", "server/actions/test-shop.ts", "server/actions/deploy-service-shop.ts"]);

/** ECS's rules that the dashboard and local ECS share. */
const ECS_RULES = "lib/ecs-rules/";

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

function isTest(path: string): boolean {
  return /\.(test|spec|fixture)\.tsx?$/.test(path) || path.startsWith("emulator/test/") || path.startsWith("server/testing/");
}

function layerOf(path: string): Layer | undefined {
  const first = path.split("/")[0];
  return (LAYERS as readonly string[]).includes(first) ? (first as Layer) : undefined;
}

type Target = { kind: "layer"; layer: Layer | undefined; path: string } | { kind: "node"; module: string } | { kind: "package"; name: string };

function targetOf(file: string, specifier: string): Target {
  if (specifier.startsWith("@/")) {
    const path = specifier.slice(2);
    return { kind: "layer", layer: layerOf(path), path };
  }
  if (specifier.startsWith(".")) {
    const path = posix.normalize(posix.join(posix.dirname(file), specifier));
    return { kind: "layer", layer: layerOf(path), path };
  }
  if (specifier.startsWith("node:")) return { kind: "node", module: specifier.slice(5) };
  return { kind: "package", name: specifier };
}

function ruleBroken(file: string, target: Target): string | undefined {
  const from = layerOf(file);
  if (target.kind === "package") {
    if (from === "lib" && target.name === "server-only") return "lib/ is pure: nothing in it is server-only";
    return undefined;
  }
  if (target.kind === "node") {
    return from === "lib" && IO_MODULES.has(target.module) ? `lib/ is pure: no I/O (node:${target.module})` : undefined;
  }
  const to = target.layer;
  if (file.startsWith(ECS_RULES)) return `lib/ecs-rules/ imports nothing, so local ECS can share it`;
  if (!to || to === from) return undefined;
  switch (from) {
    case "emulator":
      return target.path.startsWith(ECS_RULES) ? undefined : "local ECS imports nothing of the dashboard but lib/ecs-rules/";
    case "lib":
      return "lib/ imports only lib/";
    case "components":
      if (to === "server" && target.path.startsWith("server/actions/")) return undefined;
      if (to === "lib") return undefined;
      return to === "server" ? "components/ reach server/ only through server actions; shared types live in lib/" : `components/ do not import ${to}/`;
    case "server":
      if (to === "lib") return undefined;
      if (to === "emulator" && SERVER_TEST_SUPPORT.has(file)) return undefined;
      return `server/ does not import ${to}/`;
    case "app":
      return to === "emulator" || to === "e2e" || to === "scripts" ? `app/ does not import ${to}/` : undefined;
    default:
      return undefined;
  }
}

/** Every import in `files` that crosses a floor it may not. */
export function boundaryViolations(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    // Tests may reach further; local ECS's tests still import nothing of the dashboard.
    if (isTest(file.path) && layerOf(file.path) !== "emulator") continue;
    for (const match of file.text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      const rule = ruleBroken(file.path, targetOf(file.path, specifier));
      if (rule) violations.push({ file: file.path, imports: specifier, rule });
    }
  }
  return violations;
}

/** The TypeScript sources of the repository's floors (node_modules and builds left out). */
export function repositorySources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts)$/.test(entry.name)) files.push({ path: relative(root, path).split(sep).join("/"), text: readFileSync(path, "utf8") });
    }
  };
  for (const layer of LAYERS) walk(join(root, layer));
  return files;
}

const invokedDirectly = process.argv[1] && import.meta.url === `file://${process.argv[1]}`;
if (invokedDirectly) {
  const root = dirname(dirname(new URL(import.meta.url).pathname));
  const violations = boundaryViolations(repositorySources(root));
  for (const violation of violations) console.error(`${violation.file}: imports ${violation.imports} — ${violation.rule}.`);
  if (violations.length) {
    console.error(`${violations.length} import${violations.length === 1 ? "" : "s"} cross a layer boundary (scripts/layer-boundaries.ts says why each is kept).`);
    process.exit(1);
  }
  console.log("Layer boundaries hold.");
}
