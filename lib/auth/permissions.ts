import type { Role } from "./roles";

export type Permission = "read" | "operate" | "approve" | "audit" | "see-secrets";

/** Whether someone holding `roles` may do what `permission` covers. Until the role matrix lands, only an admin may. */
export function can(roles: readonly Role[], _permission: Permission): boolean {
  return roles.includes("admin");
}
