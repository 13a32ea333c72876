import type { ThrottleMode } from "./engine/throttling";

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
}

const THROTTLE_MODES: readonly ThrottleMode[] = ["off", "on", "tight"];

export type CliCommand = { kind: "help" } | { kind: "run"; options: CliOptions };

/** A mistake on the command line: the message names the flag and is shown as it is. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

export function helpText(program: string): string {
  return `Usage: ${program} [flags]

Starts local ECS, an emulator of the Amazon ECS API, on loopback.

  --port N          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDR       address to bind (default ${DEFAULT_HOST})
  --data-dir DIR    where state is kept across restarts (default ${DEFAULT_DATA_DIR})
  --time-scale X    emulated seconds per real second, > 0 (default 1; 60 = a minute per second)
  --region NAME     region used in ARNs and by default (default ${DEFAULT_REGION})
  --throttling M    ECS API rate limits: off, on (AWS's) or tight (default off)
  --no-seed         do not create the demo account on first start
  --reset           wipe the data directory first
  --log-requests    print one line per API call
  --help            show this text`;
}

const VALUE_FLAGS = new Set(["--port", "--host", "--data-dir", "--time-scale", "--region", "--throttling"]);
const SWITCHES = new Set(["--no-seed", "--reset", "--log-requests", "--help", "-h"]);

export function parseCliOptions(argv: readonly string[]): CliCommand {
  const values = new Map<string, string>();
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
      values.set(flag, value);
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
  const scale = Number(raw);
  // Number("") is 0 and Number("1e400") is Infinity: both are caught here.
  if (raw.trim() === "" || !Number.isFinite(scale) || scale <= 0) {
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
