/** The roles a person can hold, from least to most. */
export const ROLES = ["viewer", "deployer", "approver", "admin"] as const;

export type Role = (typeof ROLES)[number];
