import "server-only";
import type { Role } from "@/lib/auth/roles";

export interface Actor {
  id: string;
  name: string;
  email?: string;
  roles: Role[];
}

/** The person behind the request, or undefined when signed out. Until sign-in exists, no one is signed in. */
export async function currentActor(): Promise<Actor | undefined> {
  return undefined;
}
