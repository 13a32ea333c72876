import "server-only";
import type { SessionView } from "@/lib/view-models/sessions";
import { isLive, sharedSessionStore, type StoredSession } from "./session-store";
import type { Actor } from "./session";
import { localUsers } from "./users";

/** Every session the store still holds, live ones first, as the Sessions page shows them to `viewer`. */
export async function readSessionsView(viewer: Actor, now: Date = new Date()): Promise<SessionView[]> {
  const users = await localUsers().catch(() => []);
  const rolesNow = (session: StoredSession) => (session.source === "password" ? (users.find((user) => user.username === session.userId)?.roles ?? []) : session.roles);
  return sharedSessionStore()
    .list(now)
    .map((session) => {
      const live = isLive(session, now);
      const ending = session.endedAt
        ? { at: session.endedAt, by: session.endedBy, reason: session.endReason ?? "Ended." }
        : live
          ? undefined
          : { at: session.expiresAt, reason: "Expired." };
      return {
        id: session.id,
        person: { id: session.userId, name: session.name, ...(session.email ? { email: session.email } : {}) },
        roles: rolesNow(session),
        signedInWith: session.source === "password" ? "password" : "single sign-on",
        startedAt: session.startedAt,
        lastSeenAt: session.lastSeenAt,
        expiresAt: session.expiresAt,
        live,
        ...(ending ? { ending } : {}),
        yours: session.id === viewer.sessionId,
      };
    });
}
