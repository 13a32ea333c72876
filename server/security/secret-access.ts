import "server-only";
import { can } from "@/lib/auth/permissions";
import { currentActor } from "@/server/auth/session";

/** Whether the person behind this request may see secret values unmasked; no one signed in may not. */
export async function canSeeSecrets(): Promise<boolean> {
  const actor = await currentActor();
  return actor !== undefined && can(actor.roles, "see-secrets");
}
