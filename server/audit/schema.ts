import "server-only";
import type { SqliteSchema } from "@/server/store/sqlite";

/** The audit log's schema, one step per version (see server/store/sqlite.ts). */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE audit_entries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     actor_id TEXT NOT NULL,
     actor_name TEXT NOT NULL,
     actor_email TEXT,
     action TEXT NOT NULL,
     target TEXT,
     input TEXT,
     outcome TEXT NOT NULL CHECK (outcome IN ('succeeded', 'refused', 'failed', 'denied')),
     detail TEXT,
     aws_request_id TEXT,
     error_code TEXT
   );
   CREATE INDEX audit_entries_at ON audit_entries (at);
   CREATE INDEX audit_entries_actor ON audit_entries (actor_id);
   CREATE INDEX audit_entries_action ON audit_entries (action);`,
  // Outcomes for intent written before the AWS call, and repeated refusals kept as one entry with a count.
  // SQLite cannot change a CHECK: the table is rebuilt, ids kept. `audit_meta` says since when the log has been kept.
  `CREATE TABLE audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   INSERT INTO audit_meta (key, value) SELECT 'kept_since', COALESCE(MIN(at), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) FROM audit_entries;
   CREATE TABLE audit_entries_next (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     actor_id TEXT NOT NULL,
     actor_name TEXT NOT NULL,
     actor_email TEXT,
     action TEXT NOT NULL,
     target TEXT,
     input TEXT,
     outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'succeeded', 'no-change', 'refused', 'failed', 'denied', 'interrupted')),
     detail TEXT,
     aws_request_id TEXT,
     error_code TEXT,
     repeats INTEGER NOT NULL DEFAULT 1,
     last_at TEXT
   );
   INSERT INTO audit_entries_next (id, at, actor_id, actor_name, actor_email, action, target, input, outcome, detail, aws_request_id, error_code)
     SELECT id, at, actor_id, actor_name, actor_email, action, target, input, outcome, detail, aws_request_id, error_code FROM audit_entries;
   DROP TABLE audit_entries;
   ALTER TABLE audit_entries_next RENAME TO audit_entries;
   CREATE INDEX audit_entries_at ON audit_entries (at);
   CREATE INDEX audit_entries_actor ON audit_entries (actor_id);
   CREATE INDEX audit_entries_action ON audit_entries (action);
   CREATE INDEX audit_entries_pending ON audit_entries (outcome) WHERE outcome = 'pending';`,
];

export const AUDIT_SCHEMA: SqliteSchema = { what: "The audit log", migrations: MIGRATIONS };

export const AUDIT_SCHEMA_VERSION = MIGRATIONS.length;
