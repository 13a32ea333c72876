import type { ThrottleMode } from "./engine/throttling";
import { ALLOWED_HOSTS_ENV } from "./protocols/browser-guards";

/**
 * Command-line flags of `npm run emulator` (and `npm start`, which takes the same ones).
 * Pure: parsing never touches the process, so mistakes are reported as one line by the caller.
 */
const DEFAULT_PORT = 4510;
const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_DATA_DIR = ".data/local-ecs";
const DEFAULT_REGION = "us-east-1";

export interface CliOptions {
  port: number;
  host: string;
  dataDir: string;
  timeScale: number;
  seed: boolean;
  reset: boolean;
  region: string;
  logRequests: boolean;
  throttling: ThrottleMode;
  /** Real GET / requests per second sent through each load balancer; 0 sends none. */
  syntheticTraffic: number;
  /** Real milliseconds added to every API call. */
  apiLatencyMs: number;
  /** Fraction (0–1) of API calls that fail with the service's own 5xx error. */
  apiErrorRate: number;
  /** Host names the API answers besides localhost, `*.localhost` and IP addresses. */
  allowedHosts: string[];
}

/** What a launcher may default differently: `npm start` sends synthetic traffic unless told not to. */
export type CliDefaults = Partial<Pick<CliOptions, "syntheticTraffic">>;

const THROTTLE_MODES: readonly ThrottleMode[] = ["off", "on", "tight"];

export type CliCommand = { kind: "help" } | { kind: "run"; options: CliOptions };

/** The environment variables the flags can be given by (only ${ALLOWED_HOSTS_ENV} so far). */
export type CliEnvironment = Readonly<Record<string, string | undefined>>;

/** A mistake on the command line: the message names the flag and is shown as it is. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

export function helpText(program: string, defaults: CliDefaults = {}): string {
  const traffic = defaults.syntheticTraffic ?? 0;
  return `Usage: ${program} [flags]

Starts local ECS, an emulator of the Amazon ECS and ELBv2 APIs, on loopback.

  --port N                port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDR             address to bind (default ${DEFAULT_HOST})
  --data-dir DIR          where state is kept across restarts (default ${DEFAULT_DATA_DIR})
  --time-scale X          emulated seconds per real second, > 0 (default 1; 60 = a minute per second)
  --region NAME           region used in ARNs and by default (default ${DEFAULT_REGION})
  --throttling M          ECS API rate limits: off, on (AWS's) or tight (default off)
  --synthetic-traffic N   real requests per second through each load balancer (default ${traffic})
  --api-latency-ms N      real milliseconds added to every API call (default 0)
  --api-error-rate X      fraction, 0 to 1, of API calls that fail with a 5xx error (default 0)
  --allowed-host NAME     also answer API requests for this host name, besides localhost,
                          *.localhost and IP addresses (repeatable or comma-separated; also
                          ${ALLOWED_HOSTS_ENV})
  --no-seed               do not create the demo account on first start
  --reset                 wipe the data directory first
  --log-requests          print one line per API call
  --help                  show this text`;
}

const VALUE_FLAGS = new Set([
  "--port", "--host", "--data-dir", "--time-scale", "--region", "--throttling",
  "--synthetic-traffic", "--api-latency-ms", "--api-error-rate", "--allowed-host",
]);
/** Flags that may be given more than once, each value adding to the others. */
const REPEATED_FLAGS = new Set(["--allowed-host"]);
/** Enough to watch a canary split; more would only load the laptop. */
const MAX_SYNTHETIC_TRAFFIC = 1000;
/** An hour: beyond it no SDK waits anyway, so a larger value is surely a typo. */
const MAX_API_LATENCY_MS = 3_600_000;
const SWITCHES = new Set(["--no-seed", "--reset", "--log-requests", "--help", "-h"]);

export function parseCliOptions(argv: readonly string[], defaults: CliDefaults = {}, env: CliEnvironment = {}): CliCommand {
  const values = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_FLAGS.has(flag)) {
      const value = flag === arg ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || (flag === arg && value.startsWith("--"))) {
        throw new CliUsageError(`${flag} needs a value`);
      }
      if (REPEATED_FLAGS.has(flag)) repeated.set(flag, [...(repeated.get(flag) ?? []), value]);
      else values.set(flag, value);
    } else if (SWITCHES.has(arg)) {
      switches.add(arg);
    } else if (SWITCHES.has(flag)) {
      throw new CliUsageError(`${flag} takes no value`);
    } else if (arg.startsWith("-")) {
      throw new CliUsageError(`unknown flag ${flag} (see --help)`);
    } else {
      throw new CliUsageError(`unexpected argument "${arg}" (see --help)`);
    }
  }
  if (switches.has("--help") || switches.has("-h")) return { kind: "help" };
  return {
    kind: "run",
    options: {
      port: parsePort(values.get("--port")),
      host: parseHost(values.get("--host")),
      dataDir: parseDataDir(values.get("--data-dir")),
      timeScale: parseTimeScale(values.get("--time-scale")),
      region: parseRegion(values.get("--region")),
      seed: !switches.has("--no-seed"),
      reset: switches.has("--reset"),
      logRequests: switches.has("--log-requests"),
      throttling: parseThrottling(values.get("--throttling")),
      syntheticTraffic: parseSyntheticTraffic(values.get("--synthetic-traffic"), defaults.syntheticTraffic ?? 0),
      apiLatencyMs: parseApiLatency(values.get("--api-latency-ms")),
      apiErrorRate: parseApiErrorRate(values.get("--api-error-rate")),
      allowedHosts: parseAllowedHosts(repeated.get("--allowed-host") ?? [], env[ALLOWED_HOSTS_ENV]),
    },
  };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new CliUsageError(`--port must be a whole number from 0 to 65535, not "${raw}"`);
  return port;
}

function parseHost(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_HOST;
  if (raw.trim() === "") throw new CliUsageError("--host must not be empty");
  return raw;
}

function parseDataDir(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_DATA_DIR;
  if (raw.trim() === "") throw new CliUsageError("--data-dir must not be empty");
  return raw;
}

function parseTimeScale(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const scale = finiteNumber(raw);
  if (scale === undefined || scale <= 0) {
    throw new CliUsageError(`--time-scale must be a number greater than 0, not "${raw}"`);
  }
  return scale;
}

function parseRegion(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_REGION;
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(raw)) {
    throw new CliUsageError(`--region must look like us-east-1, not "${raw}"`);
  }
  return raw;
}

function parseThrottling(raw: string | undefined): ThrottleMode {
  if (raw === undefined) return "off";
  const mode = THROTTLE_MODES.find((m) => m === raw);
  if (!mode) throw new CliUsageError(`--throttling must be off, on or tight, not "${raw}"`);
  return mode;
}

/** Number("") is 0 and Number("1e400") is Infinity: callers reject both through this. */
function finiteNumber(raw: string): number | undefined {
  const value = Number(raw);
  return raw.trim() === "" || !Number.isFinite(value) ? undefined : value;
}

function parseSyntheticTraffic(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const rate = finiteNumber(raw);
  if (rate === undefined || rate < 0 || rate > MAX_SYNTHETIC_TRAFFIC) {
    throw new CliUsageError(`--synthetic-traffic must be a number of requests per second from 0 to ${MAX_SYNTHETIC_TRAFFIC}, not "${raw}"`);
  }
  return rate;
}

function parseApiLatency(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const ms = Number(raw);
  if (!/^\d+$/.test(raw) || ms > MAX_API_LATENCY_MS) {
    throw new CliUsageError(`--api-latency-ms must be a whole number of milliseconds from 0 to ${MAX_API_LATENCY_MS}, not "${raw}"`);
  }
  return ms;
}

function parseApiErrorRate(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const rate = finiteNumber(raw);
  if (rate === undefined || rate < 0 || rate > 1) throw new CliUsageError(`--api-error-rate must be a number from 0 to 1, not "${raw}"`);
  return rate;
}

/** Letters, digits, hyphens, underscores (container names have them) and dots: no scheme, port or path. */
const HOST_NAME = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/i;

function parseAllowedHosts(flagValues: readonly string[], envValue: string | undefined): string[] {
  const names = (source: string, value: string) =>
    value.split(",").map((name) => name.trim()).filter((name) => name !== "").map((name) => {
      if (!HOST_NAME.test(name)) throw new CliUsageError(`${source} takes host names such as ecs.internal, without scheme or port, not "${name}"`);
      return name.toLowerCase();
    });
  const fromFlags = flagValues.map((value) => {
    const given = names("--allowed-host", value);
    if (given.length === 0) throw new CliUsageError("--allowed-host needs a host name");
    return given;
  });
  const all = [...fromFlags.flat(), ...names(ALLOWED_HOSTS_ENV, envValue ?? "")];
  return [...new Set(all)];
}
