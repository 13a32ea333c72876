import "server-only";
import type Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { isRole, type Role } from "@/lib/auth/roles";
import { dashboardDataDir } from "@/server/store/data-dir";
import { openDatabase, type SqliteSchema } from "@/server/store/sqlite";

/**
 * Sessions on the server, in `sessions.sqlite` in the dashboard's data directory. The cookie
 * carries only a session's id: signing out, an admin ending it, or the person leaving the
 * users file ends it on the next request, across restarts and for every process sharing the
 * file. A session's roles here are those single sign-on gave at sign-in; a password user's
 * roles are read from the users file on every request instead (server/auth/session.ts).
 */
export const SESSIONS_FILE = "sessions.sqlite";

export type SessionSource = "password" | "single-sign-on";

export interface StoredSession {
  id: string;
  userId: string;
  name: string;
  email?: string;
  roles: Role[];
  source: SessionSource;
  startedAt: string;
  lastSeenAt: string;
  expiresAt: string;
  endedAt?: string;
  /** Who ended it: the person themselves, an admin's name, or "Slipway". */
  endedBy?: string;
  endReason?: string;
}

export interface NewSession {
  userId: string;
  name: string;
  email?: string;
  roles: Role[];
  source: SessionSource;
  expiresAt: Date;
}

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     user_name TEXT NOT NULL,
     user_email TEXT,
     roles TEXT NOT NULL,
     source TEXT NOT NULL CHECK (source IN ('password', 'single-sign-on')),
     started_at TEXT NOT NULL,
     last_seen_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     ended_at TEXT,
     ended_by TEXT,
     end_reason TEXT
   );
   CREATE INDEX sessions_user ON sessions (user_id);
   CREATE INDEX sessions_expires ON sessions (expires_at);`,
];

const SCHEMA: SqliteSchema = { what: "The sessions file", migrations: MIGRATIONS };

/** Last seen is written at most this often per session: a page load is several requests. */
const TOUCH_EVERY_MS = 60_000;
/** Ended and expired sessions stay listed this long, then go. */
const KEEP_ENDED_MS = 7 * 24 * 3600_000;

interface Row {
  id: string;
  user_id: string;
  user_name: string;
  user_email: string | null;
  roles: string;
  source: SessionSource;
  started_at: string;
  last_seen_at: string;
  expires_at: string;
  ended_at: string | null;
  ended_by: string | null;
  end_reason: string | null;
}

function rolesOf(json: string): Role[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter(isRole) : [];
  } catch {
    return [];
  }
}

function sessionOf(row: Row): StoredSession {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.user_name,
    ...(row.user_email ? { email: row.user_email } : {}),
    roles: rolesOf(row.roles),
    source: row.source,
    startedAt: row.started_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    ...(row.ended_at ? { endedAt: row.ended_at } : {}),
    ...(row.ended_by ? { endedBy: row.ended_by } : {}),
    ...(row.end_reason ? { endReason: row.end_reason } : {}),
  };
}

export function isLive(session: StoredSession, now: Date = new Date()): boolean {
  return !session.endedAt && Date.parse(session.expiresAt) > now.getTime();
}

export class SessionStore {
  private readonly db: Database.Database;

  /** `path` is a file (made if missing) or ":memory:". */
  constructor(readonly path: string) {
    this.db = openDatabase(path, SCHEMA);
  }

  start(session: NewSession, now: Date = new Date()): StoredSession {
    const forgotten = new Date(now.getTime() - KEEP_ENDED_MS).toISOString();
    this.db.prepare("DELETE FROM sessions WHERE expires_at < @forgotten OR ended_at < @forgotten").run({ forgotten });
    const row = this.db
      .prepare(
        `INSERT INTO sessions (id, user_id, user_name, user_email, roles, source, started_at, last_seen_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        randomBytes(24).toString("base64url"),
        session.userId,
        session.name,
        session.email ?? null,
        JSON.stringify(session.roles),
        session.source,
        now.toISOString(),
        now.toISOString(),
        session.expiresAt.toISOString(),
      ) as Row;
    return sessionOf(row);
  }

  find(id: string): StoredSession | undefined {
    const row = this.db.prepare("SELECT * FROM sessions WHERE id = ?").get(id) as Row | undefined;
    return row && sessionOf(row);
  }

  /** Notes that the session was used; cheap to call on every request. */
  touch(session: StoredSession, now: Date = new Date()): void {
    if (now.getTime() - Date.parse(session.lastSeenAt) < TOUCH_EVERY_MS) return;
    this.db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?").run(now.toISOString(), session.id);
  }

  /** Ends one session; false when it had already ended (or never was). */
  end(id: string, endedBy: string, reason: string, now: Date = new Date()): boolean {
    return this.db.prepare("UPDATE sessions SET ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL").run(now.toISOString(), endedBy, reason, id).changes > 0;
  }

  /** Ends every live session of one person; how many ended. */
  endAllOf(userId: string, endedBy: string, reason: string, now: Date = new Date()): number {
    return this.db
      .prepare("UPDATE sessions SET ended_at = ?, ended_by = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL")
      .run(now.toISOString(), endedBy, reason, userId).changes;
  }

  /** Live sessions first (most recently seen first), then those ended or expired in the last week. */
  list(now: Date = new Date()): StoredSession[] {
    const rows = this.db.prepare("SELECT * FROM sessions ORDER BY last_seen_at DESC").all() as Row[];
    const sessions = rows.map(sessionOf);
    return [...sessions.filter((session) => isLive(session, now)), ...sessions.filter((session) => !isLive(session, now))];
  }

  close(): void {
    this.db.close();
  }
}

let shared: SessionStore | undefined;

/** The process's session store, opened on first use. */
export function sharedSessionStore(): SessionStore {
  shared ??= new SessionStore(join(dashboardDataDir(), SESSIONS_FILE));
  return shared;
}
