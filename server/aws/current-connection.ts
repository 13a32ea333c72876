import "server-only";
import { cookies } from "next/headers";
import { checkConnection, InvalidConnectionError, type Connection } from "./connection";
import type { TargetSummary } from "@/lib/target-summary";
import { isKnownConnection } from "./known-connections";
import { defaultConnection, readTargetSummary } from "./target-summary";

/**
 * The connection a request reads and writes through: the region and profile the person chose
 * in the UI (a cookie holding names only, never a credential), else the SDK's default region.
 * A cookie that does not hold a valid choice is ignored, not trusted: one that is not JSON or
 * not region-shaped, and one naming a region or profile that does not exist here
 * (known-connections.ts), which would otherwise get SDK clients of its own.
 */
export const CONNECTION_COOKIE = "slipway-connection";

export function parseConnectionCookie(value: string | undefined): Connection | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null || typeof parsed !== "object") return undefined;
    const { region, profile } = parsed as Record<string, unknown>;
    if (typeof region !== "string" || (profile !== undefined && typeof profile !== "string")) return undefined;
    const connection: Connection = profile === undefined ? { region } : { region, profile };
    checkConnection(connection);
    return connection;
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof InvalidConnectionError) return undefined;
    throw error;
  }
}

export function connectionCookieValue(connection: Connection): string {
  return JSON.stringify(connection);
}

export async function currentConnection(): Promise<Connection> {
  const chosen = parseConnectionCookie((await cookies()).get(CONNECTION_COOKIE)?.value);
  return chosen && (await isKnownConnection(chosen)) ? chosen : defaultConnection();
}

/** What pages say about where this request's reads and writes go. */
export async function currentTargetSummary(): Promise<TargetSummary> {
  return readTargetSummary(process.env, await currentConnection());
}
