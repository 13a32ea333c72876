import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isRole, type Role } from "@/lib/auth/roles";
import { oidcProviderFromEnv } from "./oidc";
import { auditAction } from "@/server/audit/record-action";
import { actorOfSession } from "./session";
import { sharedSessionStore } from "./session-store";
import { clientAddress, refusalCode, sharedSignInLimiter } from "./sign-in-limiter";
import { authenticate } from "./users";

/**
 * next-auth's configuration: a password sign-in for the users of the users file and the demo
 * admin, and single sign-on when configured. The cookie (a signed, encrypted JWT; the secret is
 * NEXTAUTH_SECRET) names a session kept on the server (server/auth/session-store.ts), which
 * expires after SLIPWAY_SESSION_HOURS (8 by default) and ends at sign-out.
 */
const DEFAULT_SESSION_HOURS = 8;

function sessionSeconds(env: NodeJS.ProcessEnv): number {
  const hours = Number(env.SLIPWAY_SESSION_HOURS ?? DEFAULT_SESSION_HOURS);
  return Math.round((Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_SESSION_HOURS) * 3600);
}

/** Longer is not a username of the users file; it is cut here so no one can make the limiter or the log hold it. */
const MAX_USERNAME = 128;

function minutes(ms: number): string {
  const count = Math.round(ms / 60_000);
  return count === 1 ? "1 minute" : `${count} minutes`;
}

function auditSignIn(username: string, address: string | undefined, outcome: "succeeded" | "denied", detail: string, errorCode?: string): void {
  auditAction({ action: "session.sign-in", input: { username, from: address }, outcome, detail, ...(errorCode ? { errorCode } : {}) }, { id: username, name: username });
}

const passwordSignIn = CredentialsProvider({
  id: "password",
  name: "Password",
  credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
  async authorize(credentials, request) {
    const username = (credentials?.username ?? "").slice(0, MAX_USERNAME);
    const address = clientAddress(request?.headers);
    const limiter = sharedSignInLimiter();
    const check = limiter.check(username, address);
    if (!check.allowed) {
      auditSignIn(username, address, "denied", `Refused unchecked: ${check.lockedOut ? "locked" : "too soon"} after failed sign-ins.`, "too-many-sign-ins");
      // next-auth hands the message to the sign-in page as its error code.
      throw new Error(refusalCode(check));
    }
    const user = await authenticate(username, credentials?.password ?? "");
    if (!user) {
      const lockout = limiter.failed(username, address);
      const locked = lockout && `; ${lockout.of === "username" ? "the username" : "the address"} is locked for ${minutes(lockout.forMs)} after ${lockout.failures} failures`;
      auditSignIn(username, address, "denied", `Wrong username or password${locked ?? ""}.`, "wrong-credentials");
      return null;
    }
    limiter.succeeded(username);
    auditSignIn(username, address, "succeeded", "Signed in with a password.");
    return { id: user.username, name: user.name, email: user.email ?? null, roles: user.roles };
  },
});

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

function rolesOf(value: unknown): Role[] {
  return Array.isArray(value) ? value.filter(isRole) : [];
}

export function authOptions(env: NodeJS.ProcessEnv = process.env): NextAuthOptions {
  const maxAge = sessionSeconds(env);
  return {
    secret: env.NEXTAUTH_SECRET,
    providers: [passwordSignIn, ...optional(oidcProviderFromEnv(env))],
    session: { strategy: "jwt", maxAge },
    // NEXTAUTH_URL is the address people use, a TLS proxy's when there is one: over https the cookie is Secure (and "__Secure-" named) even though the proxy talks http to Slipway.
    useSecureCookies: (env.NEXTAUTH_URL ?? "").trim().toLowerCase().startsWith("https://"),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      // Someone whose groups or email give no role may not sign in: the sign-in page says so.
      signIn({ user }) {
        return rolesOf((user as { roles?: unknown }).roles).length > 0;
      },
      // `user` is there only at sign-in (single sign-on's profile() puts the roles on it too, server/auth/oidc.ts): the session starts on the server, and the cookie carries its id.
      jwt({ token, user, account }) {
        if (user) {
          const session = sharedSessionStore().start({
            userId: user.id,
            name: user.name ?? user.id,
            ...(user.email ? { email: user.email } : {}),
            roles: rolesOf((user as { roles?: unknown }).roles),
            source: account?.provider === "password" ? "password" : "single-sign-on",
            expiresAt: new Date(Date.now() + maxAge * 1000),
          });
          token.sid = session.id;
        }
        return token;
      },
      async session({ session, token }) {
        const actor = await actorOfSession(token.sid);
        return { ...session, user: { ...session.user, id: actor?.id ?? "", roles: actor?.roles ?? [] } };
      },
    },
    events: {
      signOut({ token }) {
        if (typeof token?.sid === "string") sharedSessionStore().end(token.sid, typeof token.name === "string" ? token.name : "themselves", "Signed out.");
      },
    },
  };
}
