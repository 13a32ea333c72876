import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { mapsNoRole, OidcConfigError, roleMappingFromEnv, rolesFromClaims, type RoleMapping } from "@/lib/auth/role-mapping";
import type { Role } from "@/lib/auth/roles";

/**
 * Sign-in through any OpenID Connect provider (Okta, Entra ID, Keycloak, Google Workspace…),
 * configured in the environment:
 *
 * - `SLIPWAY_OIDC_ISSUER`, `SLIPWAY_OIDC_CLIENT_ID`, `SLIPWAY_OIDC_CLIENT_SECRET` (all three,
 *   or single sign-on is off); the provider's redirect URI is `${NEXTAUTH_URL}/api/auth/callback/oidc`;
 * - `SLIPWAY_OIDC_NAME`: the button's "Sign in with …" (default "Single sign-on");
 * - `SLIPWAY_OIDC_SCOPES`: scopes beyond `openid email profile`, e.g. `groups`;
 * - roles: `SLIPWAY_OIDC_ROLE_CLAIM`, `SLIPWAY_OIDC_ROLES`, `SLIPWAY_OIDC_ROLE_EMAILS`
 *   (lib/auth/role-mapping.ts).
 *
 * Roles come from the ID token's claims at sign-in and stay in the session until it expires.
 */

export const OIDC_PROVIDER_ID = "oidc";
const DEFAULT_NAME = "Single sign-on";
const REQUIRED = ["SLIPWAY_OIDC_ISSUER", "SLIPWAY_OIDC_CLIENT_ID", "SLIPWAY_OIDC_CLIENT_SECRET"] as const;
const BASE_SCOPES = ["openid", "email", "profile"];
/** RFC 6749's scope-token: printable ASCII but space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

type Env = Readonly<Record<string, string | undefined>>;

/** The ID token's claims as next-auth hands them over. */
export interface OidcClaims extends Record<string, unknown> {
  sub: string;
  name?: string;
  preferred_username?: string;
  email?: string;
}

/** What a sign-in gives next-auth: `user` in the jwt callback. */
export interface OidcUser {
  id: string;
  name: string;
  email?: string;
  roles: Role[];
}

export interface OidcSettings {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  roleMapping: RoleMapping;
}

function value(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

function list(names: readonly string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Without a trailing slash; https, but for a provider on this machine. */
function issuerUrl(text: string): string {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  const problem = !url
    ? "is not a URL"
    : url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.test(url.hostname))
      ? "must be an https URL (http only on localhost)"
      : url.search || url.hash
        ? "must have no query or fragment"
        : undefined;
  if (problem) throw new OidcConfigError(`SLIPWAY_OIDC_ISSUER ${problem}: "${text}".`);
  return text.replace(/\/+$/, "");
}

function scopeFrom(extra: string | undefined): string {
  const scopes = (extra ?? "").split(/[\s,]+/).filter((scope) => scope !== "");
  const wrong = scopes.find((scope) => !SCOPE_TOKEN.test(scope));
  if (wrong) throw new OidcConfigError(`SLIPWAY_OIDC_SCOPES: "${wrong}" is not a scope name.`);
  return [...new Set([...BASE_SCOPES, ...scopes])].join(" ");
}

/**
 * The settings, or undefined when no SLIPWAY_OIDC_ variable is set. Setting some but not all
 * that are needed, or any wrongly, throws an OidcConfigError that names the variable.
 */
export function oidcSettingsFromEnv(env: Env): OidcSettings | undefined {
  const set = Object.keys(env).filter((name) => name.startsWith("SLIPWAY_OIDC_") && value(env, name));
  if (set.length === 0) return undefined;
  const missing = REQUIRED.filter((name) => !value(env, name));
  if (missing.length > 0) {
    throw new OidcConfigError(`Single sign-on is half configured (${list(set)} set): set ${list(missing)} too, or none of them.`);
  }
  const roleMapping = roleMappingFromEnv(env);
  if (mapsNoRole(roleMapping)) {
    throw new OidcConfigError("Single sign-on gives no one a role: set SLIPWAY_OIDC_ROLES (groups per role) or SLIPWAY_OIDC_ROLE_EMAILS (emails per role).");
  }
  return {
    name: value(env, "SLIPWAY_OIDC_NAME") ?? DEFAULT_NAME,
    issuer: issuerUrl(value(env, "SLIPWAY_OIDC_ISSUER")!),
    clientId: value(env, "SLIPWAY_OIDC_CLIENT_ID")!,
    clientSecret: value(env, "SLIPWAY_OIDC_CLIENT_SECRET")!,
    scope: scopeFrom(value(env, "SLIPWAY_OIDC_SCOPES")),
    roleMapping,
  };
}

export function oidcUser(claims: OidcClaims, mapping: RoleMapping): OidcUser {
  return {
    id: claims.sub,
    name: claims.name || claims.preferred_username || claims.email || claims.sub,
    email: claims.email || undefined,
    roles: rolesFromClaims(claims, mapping),
  };
}

/** next-auth's provider for the settings: authorization code with PKCE, state and nonce; the user from the ID token. */
export function oidcProvider(settings: OidcSettings): OAuthConfig<OidcClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: settings.scope } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile: (claims): OidcUser => oidcUser(claims, settings.roleMapping),
  };
}

let toldOff = false;

/** Once per process: options may be built more than once. */
function tellOnce(message: string): void {
  if (toldOff) return;
  toldOff = true;
  console.info(message);
}

/**
 * The provider for `authOptions.providers`, or undefined (saying why, once) when single
 * sign-on is not configured. A partial or wrong configuration throws, so the dashboard does
 * not run with a sign-in that cannot work.
 */
export function oidcProviderFromEnv(env: Env = process.env, log: (message: string) => void = tellOnce): OAuthConfig<OidcClaims> | undefined {
  const settings = oidcSettingsFromEnv(env);
  if (settings) return oidcProvider(settings);
  log(`Single sign-on is off: set ${list(REQUIRED)} to sign in through an OpenID Connect provider.`);
  return undefined;
}

/**
 * The roles of an OIDC sign-in, for the jwt callback; undefined for any other call. next-auth
 * calls `jwt({ token, user, account, profile })` with account and profile only at sign-in,
 * profile being the ID token's claims:
 *
 *   async jwt({ token, user, account, profile }) {
 *     const oidcRoles = oidcRolesForJwt({ account, profile });
 *     if (oidcRoles) token.roles = oidcRoles;
 *     else if (user) token.roles = user.roles; // the password sign-in's user
 *     return token;
 *   }
 *
 * Without a database adapter next-auth's `user` at an OIDC sign-in is what the provider's
 * profile() made, roles included, so `if (user) token.roles = user.roles` alone gives the same.
 */
export function oidcRolesForJwt(
  { account, profile }: { account?: { provider: string } | null; profile?: object | null },
  env: Env = process.env,
): Role[] | undefined {
  if (account?.provider !== OIDC_PROVIDER_ID || !profile) return undefined;
  return rolesFromClaims(profile as Record<string, unknown>, roleMappingFromEnv(env));
}
