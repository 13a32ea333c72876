import { z } from "zod";

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** The region and profile picked at the top of the page (lib/connection-choice.ts), checked by the server action. */
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
