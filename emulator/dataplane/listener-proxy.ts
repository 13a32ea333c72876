import {
  Agent,
  createServer,
  type ClientRequest,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from "node:http";
import { listenOnFirstFree } from "./listen";

/**
 * A real reverse proxy on loopback: one per load balancer listener. It knows nothing of ELB:
 * for each request it asks `route` where to send it (or what to answer), proxies the exchange
 * and reports the final status. The load balancer's 502/503/504 look like ALB's own pages.
 */
export interface Upstream {
  host: string;
  port: number;
}

export type ProxyDecision =
  | {
      kind: "forward";
      upstream: Upstream;
      /** Added to the upstream's response, e.g. a stickiness cookie. */
      responseHeaders?: OutgoingHttpHeaders;
      /** The final status: the upstream's, the proxy's own 502/504, or 460 when the client left first. */
      onDone?: (status: number) => void;
    }
  | { kind: "respond"; status: number; headers?: OutgoingHttpHeaders; body?: string; onDone?: (status: number) => void };

export interface ListenerProxySpec {
  /** Tried in order until one is free; then any free port. */
  candidatePorts: number[];
  /** Default 127.0.0.1. */
  host?: string;
  route(request: IncomingMessage, localPort: number): ProxyDecision;
  /** Real ms an exchange with the upstream may sit idle before the client gets a 504. */
  idleTimeoutMs(): number;
  /** X-Forwarded-Proto; default "http". */
  forwardedProto?: string;
}

export interface RunningListenerProxy {
  readonly port: number;
  close(): Promise<void>;
}

/** ALB's code for a client that closed the connection before the answer. */
export const CLIENT_CLOSED_STATUS = 460;

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"]);

const REASONS: Record<number, string> = { 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Temporarily Unavailable", 504: "Gateway Time-out" };

/** The page ALB answers with when it cannot produce the target's own response. */
export function loadBalancerErrorPage(status: number): { headers: OutgoingHttpHeaders; body: string } {
  const title = `${status} ${REASONS[status] ?? "Error"}`;
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
  return { headers: { server: "awselb/2.0", "content-type": "text/html" }, body };
}

export async function startListenerProxy(spec: ListenerProxySpec): Promise<RunningListenerProxy> {
  // Upstream connections are reused: thousands of requests a second would otherwise exhaust loopback ports.
  // Idle ones are dropped before a Node target's 5 s keep-alive timeout would close them under us.
  const agent = new Agent({ keepAlive: true, maxFreeSockets: 64, timeout: 4000 });
  const host = spec.host ?? "127.0.0.1";
  let port = 0;
  const server = createServer((req, res) => handle(spec, agent, port, req, res));
  port = await listenOnFirstFree(server, host, spec.candidatePorts);
  // A failed accept (too many open files, say) must not take the emulator down.
  server.on("error", (error) => console.error(`[local-ecs] listener proxy on port ${port} failed`, error));
  let closing: Promise<void> | undefined;
  return {
    port,
    close: () =>
      (closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      })),
  };
}



function handle(spec: ListenerProxySpec, agent: Agent, localPort: number, req: IncomingMessage, res: ServerResponse): void {
  let decision: ProxyDecision;
  try {
    decision = spec.route(req, localPort);
  } catch (error) {
    console.error("[local-ecs] load balancer routing failed", error);
    decision = { kind: "respond", status: 500, ...loadBalancerErrorPage(500) };
  }
  if (decision.kind === "respond") {
    req.on("error", () => undefined);
    req.resume();
    answer(res, decision.status, decision.headers ?? {}, decision.body ?? "");
    decision.onDone?.(decision.status);
    return;
  }
  forward(spec, agent, localPort, req, res, decision);
}

function answer(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: string): void {
  if (res.destroyed) return;
  res.writeHead(status, { ...headers, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function forward(
  spec: ListenerProxySpec,
  agent: Agent,
  localPort: number,
  req: IncomingMessage,
  res: ServerResponse,
  decision: Extract<ProxyDecision, { kind: "forward" }>,
): void {
  let done = false;
  const finish = (status: number) => {
    if (done) return;
    done = true;
    decision.onDone?.(status);
  };
  const headers = forwardedHeaders(req, localPort, spec.forwardedProto ?? "http");
  // A body already streamed upstream cannot be sent again; only bodiless requests are retried.
  const replayable = req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined;
  let current: ClientRequest | undefined;
  const send = (mayRetry: boolean) => {
    let timedOut = false;
    const upstream = request({ host: decision.upstream.host, port: decision.upstream.port, method: req.method, path: req.url, headers, agent });
    current = upstream;
    upstream.setTimeout(spec.idleTimeoutMs(), () => {
      timedOut = true;
      upstream.destroy();
    });
    upstream.on("response", (incoming) => {
      const status = incoming.statusCode ?? 502;
      res.writeHead(status, { ...withoutHopByHop(incoming.headers), ...mergeCookies(incoming.headers, decision.responseHeaders) });
      incoming.on("error", () => res.destroy());
      incoming.pipe(res);
      finish(status);
    });
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      // The target closed a pooled connection just as it was reused: not the target's fault.
      if (mayRetry && replayable && upstream.reusedSocket && error.code === "ECONNRESET" && !res.headersSent) return send(false);
      if (res.headersSent) return void res.destroy();
      const status = timedOut ? 504 : 502;
      const page = loadBalancerErrorPage(status);
      answer(res, status, page.headers, page.body);
      finish(status);
    });
    if (replayable) upstream.end();
    else req.pipe(upstream);
  };
  // A client that disconnects mid-request must not crash the emulator or leave the upstream hanging.
  req.on("error", () => undefined);
  res.once("close", () => {
    if (!res.writableFinished) current?.destroy();
    finish(CLIENT_CLOSED_STATUS);
  });
  send(true);
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

/** The load balancer's own Set-Cookie goes beside the target's, not over it. */
function mergeCookies(upstream: IncomingHttpHeaders, extra: OutgoingHttpHeaders | undefined): OutgoingHttpHeaders {
  if (!extra) return {};
  const added = extra["set-cookie"];
  if (added === undefined || upstream["set-cookie"] === undefined) return extra;
  return { ...extra, "set-cookie": [...upstream["set-cookie"], ...(Array.isArray(added) ? added : [String(added)])] };
}

function forwardedHeaders(req: IncomingMessage, localPort: number, proto: string): OutgoingHttpHeaders {
  const headers = withoutHopByHop(req.headers);
  const client = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  const prior = req.headers["x-forwarded-for"];
  headers["x-forwarded-for"] = prior ? `${prior}, ${client}` : client;
  headers["x-forwarded-proto"] = proto;
  headers["x-forwarded-port"] = String(localPort);
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] !== undefined) headers["transfer-encoding"] = "chunked";
  return headers;
}
