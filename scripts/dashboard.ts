import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The dashboard (Next.js) as a child process, for `npm start`, `npm run dev` and the browser
 * tests: built when needed, started on a free port on loopback (or where PORT and HOSTNAME
 * say), pointed at local ECS through its own environment only.
 */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NEXT = createRequire(import.meta.url).resolve("next/dist/bin/next");
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 5_000;

export type DashboardMode = "start" | "dev";

export interface LocalTarget {
  endpoint: string;
  region: string;
}

/** Local ECS at an endpoint, or (`--aws`, asked for explicitly) real AWS. */
export type DashboardTarget = LocalTarget | "aws";

/**
 * What the dashboard runs with. For local ECS: its endpoint for every AWS service, dummy
 * credentials, and none of the user's own AWS settings, which could otherwise send it
 * elsewhere or sign with real keys. For real AWS: the user's environment as it is, so the
 * SDK's standard credential chain and shared config files apply.
 */
export function dashboardEnvironment(base: NodeJS.ProcessEnv, target: DashboardTarget): NodeJS.ProcessEnv {
  if (target === "aws") return { ...base, SLIPWAY_TARGET: "aws", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
  // A variable set to undefined is not passed to the child at all.
  const withoutUsersAws = Object.fromEntries(Object.keys(base).filter((name) => name.startsWith("AWS_")).map((name) => [name, undefined]));
  return {
    ...base,
    ...withoutUsersAws,
    SLIPWAY_TARGET: "local",
    AWS_ENDPOINT_URL: target.endpoint,
    AWS_REGION: target.region,
    AWS_ACCESS_KEY_ID: "local-ecs",
    AWS_SECRET_ACCESS_KEY: "local-ecs",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
}

export function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** `from`, or the first free port after it. */
export async function firstFreePort(from: number, host: string): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    if (await canListen(port, host)) return port;
  }
  throw new Error(`no free port between ${from} and ${from + 99} on ${host}`);
}

/**
 * `next build`; its output is kept and shown only if it fails. Next writes BUILD_ID before its
 * last steps, so a build that fails or is stopped loses it: the next start builds again.
 */
export function buildDashboard(signal?: AbortSignal): Promise<void> {
  const forgetBuild = () => rmSync(join(ROOT, ".next", "BUILD_ID"), { force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT, "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], signal });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", (error) => {
      forgetBuild();
      reject(error);
    });
    child.once("exit", (code, killedBy) => {
      if (code === 0) return resolve();
      forgetBuild();
      reject(new Error(`next build ${killedBy ? `was stopped (${killedBy})` : `failed with exit code ${code}`}:\n${output.trim()}`));
    });
  });
}

export interface RunningDashboard {
  url: string;
  process: ChildProcess;
  /** Settles with the exit code (or null when killed by a signal). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** How people sign in to this dashboard (next-auth's settings, passed in its environment only). */
export interface DashboardSignIn {
  sessionSecret: string;
  /** The demo admin `admin`'s password; none, no demo admin. */
  adminPassword?: string;
  /** SLIPWAY_USERS_FILE: more people, with hashed passwords. */
  usersFile?: string;
  /** SLIPWAY_OIDC_* settings: single sign-on through an OpenID Connect provider. */
  oidc?: Record<string, string>;
}

export interface DashboardOptions {
  mode: DashboardMode;
  target: DashboardTarget;
  port: number;
  /** The address to bind; DASHBOARD_HOST (loopback) when not given. */
  host?: string;
  signIn: DashboardSignIn;
  /** Output lines worth passing on; `next start`'s own banner is not. */
  onOutput?: (line: string) => void;
  /** Aborting kills the dashboard, also while it is still starting. */
  signal?: AbortSignal;
}

async function waitUntilServing(url: string, exited: Promise<unknown>, output: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the dashboard exited while starting:\n${output().trim()}`);
    const ok = await fetch(`${url}/favicon.svg`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the dashboard did not answer within ${READY_TIMEOUT_MS / 1000} s:\n${output().trim()}`);
}

/** This machine only, unless HOSTNAME says otherwise (scripts/dashboard-address.ts). */
export const DASHBOARD_HOST = "127.0.0.1";

export async function startDashboard(options: DashboardOptions): Promise<RunningDashboard> {
  const host = options.host ?? DASHBOARD_HOST;
  const args = [NEXT, options.mode, "--port", String(options.port), "--hostname", host];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...dashboardEnvironment(process.env, options.target),
      NEXTAUTH_URL: dashboardUrl(host, options.port),
      NEXTAUTH_SECRET: options.signIn.sessionSecret,
      SLIPWAY_ADMIN_PASSWORD: options.signIn.adminPassword,
      SLIPWAY_USERS_FILE: options.signIn.usersFile ?? process.env.SLIPWAY_USERS_FILE,
      ...options.signIn.oidc,
    },
    stdio: ["ignore", "pipe", "pipe"],
    signal: options.signal,
  });
  let output = "";
  const forward = (chunk: Buffer, always: boolean) => {
    output += chunk;
    if (!options.onOutput || !(always || options.mode === "dev")) return;
    // Terminal control codes (next dev shows and hides the cursor) are not lines worth passing on.
    for (const line of chunk.toString().split("\n")) if (line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").trim()) options.onOutput(line);
  };
  child.stdout.on("data", (chunk: Buffer) => forward(chunk, false));
  child.stderr.on("data", (chunk: Buffer) => forward(chunk, true));
  // An abort (or a failure to spawn at all) is an "error" event; either way the child is gone.
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", () => resolve(child.exitCode));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  const url = dashboardUrl(host, options.port);
  try {
    await waitUntilServing(reachableUrl(host, options.port), exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: child, exited, stop };
}

/** Any address: the dashboard answers on every interface, loopback included. */
const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", "[::]"]);
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** The address people open: localhost for loopback and wildcard binds, else the host itself. */
export function dashboardUrl(host: string, port: number): string {
  const name = LOOPBACK_HOSTS.has(host) || WILDCARD_HOSTS.has(host) ? "localhost" : host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** Where this machine can reach a dashboard bound to `host`. */
function reachableUrl(host: string, port: number): string {
  return WILDCARD_HOSTS.has(host) ? `http://127.0.0.1:${port}` : dashboardUrl(host, port).replace("//localhost:", "//127.0.0.1:");
}
