import "server-only";
import Database from "better-sqlite3";

/**
 * The dashboard's SQLite files (the audit log, rollout samples), opened the same way: WAL, so
 * pages read while the server writes and several dashboard processes share a file; a busy
 * timeout for those processes; and the schema brought up to date.
 *
 * A schema is a list of steps, one per version. A file at version n gets steps n+1… in one
 * transaction, so a new column or index is a new step, never an edit to an old one. SQLite's
 * `user_version` holds the version reached.
 */
export interface SqliteSchema {
  /** What the file is, for the message when it is newer than this Slipway: "The audit log". */
  what: string;
  migrations: readonly string[];
}

/** `path` is a file (made if missing) or ":memory:". A file that cannot be opened is named in the error, with what to do. */
export function openDatabase(path: string, schema: SqliteSchema): Database.Database {
  try {
    return open(path, schema);
  } catch (error) {
    if (error instanceof NewerSchema) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`${schema.what} ${path} cannot be opened (${why}). If it is damaged, move it (and any -wal and -shm files beside it) aside to keep it, and start again with a new one.`, { cause: error });
  }
}

class NewerSchema extends Error {
  override readonly name = "NewerSchema";
}

function open(path: string, schema: SqliteSchema): Database.Database {
  const db = new Database(path);
  try {
    if (path !== ":memory:") db.pragma("journal_mode = WAL");
    // WAL with NORMAL: a commit survives a crash of the process; a power cut may lose the last few, never the file.
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    // After a checkpoint the WAL is cut back to this size, rather than staying as large as it ever grew.
    db.pragma("journal_size_limit = 1048576");
    migrate(db, path, schema);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Brings the database up to this version; refuses one written by a newer Slipway rather than guess at it. */
function migrate(db: Database.Database, name: string, { what, migrations }: SqliteSchema): void {
  const latest = migrations.length;
  // IMMEDIATE: two processes opening a new file at once must not both create the tables.
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > latest) {
      throw new NewerSchema(`${what} ${name} has schema version ${version}, newer than this Slipway knows (${latest}). Upgrade Slipway to read it.`);
    }
    for (const step of migrations.slice(version)) db.exec(step);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}
