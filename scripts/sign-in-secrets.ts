import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";

/**
 * What `npm start` gives the dashboard for signing in: the secret that signs and encrypts
 * session cookies, and the demo admin's password. Both are made once, kept in the dashboard's
 * data directory (readable by this user only), and so survive restarts: a restart signs no
 * one out, and the printed password stays the same.
 */
export interface SignInSecrets {
  sessionSecret: string;
  adminPassword: string;
}

function keptSecret(path: string, make: () => string): string {
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  const value = make();
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return value;
}

export function signInSecrets(dataDir: string): SignInSecrets {
  mkdirSync(dataDir, { recursive: true });
  return {
    sessionSecret: keptSecret(join(dataDir, "session-secret"), () => randomBytes(32).toString("base64url")),
    // Easy to type from the terminal: four groups of four letters and digits.
    adminPassword: keptSecret(join(dataDir, "admin-password"), () => randomBytes(12).toString("base64url").replace(/[-_]/g, "x").match(/.{4}/g)!.join("-")),
  };
}
