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
];

export const AUDIT_SCHEMA: SqliteSchema = { what: "The audit log", migrations: MIGRATIONS };

export const AUDIT_SCHEMA_VERSION = MIGRATIONS.length;
