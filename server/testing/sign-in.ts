import { encode } from "next-auth/jwt";
import type { Role } from "@/lib/auth/roles";
import { sharedSessionStore } from "@/server/auth/session-store";
import { cookies } from "./next-headers";

/**
 * Unit tests act as someone the way a browser does: with a session on the server (as single
 * sign-on starts one, roles kept with it) and the cookie next-auth would have set naming it,
 * encrypted with the tests' NEXTAUTH_SECRET (vitest.config.ts), in the test cookie jar.
 */
export async function signInForTests(person: { id: string; name: string; email?: string; roles: Role[] }): Promise<string> {
  const session = sharedSessionStore().start({ userId: person.id, name: person.name, ...(person.email ? { email: person.email } : {}), roles: person.roles, source: "single-sign-on", expiresAt: new Date(Date.now() + 3600_000) });
  const token = await encode({ token: { sub: person.id, name: person.name, email: person.email, sid: session.id }, secret: process.env.NEXTAUTH_SECRET! });
  (await cookies()).set("next-auth.session-token", token);
  return session.id;
}

export async function signOutForTests(): Promise<void> {
  (await cookies()).delete("next-auth.session-token");
}
