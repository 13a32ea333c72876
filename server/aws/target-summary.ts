import "server-only";
import type { TargetSummary } from "@/lib/target-summary";
import type { Connection } from "./connection";
import { readTarget, TargetConfigError, type Environment } from "./target";

/**
 * What pages may say about the target (lib/target-summary.ts), and the connection requests go
 * through until a person picks a region and profile (current-connection.ts): the region the
 * SDK would use, and its default credential chain.
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

/** `connection` is the one the request goes through, when the person chose one. */
export function readTargetSummary(env: Environment = process.env, connection?: Connection): TargetSummary {
  try {
    const target = readTarget(env);
    if (target.name === "aws") {
      const region = connection?.region ?? regionOf(env);
      return connection?.profile ? { name: "aws", region, profile: connection.profile } : { name: "aws", region };
    }
    // readTarget has checked that this is set and is a loopback URL.
    const endpoint = env.AWS_ENDPOINT_URL_ECS || env.AWS_ENDPOINT_URL || "";
    return { name: "local", endpoint: displayEndpoint(endpoint), region: regionOf(env) };
  } catch (error) {
    if (error instanceof TargetConfigError) return { name: "misconfigured", problem: error.message };
    throw error;
  }
}
