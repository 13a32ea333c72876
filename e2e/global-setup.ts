import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalEcs } from "../emulator/local-ecs";
import { hashPassword } from "../server/auth/password-hash";
import { seedDemo } from "../emulator/seed/demo";
import { buildNeeded } from "../scripts/build-freshness";
import { buildDashboard, dashboardEnvironment, firstFreePort, ROOT, startDashboard, type DashboardSignIn, type DashboardTarget } from "../scripts/dashboard";
import { signInOverHttp } from "../scripts/sign-in-over-http";
import { assertLocalUrl } from "./local-only";
import { startTestIdentityProvider, type TestIdentityProvider } from "./oidc/test-identity-provider";
import { PEOPLE, storageStateOf, type Person } from "./people";

/**
 * Boots the stack the tests click through: local ECS in this process, in memory, seeded with
 * the demo account, and the dashboard's production build (rebuilt first when its sources are
 * newer) pointed at it, both on free loopback ports. The tests find the dashboard through
 * SLIPWAY_BASE_URL, which Playwright's workers inherit.
 */
const REGION = "us-east-1";
/** Thirty emulated seconds a second: the seed's rollouts take seconds, its canary's timeout stays a day (48 real minutes) away. */
const TIME_SCALE = 30;
const FIRST_PORT = 3100;
/** What the dashboard holds that no browser may ever see; e2e/security.spec.ts looks for each value. */
const SECRET_VARIABLES = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "NEXTAUTH_SECRET", "SLIPWAY_ADMIN_PASSWORD", "SLIPWAY_OIDC_CLIENT_SECRET"];

/** The values of SECRET_VARIABLES that the dashboard is started with (as startDashboard passes them), as JSON by name. */
function secretsOf(target: DashboardTarget, signIn: DashboardSignIn): string {
  const environment: Record<string, string | undefined> = {
    ...dashboardEnvironment(process.env, target),
    NEXTAUTH_SECRET: signIn.sessionSecret,
    SLIPWAY_ADMIN_PASSWORD: signIn.adminPassword,
    ...signIn.oidc,
  };
  return JSON.stringify(Object.fromEntries(SECRET_VARIABLES.filter((name) => environment[name]).map((name) => [name, environment[name]])));
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** The users file of the test people (all but the admin, who is the demo admin), in a fresh temporary directory. */
async function writeUsersFile(): Promise<string> {
  const users = await Promise.all(
    (Object.keys(PEOPLE) as Person[])
      .filter((person) => person !== "admin")
      .map(async (person) => ({ username: person, name: PEOPLE[person].name, roles: PEOPLE[person].roles, passwordHash: await hashPassword(PEOPLE[person].password) })),
  );
  const path = join(mkdtempSync(join(tmpdir(), "slipway-e2e-")), "users.json");
  writeFileSync(path, JSON.stringify({ users }, null, 2));
  return path;
}

/** Each person signs in once, over HTTP; Playwright starts each test with their cookies. */
async function saveSignIns(baseUrl: string): Promise<void> {
  mkdirSync(join(ROOT, "e2e", ".auth"), { recursive: true });
  const { hostname } = new URL(baseUrl);
  for (const person of Object.keys(PEOPLE) as Person[]) {
    const cookies = await signInOverHttp(baseUrl, person, PEOPLE[person].password);
    const state = {
      cookies: cookies.map((cookie) => ({ ...cookie, domain: hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" as const })),
      origins: [],
    };
    writeFileSync(join(ROOT, storageStateOf(person)), JSON.stringify(state));
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = performance.now();
  let identityProvider: TestIdentityProvider | undefined;
  // The dashboard's own data (the audit log) starts empty each run, apart from what `npm start` keeps.
  const dataDir = mkdtempSync(join(tmpdir(), "slipway-e2e-"));
  process.env.SLIPWAY_DATA_DIR = dataDir;
  const local = await startLocalEcs({ port: 0, host: "127.0.0.1", timeScale: TIME_SCALE, region: REGION });
  try {
    assertLocalUrl(local.endpoint, "local ECS at");
    const reason = buildNeeded(ROOT);
    if (reason) console.log(`Building the dashboard, as ${reason}…`);
    await Promise.all([seedDemo(local.endpoint, { region: REGION }), reason ? buildDashboard() : undefined]);
    const port = await firstFreePort(FIRST_PORT, "127.0.0.1");
    const target = { endpoint: local.endpoint, region: REGION };
    // A real OpenID Connect provider on loopback, for single sign-on (e2e/oidc-sign-in.spec.ts).
    identityProvider = await startTestIdentityProvider({ dashboardUrl: `http://localhost:${port}` });
    assertLocalUrl(identityProvider.issuer, "an identity provider at");
    const usersFile = await writeUsersFile();
    // Tests about sessions add and remove people of their own while the dashboard runs (e2e/users-file.ts).
    process.env.SLIPWAY_E2E_USERS_FILE = usersFile;
    const signIn: DashboardSignIn = {
      sessionSecret: randomBytes(32).toString("base64url"),
      adminPassword: PEOPLE.admin.password,
      usersFile,
      oidc: identityProvider.dashboardEnv,
    };
    const dashboard = await startDashboard({
      mode: "start",
      target,
      port,
      signIn,
      onOutput: (line) => console.error(`dashboard: ${line}`),
    });
    assertLocalUrl(dashboard.url, "a dashboard at");
    process.env.SLIPWAY_BASE_URL = dashboard.url;
    await saveSignIns(dashboard.url);
    // Tests that change things set up their own clusters through the SDK (e2e/scratch.ts).
    process.env.SLIPWAY_LOCAL_ECS_URL = local.endpoint;
    process.env.SLIPWAY_DASHBOARD_SECRETS = secretsOf(target, signIn);
    console.log(`Stack ready in ${seconds(started)}: dashboard ${dashboard.url}, local ECS ${local.endpoint}.`);
    return async () => {
      await dashboard.stop();
      await identityProvider?.stop();
      await local.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  } catch (error) {
    await identityProvider?.stop();
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
