/**
 * The region and profile a person picks at the top of the page when Slipway talks to real AWS.
 * Names only: credentials stay with the SDK on the server.
 */
export interface ProfileChoice {
  name: string;
  /** The profile's own region, offered when it is picked. */
  region?: string;
}

export interface ConnectionOptions {
  current: { region: string; profile?: string };
  profiles: ProfileChoice[];
}

/** "us-east-1 · prod", or the region alone for the default chain. */
export function connectionLabel({ region, profile }: { region: string; profile?: string }): string {
  return profile ? `${region} · ${profile}` : region;
}
