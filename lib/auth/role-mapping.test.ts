import { describe, expect, it } from "vitest";
import { groupsInClaim, mapsNoRole, OidcConfigError, roleMappingFromEnv, rolesFromClaims, type RoleMappingEnv } from "./role-mapping";
import { isRole, ROLES } from "./roles";

const EXAMPLE: RoleMappingEnv = {
  SLIPWAY_OIDC_ROLES: "admin=platform-admins,deployer=developers;ops,approver=release-managers",
  SLIPWAY_OIDC_ROLE_EMAILS: "admin=alice@example.com;bob@example.com,approver=*@example.com",
};

function roles(claims: Record<string, unknown>, env: RoleMappingEnv = EXAMPLE) {
  return rolesFromClaims(claims, roleMappingFromEnv(env));
}

function configError(env: RoleMappingEnv): string {
  try {
    roleMappingFromEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(OidcConfigError);
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
}

describe("isRole", () => {
  it("knows the four roles and nothing else", () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const other of ["Admin", "owner", "", " viewer", undefined, null, 1, ["admin"]]) expect(isRole(other)).toBe(false);
  });
});

describe("roleMappingFromEnv", () => {
  it("reads groups and emails per role, with groups as the default claim", () => {
    expect(roleMappingFromEnv(EXAMPLE)).toEqual({
      claim: "groups",
      groups: { viewer: [], deployer: ["developers", "ops"], approver: ["release-managers"], admin: ["platform-admins"] },
      emails: { viewer: [], deployer: [], approver: ["*@example.com"], admin: ["alice@example.com", "bob@example.com"] },
    });
  });

  it("forgives spaces, empty entries and a role named twice", () => {
    const mapping = roleMappingFromEnv({
      SLIPWAY_OIDC_ROLE_CLAIM: "  roles ",
      SLIPWAY_OIDC_ROLES: " admin = Platform Admins ; ops ,, admin=root, ",
      SLIPWAY_OIDC_ROLE_EMAILS: "viewer= Carol@Example.COM ;",
    });
    expect(mapping.claim).toBe("roles");
    expect(mapping.groups.admin).toEqual(["Platform Admins", "ops", "root"]);
    expect(mapping.emails.viewer).toEqual(["carol@example.com"]);
  });

  it("reads nothing set as no rule at all", () => {
    const mapping = roleMappingFromEnv({ SLIPWAY_OIDC_ROLE_CLAIM: "", SLIPWAY_OIDC_ROLES: " " });
    expect(mapping.claim).toBe("groups");
    expect(mapsNoRole(mapping)).toBe(true);
    expect(mapsNoRole(roleMappingFromEnv({ SLIPWAY_OIDC_ROLES: "viewer=*" }))).toBe(false);
    expect(mapsNoRole(roleMappingFromEnv({ SLIPWAY_OIDC_ROLE_EMAILS: "viewer=*@example.com" }))).toBe(false);
  });

  it("names the variable and the entry that is not a role", () => {
    const message = configError({ SLIPWAY_OIDC_ROLES: "admn=platform-admins" });
    expect(message).toContain('SLIPWAY_OIDC_ROLES: "admn=platform-admins": "admn" is not a role');
    expect(message).toContain("viewer, deployer, approver, admin");
  });

  it("refuses an entry without =, a role given no group, and a group pattern", () => {
    expect(configError({ SLIPWAY_OIDC_ROLES: "admin=a,platform-admins" })).toContain('"platform-admins" should be role=group;group');
    expect(configError({ SLIPWAY_OIDC_ROLES: "admin= ; " })).toContain('"admin= ;" names no group for admin');
    expect(configError({ SLIPWAY_OIDC_ROLES: "deployer=dev-*" })).toContain('"dev-*": a group is a name or * alone');
  });

  it("refuses what is neither an address nor *@domain", () => {
    for (const pattern of ["alice", "*", "*@*.example.com", "a*@example.com", "a@b@example.com", "@example.com"]) {
      expect(configError({ SLIPWAY_OIDC_ROLE_EMAILS: `admin=${pattern}` })).toContain(`SLIPWAY_OIDC_ROLE_EMAILS: "${pattern}" is neither`);
    }
  });

  it("refuses a claim name with spaces or an empty path segment", () => {
    for (const claim of ["my groups", "realm_access..roles", ".groups"]) {
      expect(configError({ SLIPWAY_OIDC_ROLE_CLAIM: claim })).toContain("SLIPWAY_OIDC_ROLE_CLAIM: should be a claim name");
    }
  });

  it("names every wrong variable at once", () => {
    const message = configError({ SLIPWAY_OIDC_ROLES: "boss=x", SLIPWAY_OIDC_ROLE_EMAILS: "admin=alice" });
    expect(message).toContain("SLIPWAY_OIDC_ROLES:");
    expect(message).toContain("SLIPWAY_OIDC_ROLE_EMAILS:");
  });
});

describe("groupsInClaim", () => {
  it("reads an array, one string, or names separated by spaces or commas", () => {
    expect([...groupsInClaim({ groups: ["a", " b ", "", 7, null] }, "groups")]).toEqual(["a", "b"]);
    expect([...groupsInClaim({ groups: "release-managers" }, "groups")]).toEqual(["release-managers"]);
    expect([...groupsInClaim({ groups: "a b,c , d" }, "groups")]).toEqual(["a", "b", "c", "d"]);
  });

  it("reads nothing from a missing claim or one of another shape", () => {
    for (const groups of [undefined, null, 3, true, { a: 1 }]) expect(groupsInClaim({ groups }, "groups").size).toBe(0);
    expect(groupsInClaim({}, "groups").size).toBe(0);
  });

  it("prefers a claim by the exact name, else follows a dotted path", () => {
    expect([...groupsInClaim({ "https://example.com/groups": ["a"] }, "https://example.com/groups")]).toEqual(["a"]);
    expect([...groupsInClaim({ realm_access: { roles: ["ops"] } }, "realm_access.roles")]).toEqual(["ops"]);
    expect(groupsInClaim({ realm_access: ["ops"] }, "realm_access.roles").size).toBe(0);
    expect(groupsInClaim({ groups: ["a"] }, "toString").size).toBe(0);
    expect(groupsInClaim({ groups: ["a"] }, "groups.constructor").size).toBe(0);
  });
});

describe("rolesFromClaims", () => {
  it("gives the role of each matching group, in the order of the roles", () => {
    expect(roles({ groups: ["release-managers"] })).toEqual(["approver"]);
    expect(roles({ groups: ["platform-admins", "ops"] })).toEqual(["deployer", "admin"]);
    expect(roles({ groups: "ops release-managers" })).toEqual(["deployer", "approver"]);
  });

  it("gives an admin just admin: the permission matrix gives it the rest", () => {
    expect(roles({ groups: ["platform-admins"] })).toEqual(["admin"]);
  });

  it("gives nothing when nothing matches, and matches groups exactly", () => {
    expect(roles({ groups: ["readers"] })).toEqual([]);
    expect(roles({ groups: ["Release-Managers", "release-managers-2"] })).toEqual([]);
    expect(roles({})).toEqual([]);
  });

  it("gives a * role to everyone who signs in, with or without groups", () => {
    const env = { SLIPWAY_OIDC_ROLES: "viewer=*,approver=release-managers" };
    expect(roles({}, env)).toEqual(["viewer"]);
    expect(roles({ groups: ["release-managers"] }, env)).toEqual(["viewer", "approver"]);
  });

  it("reads groups from the configured claim only", () => {
    const env = { SLIPWAY_OIDC_ROLE_CLAIM: "realm_access.roles", SLIPWAY_OIDC_ROLES: "deployer=ops" };
    expect(roles({ realm_access: { roles: ["ops"] } }, env)).toEqual(["deployer"]);
    expect(roles({ groups: ["ops"] }, env)).toEqual([]);
  });

  it("gives roles by a verified address, or by its domain, without regard to case", () => {
    expect(roles({ email: "Alice@Example.com", email_verified: true })).toEqual(["approver", "admin"]);
    expect(roles({ email: "dan@example.com", email_verified: true })).toEqual(["approver"]);
    expect(roles({ email: "dan@example.com", email_verified: "true" })).toEqual(["approver"]);
  });

  it("gives nothing by an address the provider does not vouch for", () => {
    for (const email_verified of [false, undefined, "false", 1, "yes"]) {
      expect(roles({ email: "alice@example.com", email_verified })).toEqual([]);
    }
  });

  it("matches a domain as a whole, never a longer one or a subdomain", () => {
    for (const email of ["dan@notexample.com", "dan@mail.example.com", "dan@example.com.evil.test", "example.com"]) {
      expect(roles({ email, email_verified: true })).toEqual([]);
    }
  });

  it("combines groups and emails", () => {
    expect(roles({ groups: ["developers"], email: "eve@example.com", email_verified: true })).toEqual(["deployer", "approver"]);
  });
});
