import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/**
 * Local ECS in a child process, started the way a user starts it (`emulator/main.ts`), for the
 * tests that must kill it (restart) or measure it from outside.
 */
const MAIN = join(fileURLToPath(new URL(".", import.meta.url)), "..", "main.ts");
const TSX = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "node_modules", "tsx", "dist", "loader.mjs");

export interface ChildEmulator {
  process: ChildProcess;
  endpoint: string;
  /** stdout and stderr as they came. */
  output: () => string;
  /** stderr alone, where warnings go. */
  errors: () => string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startChildEmulator(args: string[], port: number): Promise<ChildEmulator> {
  const child = spawn(process.execPath, ["--import", TSX, MAIN, "--port", String(port), ...args], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let errors = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => {
    output += chunk;
    errors += chunk;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`local ECS exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${endpoint}/_slipway/health`);
      if (response.ok) return { process: child, endpoint, output: () => output, errors: () => errors };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`local ECS did not start in time:\n${output}`);
}

/** Kills without warning, as `kill -9` does, and waits for the process to be gone. */
export async function killHard(child: ChildEmulator): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once("exit", resolve));
  child.process.kill("SIGKILL");
  await exited;
}
