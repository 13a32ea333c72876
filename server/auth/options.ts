import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isRole, type Role } from "@/lib/auth/roles";
import { oidcProviderFromEnv } from "./oidc";
import { authenticate } from "./users";

/**
 * next-auth's configuration: a password sign-in for the users of the users file and the demo
 * admin, sessions in a signed, encrypted cookie (JWT) that expire after SLIPWAY_SESSION_HOURS
 * (8 by default), and the person's roles carried in it. The secret is NEXTAUTH_SECRET.
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
  return {
    secret: env.NEXTAUTH_SECRET,
    providers: [passwordSignIn, ...optional(oidcProviderFromEnv(env))],
    session: { strategy: "jwt", maxAge: sessionSeconds(env) },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      // Someone whose groups or email give no role may not sign in: the sign-in page says so.
      signIn({ user }) {
        return rolesOf((user as { roles?: unknown }).roles).length > 0;
      },
      // Single sign-on's profile() puts the roles on `user` too (server/auth/oidc.ts).
      jwt({ token, user }) {
        // `user` is there only at sign-in: what it says is kept for the session's life.
        if (user) token.roles = rolesOf((user as { roles?: unknown }).roles);
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub ?? "", roles: rolesOf(token.roles) } };
      },
    },
  };
}
