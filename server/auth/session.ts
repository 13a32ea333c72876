import "server-only";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { cookies } from "next/headers";
import { can, isMutation, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { isLive, sharedSessionStore, type SessionStore } from "./session-store";
import { findLocalUser } from "./users";

export type { Actor };

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
 * The person behind a live session, as they are now: a password user's name and roles from the
 * users file (someone no longer in it has their session ended here), single sign-on's from
 * sign-in. Undefined for a session that ended, expired or never was.
 */
export async function actorOfSession(sessionId: unknown, store: SessionStore = sharedSessionStore(), env: NodeJS.ProcessEnv = process.env): Promise<Actor | undefined> {
  if (typeof sessionId !== "string" || !sessionId) return undefined;
  const session = store.find(sessionId);
  if (!session || !isLive(session)) return undefined;
  let person: Omit<Actor, "id" | "sessionId"> = { name: session.name, ...(session.email ? { email: session.email } : {}), roles: session.roles };
  if (session.source === "password") {
    const user = await findLocalUser(session.userId, env).catch((error: unknown) => {
      // A users file that cannot be read lets nobody in until it is fixed, rather than everybody as they were.
      console.error(error instanceof Error ? error.message : error);
      return null;
    });
    if (user === null) return undefined;
    if (!user) {
      store.end(session.id, "Slipway", "No longer in the users file.");
      return undefined;
    }
    person = { name: user.name, ...(user.email ? { email: user.email } : {}), roles: user.roles };
  }
  if (!person.roles.length) return undefined;
  store.touch(session);
  return { id: session.userId, ...person, sessionId: session.id };
}

/**
 * The signed-in person, from the session cookie next-auth set (decrypted with NEXTAUTH_SECRET;
 * an expired, forged or foreign cookie reads as nobody) and the server-side session it names,
 * or undefined. Read once per page render (the layout, the page and its reads all ask).
 */
export const currentActor = cache(async (): Promise<Actor | undefined> => {
  const token = await sessionToken();
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return undefined;
  const claims = await decode({ token, secret }).catch(() => null);
  if (!claims?.sub || (typeof claims.exp === "number" && claims.exp * 1000 < Date.now())) return undefined;
  return actorOfSession(claims.sid);
});

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
  "manage-sessions": "see or end people's sessions",
};
