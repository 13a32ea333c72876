/**
 * The people of the test identity provider (e2e/oidc/test-identity-provider.ts), apart from
 * it so browser tests can name them without loading the provider.
 */
export interface TestUser {
  name: string;
  email: string;
  email_verified: boolean;
  groups: string[];
}

/** Olivia manages releases; Victor only reads, and his address is not verified. */
export const TEST_USERS: Readonly<Record<string, TestUser>> = {
  olivia: { name: "Olivia Ortiz", email: "olivia@example.com", email_verified: true, groups: ["release-managers"] },
  victor: { name: "Victor Vega", email: "victor@example.com", email_verified: false, groups: ["readers"] },
};

/** Every test user's password. */
export const TEST_USER_PASSWORD = "correct horse battery staple";
