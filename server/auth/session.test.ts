import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { cookies } from "@/server/testing/next-headers";
import { signInForTests } from "@/server/testing/sign-in";
import { hashPassword } from "./password-hash";
import { actorOfSession, currentActor } from "./session";
import { SessionStore, sharedSessionStore } from "./session-store";

describe("sessions kept on the server", () => {
  let dir: string;
  let usersFile: string;
  let store: SessionStore;
  let env: NodeJS.ProcessEnv;

  async function writeUsers(users: { username: string; name: string; roles: Role[] }[]): Promise<void> {
    const passwordHash = await hashPassword("irrelevant here");
    writeFileSync(usersFile, JSON.stringify({ users: users.map((user) => ({ ...user, passwordHash })) }));
  }

  function startPasswordSession(username: string, roles: Role[], expiresAt = new Date(Date.now() + 3600_000)) {
    return store.start({ userId: username, name: username, roles, source: "password", expiresAt });
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "slipway-sessions-"));
    usersFile = join(dir, "users.json");
    store = new SessionStore(join(dir, "sessions.sqlite"));
    env = { NODE_ENV: "test", SLIPWAY_USERS_FILE: usersFile };
    await writeUsers([
      { username: "april", name: "April Approver", roles: ["approver"] },
      { username: "dana", name: "Dana Deployer", roles: ["deployer"] },
    ]);
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("knows a password user by their session, with the roles the users file gives them now", async () => {
    const session = startPasswordSession("dana", ["deployer"]);
    expect(await actorOfSession(session.id, store, env)).toEqual({ id: "dana", name: "Dana Deployer", roles: ["deployer"], sessionId: session.id });
  });

  it("ends the session of someone removed from the users file, on their next request", async () => {
    const session = startPasswordSession("april", ["approver"]);
    await writeUsers([{ username: "dana", name: "Dana Deployer", roles: ["deployer"] }]);
    expect(await actorOfSession(session.id, store, env)).toBeUndefined();
    expect(store.find(session.id)).toMatchObject({ endedBy: "Slipway", endReason: "No longer in the users file." });
    // Put back, they sign in again: the old session stays ended.
    await writeUsers([{ username: "april", name: "April Approver", roles: ["approver"] }]);
    expect(await actorOfSession(session.id, store, env)).toBeUndefined();
  });

  it("gives a demoted person their new role on their next request", async () => {
    const session = startPasswordSession("dana", ["deployer"]);
    await writeUsers([{ username: "dana", name: "Dana Deployer", roles: ["viewer"] }]);
    expect((await actorOfSession(session.id, store, env))?.roles).toEqual(["viewer"]);
  });

  it("lets nobody in while the users file cannot be read, and everyone again once it can", async () => {
    const session = startPasswordSession("dana", ["deployer"]);
    writeFileSync(usersFile, "{ not json");
    expect(await actorOfSession(session.id, store, env)).toBeUndefined();
    expect(store.find(session.id)?.endedAt).toBeUndefined();
    await writeUsers([{ username: "dana", name: "Dana Deployer", roles: ["deployer"] }]);
    expect((await actorOfSession(session.id, store, env))?.id).toBe("dana");
  });

  it("reads nobody from a session that was signed out, ended by an admin or has expired", async () => {
    const signedOut = startPasswordSession("dana", ["deployer"]);
    store.end(signedOut.id, "Dana Deployer", "Signed out.");
    const endedByAdmin = startPasswordSession("dana", ["deployer"]);
    expect(store.endAllOf("dana", "Ada Admin", "Ended by an admin.")).toBe(1);
    const expired = startPasswordSession("dana", ["deployer"], new Date(Date.now() - 1000));
    for (const session of [signedOut, endedByAdmin, expired]) expect(await actorOfSession(session.id, store, env)).toBeUndefined();
    expect(await actorOfSession("a-made-up-id", store, env)).toBeUndefined();
    expect(store.list().map((session) => session.endReason ?? "expired")).toEqual(expect.arrayContaining(["Signed out.", "Ended by an admin.", "expired"]));
  });

  it("keeps single sign-on's roles from sign-in, until the session is ended", async () => {
    const session = store.start({ userId: "olivia@example.com", name: "Olivia", email: "olivia@example.com", roles: ["approver"], source: "single-sign-on", expiresAt: new Date(Date.now() + 3600_000) });
    expect(await actorOfSession(session.id, store, env)).toMatchObject({ id: "olivia@example.com", roles: ["approver"] });
    store.end(session.id, "Ada Admin", "Ended by an admin.");
    expect(await actorOfSession(session.id, store, env)).toBeUndefined();
  });
});

describe("currentActor", () => {
  it("reads nobody from a cookie whose session has ended, though the cookie itself is still valid", async () => {
    const sessionId = await signInForTests({ id: "dana", name: "Dana Deployer", roles: ["deployer"] });
    expect((await currentActor())?.id).toBe("dana");
    sharedSessionStore().end(sessionId, "Dana Deployer", "Signed out.");
    expect(await currentActor()).toBeUndefined();
  });

  it("reads nobody from a cookie that carries roles but names no session, as cookies from before sessions were kept did", async () => {
    const token = await encode({ token: { sub: "april", name: "April Approver", roles: ["approver"] }, secret: process.env.NEXTAUTH_SECRET! });
    (await cookies()).set("next-auth.session-token", token);
    expect(await currentActor()).toBeUndefined();
  });
});
