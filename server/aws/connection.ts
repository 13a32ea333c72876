import "server-only";

/** Where a request goes: a region, and optionally a named profile of the shared config files. Both are chosen in the UI. */
export interface Connection {
  region: string;
  profile?: string;
}

/** A region or profile that could not have come from the UI's choices. */
export class InvalidConnectionError extends Error {
  override readonly name = "InvalidConnectionError";
}

// The region becomes part of a hostname, so only region-shaped values get through.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const PROFILE = /^[\w.@+=,:/-]{1,128}$/;

export function checkConnection(connection: Connection): void {
  if (!REGION.test(connection.region)) throw new InvalidConnectionError(`"${connection.region}" is not an AWS region.`);
  if (connection.profile !== undefined && !PROFILE.test(connection.profile)) {
    throw new InvalidConnectionError(`"${connection.profile}" is not a profile name.`);
  }
}

/** Identifies a connection in cache keys; a missing profile is the default chain's choice, not "default". */
export function connectionKey(connection: Connection): string {
  return JSON.stringify([connection.region, connection.profile ?? null]);
}
