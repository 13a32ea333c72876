import "server-only";
import { readFileSync, statSync } from "node:fs";
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

/** What changes when the users file is edited or replaced; a missing file is a change too. */
function fileVersion(path: string | undefined): string {
  if (!path) return "";
  try {
    const stat = statSync(path);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return "missing";
  }
}

/**
 * The users, read again whenever the users file changes: removing a person or changing their
 * roles takes effect on their next request, without a restart (server/auth/session.ts).
 */
export function localUsers(env: NodeJS.ProcessEnv = process.env): Promise<StoredUser[]> {
  const key = JSON.stringify([env.SLIPWAY_USERS_FILE, fileVersion(env.SLIPWAY_USERS_FILE), env.SLIPWAY_ADMIN_PASSWORD]);
  if (cached?.key !== key) {
    const entry = { key, users: loadUsers(env) };
    // A file caught half-written is read again on the next call, not remembered as broken.
    entry.users.catch(() => {
      if (cached === entry) cached = undefined;
    });
    cached = entry;
  }
  return cached.users;
}

function publicPart(user: StoredUser): LocalUser {
  return { username: user.username, name: user.name, ...(user.email ? { email: user.email } : {}), roles: user.roles };
}

/** The person of the users file (or the demo admin) with this username, as the file says now. */
export async function findLocalUser(username: string, env: NodeJS.ProcessEnv = process.env): Promise<LocalUser | undefined> {
  const user = (await localUsers(env)).find((candidate) => candidate.username === username);
  return user && publicPart(user);
}

/** Checked against for an unknown username, so it costs what a known one does and answers in the same time. */
let decoyHash: Promise<string> | undefined;

/** The user whose password this is, or undefined; the same time is spent whether or not the name is known. */
export async function authenticate(username: string, password: string, env: NodeJS.ProcessEnv = process.env): Promise<LocalUser | undefined> {
  const user = (await localUsers(env)).find((candidate) => candidate.username === username);
  decoyHash ??= hashPassword("not anyone's password");
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  return user && matches ? publicPart(user) : undefined;
}
