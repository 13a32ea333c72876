import "server-only";
import type { Role } from "@/lib/auth/roles";

export interface Actor {
  id: string;
  name: string;
  email?: string;
  roles: Role[];
}

/** Who is making this request, or undefined when signed out. Until sign-in lands, everyone is the admin. */
export async function currentActor(): Promise<Actor | undefined> {
  return { id: "admin", name: "Admin", roles: ["admin"] };
}
