import { describe, expect, it, vi } from "vitest";
import { OidcConfigError } from "@/lib/auth/role-mapping";
import { oidcProviderFromEnv, oidcRolesForJwt, type OidcClaims } from "./oidc";

const COMPLETE = {
  SLIPWAY_OIDC_ISSUER: "https://login.example.com/realms/ops/",
  SLIPWAY_OIDC_CLIENT_ID: "slipway",
  SLIPWAY_OIDC_CLIENT_SECRET: "s3cret",
  SLIPWAY_OIDC_ROLES: "admin=platform-admins,approver=release-managers",
};

function provider(env: Record<string, string | undefined>) {
  const made = oidcProviderFromEnv(env, () => {});
  if (!made) throw new Error("single sign-on was off");
  return made;
}

function configError(env: Record<string, string | undefined>): string {
  try {
    oidcProviderFromEnv(env, () => {});
  } catch (error) {
    expect(error).toBeInstanceOf(OidcConfigError);
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
}

describe("oidcProviderFromEnv", () => {
  it("is off, and says how to turn it on, when no SLIPWAY_OIDC_ variable is set", () => {
    const log = vi.fn();
    expect(oidcProviderFromEnv({ PATH: "/usr/bin", SLIPWAY_OIDC_ISSUER: " ", NEXTAUTH_URL: "http://localhost:3000" }, log)).toBeUndefined();
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0][0]).toBe(
      "Single sign-on is off: set SLIPWAY_OIDC_ISSUER, SLIPWAY_OIDC_CLIENT_ID and SLIPWAY_OIDC_CLIENT_SECRET to sign in through an OpenID Connect provider.",
    );
  });

  it("says it is off once per process, however often the options are built", () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      expect(oidcProviderFromEnv({})).toBeUndefined();
      expect(oidcProviderFromEnv({})).toBeUndefined();
      expect(info).toHaveBeenCalledOnce();
      expect(info.mock.calls[0][0]).toMatch(/^Single sign-on is off/);
    } finally {
      info.mockRestore();
    }
  });

  it("builds an OIDC authorization-code provider with PKCE, state and nonce, reading the ID token", () => {
    const log = vi.fn();
    const made = oidcProviderFromEnv(COMPLETE, log);
    expect(log).not.toHaveBeenCalled();
    expect(made).toMatchObject({
      id: "oidc",
      name: "Single sign-on",
      type: "oauth",
      wellKnown: "https://login.example.com/realms/ops/.well-known/openid-configuration",
      clientId: "slipway",
      clientSecret: "s3cret",
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
    });
  });

  it("takes the button's name and extra scopes, each scope once", () => {
    const made = provider({ ...COMPLETE, SLIPWAY_OIDC_NAME: "Acme SSO", SLIPWAY_OIDC_SCOPES: "groups, offline_access openid" });
    expect(made.name).toBe("Acme SSO");
    expect(made.authorization).toEqual({ params: { scope: "openid email profile groups offline_access" } });
  });

  it("makes the user from the ID token's claims, with the roles they map to", async () => {
    const made = provider(COMPLETE);
    const claims: OidcClaims = { sub: "u-1", name: "Olivia", email: "olivia@example.com", groups: ["release-managers"] };
    expect(await made.profile(claims, {})).toEqual({ id: "u-1", name: "Olivia", email: "olivia@example.com", roles: ["approver"] });
    expect(await made.profile({ sub: "u-2", preferred_username: "victor", groups: ["readers"] }, {})).toEqual({
      id: "u-2",
      name: "victor",
      email: undefined,
      roles: [],
    });
    expect(await made.profile({ sub: "u-3" }, {})).toMatchObject({ name: "u-3" });
  });

  it("names what is missing from a partial configuration", () => {
    expect(configError({ SLIPWAY_OIDC_ISSUER: "https://login.example.com" })).toBe(
      "Single sign-on is half configured (SLIPWAY_OIDC_ISSUER set): set SLIPWAY_OIDC_CLIENT_ID and SLIPWAY_OIDC_CLIENT_SECRET too, or none of them.",
    );
    expect(configError({ ...COMPLETE, SLIPWAY_OIDC_CLIENT_SECRET: "" })).toContain("set SLIPWAY_OIDC_CLIENT_SECRET too");
    expect(configError({ SLIPWAY_OIDC_ROLES: "viewer=*" })).toContain(
      "set SLIPWAY_OIDC_ISSUER, SLIPWAY_OIDC_CLIENT_ID and SLIPWAY_OIDC_CLIENT_SECRET too",
    );
  });

  it("refuses a configuration that gives no one a role", () => {
    expect(configError({ ...COMPLETE, SLIPWAY_OIDC_ROLES: undefined })).toContain("set SLIPWAY_OIDC_ROLES (groups per role) or SLIPWAY_OIDC_ROLE_EMAILS");
    expect(provider({ ...COMPLETE, SLIPWAY_OIDC_ROLES: undefined, SLIPWAY_OIDC_ROLE_EMAILS: "viewer=*@example.com" })).toBeDefined();
  });

  it("passes on a wrong role mapping, naming its variable", () => {
    expect(configError({ ...COMPLETE, SLIPWAY_OIDC_ROLES: "root=platform-admins" })).toContain('SLIPWAY_OIDC_ROLES: "root=platform-admins": "root" is not a role');
  });

  it("wants an https issuer, but for one on this machine", () => {
    expect(configError({ ...COMPLETE, SLIPWAY_OIDC_ISSUER: "http://login.example.com" })).toBe(
      'SLIPWAY_OIDC_ISSUER must be an https URL (http only on localhost): "http://login.example.com".',
    );
    expect(configError({ ...COMPLETE, SLIPWAY_OIDC_ISSUER: "login.example.com" })).toContain("SLIPWAY_OIDC_ISSUER is not a URL");
    expect(configError({ ...COMPLETE, SLIPWAY_OIDC_ISSUER: "https://login.example.com/?tenant=1" })).toContain("must have no query or fragment");
    for (const issuer of ["http://127.0.0.1:4000", "http://localhost:4000/"]) {
      expect(provider({ ...COMPLETE, SLIPWAY_OIDC_ISSUER: issuer }).wellKnown).toBe(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
    }
  });

  it("refuses a scope with characters no scope has", () => {
    expect(configError({ ...COMPLETE, SLIPWAY_OIDC_SCOPES: 'groups "admin"' })).toBe('SLIPWAY_OIDC_SCOPES: ""admin"" is not a scope name.');
  });
});

describe("oidcRolesForJwt", () => {
  const profile = { sub: "u-1", groups: ["platform-admins"] };

  it("maps an OIDC sign-in's claims to roles", () => {
    expect(oidcRolesForJwt({ account: { provider: "oidc" }, profile }, COMPLETE)).toEqual(["admin"]);
    expect(oidcRolesForJwt({ account: { provider: "oidc" }, profile: { sub: "u-2" } }, COMPLETE)).toEqual([]);
  });

  it("leaves other providers and later calls (no account) alone", () => {
    expect(oidcRolesForJwt({ account: { provider: "credentials" }, profile }, COMPLETE)).toBeUndefined();
    expect(oidcRolesForJwt({ account: null, profile: undefined }, COMPLETE)).toBeUndefined();
    expect(oidcRolesForJwt({}, COMPLETE)).toBeUndefined();
  });
});
