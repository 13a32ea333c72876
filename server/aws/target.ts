import "server-only";
import type { ECSClientConfig } from "@aws-sdk/client-ecs";

/**
 * Which AWS the dashboard talks to, read from `SLIPWAY_TARGET` here and nowhere else.
 *
 * - `local` (the default): local ECS. The SDK finds it through AWS_ENDPOINT_URL_ECS,
 *   AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2 and AWS_ENDPOINT_URL_CLOUDWATCH (or
 *   AWS_ENDPOINT_URL), which this module only
 *   checks: they must be set and point at loopback, so that a missing variable can never
 *   fall through to real AWS. Requests are signed with dummy credentials, so a developer's
 *   own never leave the machine, not even to the emulator.
 * - `aws`: real AWS through the SDK's standard credential chain and shared config files.
 */
export type TargetName = "local" | "aws";

/** The variables read here; process.env is one. (Next's types make NODE_ENV required in NodeJS.ProcessEnv.) */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface Target {
  name: TargetName;
  /** Static credentials for local ECS; undefined leaves the SDK's default chain in charge. */
  credentials?: ECSClientConfig["credentials"];
  /** When true, every request is checked, just before it is sent, to be going to loopback. */
  loopbackOnly: boolean;
}

/** A misconfiguration that would send requests somewhere they must not go. */
export class TargetConfigError extends Error {
  override readonly name = "TargetConfigError";
}

const LOCAL_CREDENTIALS = { accessKeyId: "local-ecs", secretAccessKey: "local-ecs" };

/** The SDK's own variables: a service-specific one wins over the general AWS_ENDPOINT_URL. */
const ENDPOINT_VARIABLES = ["AWS_ENDPOINT_URL_ECS", "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2", "AWS_ENDPOINT_URL_CLOUDWATCH"] as const;

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

function checkLocalEndpoint(env: Environment, variable: (typeof ENDPOINT_VARIABLES)[number]): void {
  const value = env[variable] || env.AWS_ENDPOINT_URL;
  const hint = "Start local ECS with `npm start`, or set SLIPWAY_TARGET=aws (npm start -- --aws) to use real AWS.";
  if (!value) throw new TargetConfigError(`Local mode needs ${variable} (or AWS_ENDPOINT_URL) set to local ECS's address. ${hint}`);
  let hostname: string;
  try {
    hostname = new URL(value).hostname;
  } catch {
    throw new TargetConfigError(`${variable} is not a URL: "${value}".`);
  }
  if (!isLoopbackHost(hostname)) {
    throw new TargetConfigError(`Local mode only talks to loopback, but ${variable} points at ${hostname}. ${hint}`);
  }
}

export function readTarget(env: Environment = process.env): Target {
  const name = env.SLIPWAY_TARGET || "local";
  if (name === "aws") return { name, loopbackOnly: false };
  if (name !== "local") throw new TargetConfigError(`SLIPWAY_TARGET must be "local" or "aws", not "${name}".`);
  // The SDK would ignore the endpoint variables and go to real AWS.
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === "true") {
    throw new TargetConfigError("Local mode cannot run with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true.");
  }
  for (const variable of ENDPOINT_VARIABLES) checkLocalEndpoint(env, variable);
  return { name, credentials: LOCAL_CREDENTIALS, loopbackOnly: true };
}
