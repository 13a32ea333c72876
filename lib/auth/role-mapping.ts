import { z } from "zod";
import { isRole, ROLES, type Role } from "./roles";

/**
 * How a single sign-on's claims become Slipway roles, configured in the environment:
 *
 * - `SLIPWAY_OIDC_ROLE_CLAIM`: the claim that lists the user's groups (default `groups`). A
 *   claim by that exact name wins; otherwise a dotted name reads into nested claims, as
 *   Keycloak's `realm_access.roles`. Its value may be an array of strings, one string, or a
 *   string of names separated by spaces or commas.
 * - `SLIPWAY_OIDC_ROLES`: `role=group;group,role=group…`, e.g.
 *   `admin=platform-admins,deployer=developers;ops,viewer=*`. Groups match exactly, case
 *   included; `*` gives the role to everyone who signs in.
 * - `SLIPWAY_OIDC_ROLE_EMAILS`: `role=email;email,…`, each an address or `*@domain`, e.g.
 *   `admin=alice@example.com,approver=*@example.com`. Only for an email the provider says is
 *   verified; matched without regard to case.
 *
 * Roles are not expanded: an admin gets `["admin"]`, and the permission matrix gives it the
 * rest. Nothing matched gives `[]`: signed in, but with no role to act with.
 */

export class OidcConfigError extends Error {
  override name = "OidcConfigError";
}

export interface RoleMapping {
  readonly claim: string;
  /** Per role, the groups that give it; `*` for everyone. */
  readonly groups: Readonly<Record<Role, readonly string[]>>;
  /** Per role, lower-case addresses or `*@domain` patterns. */
  readonly emails: Readonly<Record<Role, readonly string[]>>;
}

export type RoleMappingEnv = Readonly<Record<string, string | undefined>>;

const DEFAULT_CLAIM = "groups";
/** A claim name or a dotted path: no spaces, no empty segment. */
const CLAIM_NAME = /^[^\s.]+(\.[^\s.]+)*$/;
const EMAIL_PATTERN = /^([^@\s*]+|\*)@[^@\s*]+$/;
const ROLE_NAMES = ROLES.join(", ");

type ValueCheck = (value: string) => string | undefined;

function checkGroup(group: string): string | undefined {
  if (group !== "*" && group.includes("*")) return `"${group}": a group is a name or * alone (everyone), not a pattern`;
  return undefined;
}

function checkEmail(pattern: string): string | undefined {
  if (EMAIL_PATTERN.test(pattern)) return undefined;
  return `"${pattern}" is neither an email address nor *@domain`;
}

function noRoles(): Record<Role, string[]> {
  return { viewer: [], deployer: [], approver: [], admin: [] };
}

/** Reads `role=value;value,role=value` into values per role, or names the first wrong entry. */
function parseRoleList(text: string, what: string, check: ValueCheck): Record<Role, string[]> | string {
  const byRole = noRoles();
  for (const rawEntry of text.split(",")) {
    const entry = rawEntry.trim();
    if (entry === "") continue;
    const equals = entry.indexOf("=");
    if (equals < 0) return `"${entry}" should be role=${what};${what}`;
    const role = entry.slice(0, equals).trim();
    if (!isRole(role)) return `"${entry}": "${role}" is not a role (the roles are ${ROLE_NAMES})`;
    const values = entry
      .slice(equals + 1)
      .split(";")
      .map((value) => value.trim())
      .filter((value) => value !== "");
    if (values.length === 0) return `"${entry}" names no ${what} for ${role}`;
    for (const value of values) {
      const problem = check(value);
      if (problem) return problem;
    }
    byRole[role].push(...values);
  }
  return byRole;
}

function roleList(what: string, check: ValueCheck, normalize: (value: string) => string = (value) => value) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      const parsed = parseRoleList(normalize(text ?? ""), what, check);
      if (typeof parsed !== "string") return parsed;
      ctx.addIssue({ code: "custom", message: parsed });
      return z.NEVER;
    });
}

const roleMappingEnv = z.object({
  SLIPWAY_OIDC_ROLE_CLAIM: z
    .string()
    .optional()
    .transform((name) => name?.trim() || DEFAULT_CLAIM)
    .pipe(z.string().regex(CLAIM_NAME, "should be a claim name such as groups, or a dotted path such as realm_access.roles")),
  SLIPWAY_OIDC_ROLES: roleList("group", checkGroup),
  SLIPWAY_OIDC_ROLE_EMAILS: roleList("email", checkEmail, (text) => text.toLowerCase()),
});

/** The mapping from the environment; a malformed variable throws an OidcConfigError naming it and the wrong part. */
export function roleMappingFromEnv(env: RoleMappingEnv): RoleMapping {
  const result = roleMappingEnv.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new OidcConfigError(`Single sign-on's role mapping is wrong. ${problems.join(". ")}.`);
  }
  const { SLIPWAY_OIDC_ROLE_CLAIM, SLIPWAY_OIDC_ROLES, SLIPWAY_OIDC_ROLE_EMAILS } = result.data;
  return { claim: SLIPWAY_OIDC_ROLE_CLAIM, groups: SLIPWAY_OIDC_ROLES, emails: SLIPWAY_OIDC_ROLE_EMAILS };
}

/** True when no group and no email gives any role: everyone would sign in to be refused. */
export function mapsNoRole(mapping: RoleMapping): boolean {
  return ROLES.every((role) => mapping.groups[role].length === 0 && mapping.emails[role].length === 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function claimValue(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const segment of name.split(".")) {
    if (!isRecord(value) || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}

/** The groups in a claim: an array of strings, or one string of names separated by spaces or commas. */
export function groupsInClaim(claims: Record<string, unknown>, name: string): Set<string> {
  const value = claimValue(claims, name);
  const names = typeof value === "string" ? value.split(/[\s,]+/) : Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
  return new Set(names.map((group) => group.trim()).filter((group) => group !== ""));
}

/** The address when the provider vouches for it; some providers send `"true"` as a string. */
function verifiedEmail(claims: Record<string, unknown>): string | undefined {
  const { email, email_verified: verified } = claims;
  if (typeof email !== "string" || (verified !== true && verified !== "true")) return undefined;
  return email.trim().toLowerCase() || undefined;
}

function emailMatches(email: string, pattern: string): boolean {
  if (!pattern.startsWith("*@")) return email === pattern;
  return email.slice(email.lastIndexOf("@")) === pattern.slice(1);
}

/** The roles a sign-in's claims give, in the order of ROLES; [] when nothing matches. */
export function rolesFromClaims(claims: Record<string, unknown>, mapping: RoleMapping): Role[] {
  const groups = groupsInClaim(claims, mapping.claim);
  const email = verifiedEmail(claims);
  return ROLES.filter(
    (role) =>
      mapping.groups[role].some((group) => group === "*" || groups.has(group)) ||
      (email !== undefined && mapping.emails[role].some((pattern) => emailMatches(email, pattern))),
  );
}
