import "server-only";
import { isKnownRegion } from "@/lib/aws-regions";
import type { Connection } from "./connection";
import { listProfiles } from "./profiles";
import { defaultConnection } from "./target-summary";
import type { Environment } from "./target";

/**
 * Whether a connection names a region and a profile that exist here, as opposed to merely
 * looking like them: the connection cookie comes from the browser, and each connection gets
 * SDK clients of its own (clients.ts), so a made-up region must not get that far.
 *
 * - A region is known when ECS runs there (lib/aws-regions.ts), when it is the region the SDK
 *   would use anyway (AWS_REGION or AWS_DEFAULT_REGION, local ECS's included), or when a profile
 *   of the shared config files names it.
 * - A profile is known when the shared config files have it, as profiles.ts reads them.
 *
 * The files are read only when the region alone cannot settle it, or a profile is named.
 */
export async function isKnownConnection(connection: Connection, env: Environment = process.env): Promise<boolean> {
  const regionKnown = isKnownRegion(connection.region) || connection.region === defaultConnection(env).region;
  if (regionKnown && connection.profile === undefined) return true;
  // Unreadable files name no profile and no region, as the picker then offers none.
  const profiles = await listProfiles().catch(() => []);
  if (connection.profile !== undefined && !profiles.some((profile) => profile.name === connection.profile)) return false;
  return regionKnown || profiles.some((profile) => profile.region === connection.region);
}
