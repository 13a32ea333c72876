import { describe, expect, it } from "vitest";
import { can, isMutation, PERMISSIONS, permissionsOf, type Permission } from "./permissions";
import { ROLES, type Role } from "./roles";

/** The whole role × permission matrix, written out so a change to it is a visible change here. */
const MATRIX: Record<Role, Record<Permission, boolean>> = {
  viewer: { read: true, operate: false, approve: false, audit: false, "see-secrets": false, "manage-sessions": false },
  deployer: { read: true, operate: true, approve: false, audit: false, "see-secrets": false, "manage-sessions": false },
  approver: { read: true, operate: false, approve: true, audit: false, "see-secrets": false, "manage-sessions": false },
  admin: { read: true, operate: true, approve: true, audit: true, "see-secrets": true, "manage-sessions": true },
};

describe("can", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      it(`${role} ${MATRIX[role][permission] ? "may" : "may not"} ${permission}`, () => {
        expect(can([role], permission)).toBe(MATRIX[role][permission]);
      });
    }
  }

  it("gives no one without a role anything", () => {
    for (const permission of PERMISSIONS) expect(can([], permission)).toBe(false);
  });

  it("adds up several roles: a deployer who approves may do both, but still not audit", () => {
    expect(permissionsOf(["deployer", "approver"])).toEqual(["read", "operate", "approve"]);
  });
});

describe("isMutation", () => {
  it("is what the read-only switch refuses: operating and approving", () => {
    expect(PERMISSIONS.filter(isMutation)).toEqual(["operate", "approve"]);
  });
});
