import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { can, isMutation, type Permission } from "@/lib/auth/permissions";
import { isRole, type Role } from "@/lib/auth/roles";

/** The person behind a request, as every check and every audit entry knows them. */
export interface Actor {
  id: string;
  name: string;
  email?: string;
  roles: Role[];
}

/** next-auth's session cookie: "__Secure-" over https; split into ".0", ".1"… when it grows past a cookie's size. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

async function sessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const whole = jar.get(name)?.value;
    if (whole) return whole;
    const chunks = jar
      .getAll()
      .filter((cookie) => cookie.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length) return chunks.map((cookie) => cookie.value).join("");
  }
  return undefined;
}

/**
 * The signed-in person, from the session cookie next-auth set (decrypted with NEXTAUTH_SECRET;
 * an expired, forged or foreign cookie reads as nobody), or undefined.
 */
export async function currentActor(): Promise<Actor | undefined> {
  const token = await sessionToken();
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return undefined;
  const claims = await decode({ token, secret }).catch(() => null);
  if (!claims?.sub || (typeof claims.exp === "number" && claims.exp * 1000 < Date.now())) return undefined;
  const roles = Array.isArray(claims.roles) ? claims.roles.filter(isRole) : [];
  const name = typeof claims.name === "string" && claims.name ? claims.name : claims.sub;
  return { id: claims.sub, name, ...(typeof claims.email === "string" && claims.email ? { email: claims.email } : {}), roles };
}

/** SLIPWAY_READ_ONLY=true: the whole instance refuses every change, whoever asks. */
export function readOnly(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SLIPWAY_READ_ONLY === "true";
}

export type Refusal = { status: 401 | 403; message: string };

/** Why `actor` may not do what `permission` covers, or undefined when they may. */
export function refusalFor(actor: Actor | undefined, permission: Permission): Refusal | undefined {
  if (!actor) return { status: 401, message: "Sign in first." };
  if (isMutation(permission) && readOnly()) return { status: 403, message: "This Slipway is read-only: nothing can be changed through it." };
  if (!can(actor.roles, permission)) {
    const roles = actor.roles.length ? actor.roles.join(", ") : "no role";
    return { status: 403, message: `${actor.name} (${roles}) may not ${PERMISSION_WORDS[permission]}.` };
  }
  return undefined;
}

const PERMISSION_WORDS: Record<Permission, string> = {
  read: "see this",
  operate: "change services, tasks or clusters",
  approve: "approve or roll back deployments",
  audit: "read the audit log",
  "see-secrets": "see secret values",
};
