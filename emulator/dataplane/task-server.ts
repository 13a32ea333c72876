import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { TaskKnobs } from "./knobs";
import { renderSampleAppPage, sampleAppDocument, sampleAppIdentity, type SampleAppIdentity } from "./sample-app";
import { listenOnFirstFree } from "./listen";

/**
 * One task's data plane: a real HTTP server on loopback serving the sample app. Thousands run
 * in one process, so a server holds only its identity and knobs: no timers of its own.
 */
export interface TaskServerSpec {
  taskArn: string;
  taskDefinitionArn: string;
  clusterName: string;
  serviceName?: string;
  containerName: string;
  image: string;
  knobs: TaskKnobs;
  /** Tried first, so a restarted task keeps its address; if taken, any free port. */
  preferredPort?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Stamps `servedAt`; the emulator passes its clock. */
  now?: () => Date;
  /** Decides which requests SLIPWAY_ERROR_RATE fails; seed it in tests. */
  random?: () => number;
}

export interface RunningTaskServer {
  port: number;
  host: string;
  close(): Promise<void>;
}

interface TaskServerContext {
  identity: SampleAppIdentity;
  knobs: TaskKnobs;
  now: () => Date;
  random: () => number;
  /** Sent on every response; built once per server. */
  baseHeaders: OutgoingHttpHeaders;
}

export async function startTaskServer(spec: TaskServerSpec): Promise<RunningTaskServer> {
  const context = contextFor(spec);
  const server = createServer((req, res) => handleRequest(context, req, res));
  const host = spec.host ?? "127.0.0.1";
  await listenOnFirstFree(server, host, [spec.preferredPort]);
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("task server is not listening on a TCP port");
  let closing: Promise<void> | undefined;
  return {
    port: address.port,
    host,
    close: () => (closing ??= closeServer(server)),
  };
}

function contextFor(spec: TaskServerSpec): TaskServerContext {
  const identity = sampleAppIdentity(spec);
  return {
    identity,
    knobs: spec.knobs,
    now: spec.now ?? (() => new Date()),
    random: spec.random ?? Math.random,
    baseHeaders: {
      "x-slipway-task": headerSafe(identity.taskId),
      "x-slipway-image": headerSafe(identity.image),
    },
  };
}

/** Node rejects header values with control or non-ASCII characters; an odd image name must not crash a task. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, "?");
}



/** Drops idle keep-alive sockets at once too: a stopped task must not hold its port open. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function handleRequest(context: TaskServerContext, req: IncomingMessage, res: ServerResponse): void {
  guarded(context, res, () => route(context, req, res));
}

/** Thousands of tasks share one process: a fault in one request must not take the emulator down. */
function guarded(context: TaskServerContext, res: ServerResponse, work: () => void): void {
  try {
    work();
  } catch (error) {
    console.error("[local-ecs] task server request failed", error);
    if (!res.headersSent) send(context, res, 500, "text/plain; charset=utf-8", "Internal Server Error\n");
  }
}

function route(context: TaskServerContext, req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? "/").split("?", 1)[0];
  const readable = req.method === "GET" || req.method === "HEAD";
  if (readable && path === "/health") return answerHealth(context, res);
  if (readable && path === "/") return delayed(context, res, () => answerPage(context, req, res));
  send(context, res, 404, "text/plain; charset=utf-8", "Not found\n");
}

function answerHealth(context: TaskServerContext, res: ServerResponse): void {
  const healthy = !context.knobs.failHealthCheck;
  const body = JSON.stringify(healthy ? { status: "ok" } : { status: "unhealthy", reason: "SLIPWAY_FAIL_HEALTH_CHECK" });
  send(context, res, healthy ? 200 : 503, "application/json", body);
}

function answerPage(context: TaskServerContext, req: IncomingMessage, res: ServerResponse): void {
  if (context.knobs.errorRate > 0 && context.random() < context.knobs.errorRate) {
    return send(context, res, 500, "text/plain; charset=utf-8", "Internal Server Error (injected by SLIPWAY_ERROR_RATE)\n");
  }
  const servedAt = context.now();
  if (prefersJson(req.headers.accept)) {
    send(context, res, 200, "application/json", JSON.stringify(sampleAppDocument(context.identity, servedAt)));
  } else {
    send(context, res, 200, "text/html; charset=utf-8", renderSampleAppPage(context.identity, servedAt), {
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    });
  }
}

/**
 * SLIPWAY_RESPONSE_DELAY_MS is deliberately real time, not emulated: it stands for latency a
 * person or load test feels, whatever the time scale.
 */
function delayed(context: TaskServerContext, res: ServerResponse, answer: () => void): void {
  const delayMs = context.knobs.responseDelayMs;
  if (delayMs <= 0) return answer();
  const timer = setTimeout(() => guarded(context, res, answer), delayMs);
  res.once("close", () => clearTimeout(timer));
}

function send(
  context: TaskServerContext,
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  extraHeaders: OutgoingHttpHeaders = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, {
    ...context.baseHeaders,
    ...extraHeaders,
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    vary: "Accept",
  });
  res.end(body);
}

/** JSON only when named and ranked above HTML; browsers, curl and wildcard clients get the page. */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const quality = new Map<string, number>();
  for (const part of accept.split(",")) {
    const [type, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const value = q ? Number(q.slice(2)) : 1;
    if (type && !quality.has(type)) quality.set(type, Number.isFinite(value) ? value : 0);
  }
  const json = quality.get("application/json") ?? 0;
  return json > 0 && json > (quality.get("text/html") ?? -1);
}
