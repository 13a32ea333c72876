import { z } from "zod";

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

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export const chooseConnectionInput = z.object({
  region: z.string().trim().regex(REGION, "Pick a region, such as us-east-1."),
  /** Empty: the SDK's default chain (AWS_PROFILE, else "default"). */
  profile: z
    .string()
    .trim()
    .max(128, "A profile name is at most 128 characters.")
    .regex(/^[\w.@+=,:/-]*$/, "That is not a profile name.")
    .transform((value) => value || undefined),
});

export type ChooseConnectionInput = z.input<typeof chooseConnectionInput>;

/** "us-east-1 · prod", or the region alone for the default chain. */
export function connectionLabel({ region, profile }: { region: string; profile?: string }): string {
  return profile ? `${region} · ${profile}` : region;
}
