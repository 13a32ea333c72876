import "server-only";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { hashPassword, verifyPassword } from "./password-hash";

/**
 * The people who sign in with a password: those of the users file (SLIPWAY_USERS_FILE, JSON,
 * passwords stored as hashes from `npm run hash-password`), and, when SLIPWAY_ADMIN_PASSWORD
 * is set (npm start sets it and prints it), the demo admin `admin`.
 */
export interface LocalUser {
  username: string;
  name: string;
  email?: string;
  roles: Role[];
}

const usersFile = z.object({
  users: z.array(
    z.object({
      username: z.string().regex(/^[\w.@-]{1,64}$/, "A username is 1–64 letters, digits, dots, @, hyphens or underscores."),
      name: z.string().min(1).max(128),
      email: z.string().email().optional(),
      roles: z.array(z.enum(ROLES)).min(1, "Give each user at least one role."),
      passwordHash: z.string().startsWith("scrypt$", "Store a hash from `npm run hash-password`, never a password."),
    }),
  ),
});

type StoredUser = LocalUser & { passwordHash: string };

export class UsersFileError extends Error {
  override readonly name = "UsersFileError";
}

export const DEMO_ADMIN = "admin";

function readUsersFile(path: string): StoredUser[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsersFileError(`The users file ${path} could not be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsersFileError(`The users file ${path} is not JSON.`);
  }
  const parsed = usersFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsersFileError(`The users file ${path} is not valid at ${issue.path.join(".") || "its top"}: ${issue.message}`);
  }
  return parsed.data.users;
}

let cached: { key: string; users: Promise<StoredUser[]> } | undefined;

async function loadUsers(env: NodeJS.ProcessEnv): Promise<StoredUser[]> {
  const fromFile = env.SLIPWAY_USERS_FILE ? readUsersFile(env.SLIPWAY_USERS_FILE) : [];
  if (!env.SLIPWAY_ADMIN_PASSWORD) return fromFile;
  const admin: StoredUser = { username: DEMO_ADMIN, name: "Demo admin", roles: ["admin"], passwordHash: await hashPassword(env.SLIPWAY_ADMIN_PASSWORD) };
  return [admin, ...fromFile.filter((user) => user.username !== DEMO_ADMIN)];
}

/** The users, read once per process (and again if the variables change, as in tests). */
export function localUsers(env: NodeJS.ProcessEnv = process.env): Promise<StoredUser[]> {
  const key = JSON.stringify([env.SLIPWAY_USERS_FILE, env.SLIPWAY_ADMIN_PASSWORD]);
  if (cached?.key !== key) cached = { key, users: loadUsers(env) };
  return cached.users;
}

/** The user whose password this is, or undefined; the same time is spent either way for a known name. */
export async function authenticate(username: string, password: string, env: NodeJS.ProcessEnv = process.env): Promise<LocalUser | undefined> {
  const user = (await localUsers(env)).find((candidate) => candidate.username === username);
  if (!user || !(await verifyPassword(password, user.passwordHash))) return undefined;
  return { username: user.username, name: user.name, ...(user.email ? { email: user.email } : {}), roles: user.roles };
}
