import "server-only";
import type { TargetSummary } from "@/lib/target-summary";
import type { Connection } from "./connection";
import { readTarget, TargetConfigError, type Environment } from "./target";

/**
 * What pages may say about the target (lib/target-summary.ts), and the connection they read
 * through until the UI lets a person pick a region and profile: the region the SDK would use.
 */
const FALLBACK_REGION = "us-east-1";

function regionOf(env: Environment): string {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || FALLBACK_REGION;
}

export function defaultConnection(env: Environment = process.env): Connection {
  return { region: regionOf(env) };
}

/** Scheme, host and port only: an endpoint URL may carry a user name or password. */
function displayEndpoint(value: string): string {
  return new URL(value).origin;
}

export function readTargetSummary(env: Environment = process.env): TargetSummary {
  try {
    const target = readTarget(env);
    if (target.name === "aws") return { name: "aws", region: regionOf(env) };
    // readTarget has checked that this is set and is a loopback URL.
    const endpoint = env.AWS_ENDPOINT_URL_ECS || env.AWS_ENDPOINT_URL || "";
    return { name: "local", endpoint: displayEndpoint(endpoint), region: regionOf(env) };
  } catch (error) {
    if (error instanceof TargetConfigError) return { name: "misconfigured", problem: error.message };
    throw error;
  }
}
