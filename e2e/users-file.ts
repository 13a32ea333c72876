import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import type { Role } from "../lib/auth/roles";
import { hashPassword } from "../server/auth/password-hash";

/**
 * The users file the dashboard under test reads (written by global-setup.ts), changed while it
 * runs, as an admin would edit it. Each test adds and removes only a person of its own; a lock
 * file keeps two workers' edits from overwriting each other, and a rename means the dashboard
 * never reads half a file.
 */
interface StoredUser {
  username: string;
  name: string;
  roles: Role[];
  passwordHash: string;
}

function usersFilePath(): string {
  const path = process.env.SLIPWAY_E2E_USERS_FILE;
  if (!path) throw new Error("SLIPWAY_E2E_USERS_FILE is not set: the browser tests' global setup sets it.");
  return path;
}

async function withLock<T>(path: string, change: () => T): Promise<T> {
  const lock = `${path}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  try {
    return change();
  } finally {
    rmSync(lock, { force: true });
  }
}

async function editUsers(edit: (users: StoredUser[]) => StoredUser[]): Promise<void> {
  const path = usersFilePath();
  await withLock(path, () => {
    const { users } = JSON.parse(readFileSync(path, "utf8")) as { users: StoredUser[] };
    writeFileSync(`${path}.next`, JSON.stringify({ users: edit(users) }, null, 2));
    renameSync(`${path}.next`, path);
  });
}

export interface ScratchPerson {
  username: string;
  name: string;
  password: string;
}

/** Adds a person of the test's own (replacing one of that name) with these roles. */
export async function addPerson(username: string, roles: Role[]): Promise<ScratchPerson> {
  const person = { username, name: `Scratch ${username}`, password: `${username}-password` };
  const passwordHash = await hashPassword(person.password);
  await editUsers((users) => [...users.filter((user) => user.username !== username), { username, name: person.name, roles, passwordHash }]);
  return person;
}

export async function setRoles(username: string, roles: Role[]): Promise<void> {
  await editUsers((users) => users.map((user) => (user.username === username ? { ...user, roles } : user)));
}

export async function removePerson(username: string): Promise<void> {
  await editUsers((users) => users.filter((user) => user.username !== username));
}
