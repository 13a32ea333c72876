/** Who may do what, by role (design.md, Auth). A person may hold several. */
export const ROLES = ["viewer", "deployer", "approver", "admin"] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
