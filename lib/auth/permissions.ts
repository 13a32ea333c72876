import type { Role } from "./roles";

/** What a role allows; see-secrets: secret-looking environment values and secrets' sources unmasked. */
export type Permission = "read" | "operate" | "approve" | "audit" | "see-secrets";

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ["read"],
  deployer: ["read", "operate"],
  approver: ["read", "approve"],
  admin: ["read", "operate", "approve", "audit", "see-secrets"],
};

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => GRANTS[role].includes(permission));
}
