import type { Role } from "./roles";

/**
 * What a role allows, checked on the server for every action and route, and in the browser
 * only to leave out controls a person could not use (a hidden button is not a control).
 *
 * - read: see clusters, services, tasks, task definitions and deployments;
 * - operate: register task definitions, deploy, scale, run and stop tasks, create clusters;
 * - approve: continue or roll back a paused deployment;
 * - audit: read and export the audit log;
 * - see-secrets: see values of secret-looking environment variables and secrets' sources unmasked;
 * - manage-sessions: see who is signed in, and end their sessions.
 */
export const PERMISSIONS = ["read", "operate", "approve", "audit", "see-secrets", "manage-sessions"] as const;

export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ["read"],
  deployer: ["read", "operate"],
  approver: ["read", "approve"],
  admin: PERMISSIONS,
};

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => GRANTS[role].includes(permission));
}

/** Everything the roles allow together, for the browser to decide which controls to show. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSIONS.filter((permission) => can(roles, permission));
}

/** Operations that change something; the read-only switch refuses them all. */
export function isMutation(permission: Permission): boolean {
  return permission === "operate" || permission === "approve";
}
