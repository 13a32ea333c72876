import "server-only";
import type { Database } from "better-sqlite3";

/**
 * The audit log's schema, one step per version. A database at version n gets steps n+1…
 * in one transaction, so a new column or index is a new step here, never an edit to an old one.
 * SQLite's `user_version` holds the version reached.
 */
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

export const AUDIT_SCHEMA_VERSION = MIGRATIONS.length;

function versionOf(db: Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/** Brings the database up to this version; refuses one written by a newer Slipway rather than guess at it. */
export function migrateAuditSchema(db: Database, name: string): void {
  // IMMEDIATE: two processes opening a new file at once must not both create the table.
  db.transaction(() => {
    const version = versionOf(db);
    if (version > AUDIT_SCHEMA_VERSION) {
      throw new Error(`The audit log ${name} has schema version ${version}, newer than this Slipway knows (${AUDIT_SCHEMA_VERSION}). Upgrade Slipway to read it.`);
    }
    for (const step of MIGRATIONS.slice(version)) db.exec(step);
    db.pragma(`user_version = ${AUDIT_SCHEMA_VERSION}`);
  }).immediate();
}
