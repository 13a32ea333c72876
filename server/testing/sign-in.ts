import { encode } from "next-auth/jwt";
import type { Role } from "@/lib/auth/roles";
import { cookies } from "./next-headers";

/**
 * Unit tests act as someone the way a browser does: with a session cookie next-auth would
 * have set, encrypted with the tests' NEXTAUTH_SECRET (vitest.config.ts), in the test cookie jar.
 */
export async function signInForTests(person: { id: string; name: string; email?: string; roles: Role[] }): Promise<void> {
  const token = await encode({ token: { sub: person.id, name: person.name, email: person.email, roles: person.roles }, secret: process.env.NEXTAUTH_SECRET! });
  (await cookies()).set("next-auth.session-token", token);
}

export async function signOutForTests(): Promise<void> {
  (await cookies()).delete("next-auth.session-token");
}
