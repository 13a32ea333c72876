import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isRole, type Role } from "@/lib/auth/roles";
import { oidcProviderFromEnv } from "./oidc";
import { actorOfSession } from "./session";
import { sharedSessionStore } from "./session-store";
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

const passwordSignIn = CredentialsProvider({
  id: "password",
  name: "Password",
  credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
  async authorize(credentials) {
    const user = await authenticate(credentials?.username ?? "", credentials?.password ?? "");
    return user ? { id: user.username, name: user.name, email: user.email ?? null, roles: user.roles } : null;
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
