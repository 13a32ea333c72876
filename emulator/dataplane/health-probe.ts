import { Agent, request } from "node:http";
import { responsiveDeadline } from "./responsive-deadline";

/**
 * One real HTTP health probe, shared by container health checks and load-balancer target
 * health checks, plus the reading of an ECS container health check command.
 */
export type ProbeFailureReason = "Timeout" | "ResponseCodeMismatch" | "ConnectionRefused";

export interface HttpHealthProbeOptions {
  host: string;
  port: number;
  /** Default "/health". */
  path?: string;
  /** Real milliseconds for the whole exchange (connect, status line, body), counted while this process runs. */
  timeoutMs: number;
  /** ELB `Matcher.HttpCode` syntax: "200", "200-299", "200,302"; default "200-399". */
  matcher?: string;
}

export interface HttpHealthProbeResult {
  healthy: boolean;
  reason?: ProbeFailureReason;
  statusCode?: number;
}

export interface HttpCodeRange {
  from: number;
  to: number;
}

const DEFAULT_MATCHER = "200-399";
const DEFAULT_HEALTH_PATH = "/health";

/**
 * Probes reuse connections: thousands of targets checked every few real seconds would
 * otherwise fill loopback with TIME_WAIT sockets.
 */
const probeAgent = new Agent({ keepAlive: true });

/** "200,300-399" → ranges; undefined when the text is not valid matcher syntax. */
export function parseHttpCodeMatcher(matcher: string): HttpCodeRange[] | undefined {
  const ranges: HttpCodeRange[] = [];
  for (const part of matcher.split(",")) {
    const match = /^\s*(\d{3})\s*(?:-\s*(\d{3})\s*)?$/.exec(part);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = match[2] ? Number(match[2]) : from;
    if (from < 100 || to > 599 || from > to) return undefined;
    ranges.push({ from, to });
  }
  return ranges;
}

export function matchesHttpCode(ranges: HttpCodeRange[], statusCode: number): boolean {
  return ranges.some((range) => statusCode >= range.from && statusCode <= range.to);
}

export async function probeHttpHealth(options: HttpHealthProbeOptions): Promise<HttpHealthProbeResult> {
  const ranges = parseHttpCodeMatcher(options.matcher ?? DEFAULT_MATCHER);
  if (!ranges) throw new RangeError(`Invalid HTTP code matcher: ${JSON.stringify(options.matcher)}`);
  const outcome = await exchange(options, true);
  if (typeof outcome !== "number") return { healthy: false, reason: outcome };
  return matchesHttpCode(ranges, outcome)
    ? { healthy: true, statusCode: outcome }
    : { healthy: false, reason: "ResponseCodeMismatch", statusCode: outcome };
}

/** Resolves to the status code once the body is read, or to why there was none. */
function exchange(options: HttpHealthProbeOptions, mayRetry: boolean): Promise<number | "Timeout" | "ConnectionRefused"> {
  return new Promise((resolve) => {
    const req = request({
      host: options.host,
      port: options.port,
      path: options.path ?? DEFAULT_HEALTH_PATH,
      method: "GET",
      agent: probeAgent,
      headers: { "user-agent": "Slipway-HealthChecker/1.0" },
    });
    const deadline = responsiveDeadline(options.timeoutMs, () => {
      settle("Timeout");
      req.destroy();
    });
    let settled = false;
    function settle(outcome: number | "Timeout" | "ConnectionRefused") {
      if (settled) return;
      settled = true;
      deadline.cancel();
      resolve(outcome);
    }
    req.on("response", (res) => {
      res.on("end", () => settle(res.statusCode ?? 0));
      // The target hung up mid-body.
      res.on("close", () => settle("ConnectionRefused"));
      res.resume();
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (settled) return;
      // A pooled socket the server closed while idle is not the target's fault: try once afresh.
      if (mayRetry && req.reusedSocket && error.code === "ECONNRESET") {
        deadline.cancel();
        settled = true;
        void exchange(options, false).then(resolve);
        return;
      }
      settle("ConnectionRefused");
    });
    req.end();
  });
}

/**
 * The path an ECS container health check command fetches, e.g.
 * `["CMD-SHELL", "curl -f http://localhost/health || exit 1"]` → `{ path: "/health" }`.
 * A command naming no URL checks "/health"; `NONE` or an empty command means no check.
 */
export function interpretContainerHealthCommand(command: string[] | undefined): { path: string } | undefined {
  if (!command || command.length === 0 || command[0] === "NONE") return undefined;
  const [kind, ...rest] = command;
  const words = kind === "CMD-SHELL" ? shellWords(rest.join(" ")) : kind === "CMD" ? rest : command;
  if (words.every((word) => word.trim() === "")) return undefined;
  for (const word of words) {
    const path = urlPath(word);
    if (path) return { path };
  }
  return { path: DEFAULT_HEALTH_PATH };
}

/** Splits a shell command into words, honouring quotes and treating `|`, `;` and `&` as breaks. */
function shellWords(script: string): string[] {
  const words: string[] = [];
  let word = "";
  let quote: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < script.length) word += script[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "\\" && i + 1 < script.length) {
      word += script[++i];
    } else if (/[\s|;&]/.test(c)) {
      if (word) words.push(word);
      word = "";
    } else {
      word += c;
    }
  }
  if (word) words.push(word);
  return words;
}

const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::[^/]*)?(?:[/?]|$)/i;

/**
 * `http://localhost:8080/ready?deep=1` → `/ready?deep=1`. Also finds URLs inside options
 * (`--url=http://…`) and scheme-less local ones (`localhost/health`), as curl accepts. The host
 * and port are not kept: the probe always targets the task's own address.
 */
function urlPath(word: string): string | undefined {
  const schemeAt = word.search(/https?:\/\//i);
  let rest: string;
  if (schemeAt >= 0) rest = word.slice(schemeAt).replace(/^https?:\/\//i, "");
  else if (LOCAL_HOST.test(word)) rest = word;
  else return undefined;
  const pathAt = rest.search(/[/?]/);
  // Quotes, brackets and fragments end the URL, e.g. in `python -c "urlopen('http://…/healthz')"`.
  const path = pathAt < 0 ? "/" : rest.slice(pathAt).split(/[\s'"`<>)#]/, 1)[0];
  return path.startsWith("/") ? path : `/${path}`;
}
