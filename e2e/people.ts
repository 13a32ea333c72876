import type { Role } from "../lib/auth/roles";

/**
 * Who signs in during the browser tests: the demo admin, and one person per other role from
 * the users file the global setup writes. Tests run as the admin unless they say otherwise
 * (`test.use({ storageState: storageStateOf("vera") })`).
 */
export const PEOPLE = {
  admin: { name: "Demo admin", roles: ["admin"] as Role[], password: "admin-password-for-tests" },
  vera: { name: "Vera Viewer", roles: ["viewer"] as Role[], password: "vera-password-for-tests" },
  dana: { name: "Dana Deployer", roles: ["deployer"] as Role[], password: "dana-password-for-tests" },
  april: { name: "April Approver", roles: ["approver"] as Role[], password: "april-password-for-tests" },
} as const;

export type Person = keyof typeof PEOPLE;

/** Playwright's saved sign-in for each person, written by the global setup. */
export function storageStateOf(person: Person): string {
  return `e2e/.auth/${person}.json`;
}
