import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { damagedDataFile, suspiciousDataFile, unusableDataFile } from "./data-file";

/**
 * Local ECS keeps its state in memory for speed and writes every change through to SQLite,
 * so a restart (or `kill -9`) loses nothing that a client was told had happened.
 * Records are JSON documents; Dates survive the round trip.
 */
const DATE_TAG = "$date";

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { [DATE_TAG]: raw.getTime() } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === "object" && DATE_TAG in value) {
    const keys = Object.keys(value);
    if (keys.length === 1) return new Date((value as Record<string, number>)[DATE_TAG]);
  }
  return value;
}

export class Collection<T> {
  private readonly items = new Map<string, T>();

  constructor(
    private readonly kind: string,
    private readonly db: DocumentDatabase,
  ) {
    for (const [id, body] of db.load(kind)) {
      try {
        this.items.set(id, JSON.parse(body, reviver) as T);
      } catch (error) {
        throw damagedDataFile(db.file, `its ${kind} record ${id} is not valid JSON`, error);
      }
    }
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  /** Stores (or re-stores after a mutation) a record. */
  put(id: string, value: T): T {
    this.items.set(id, value);
    this.db.write(this.kind, id, JSON.stringify(value, replacer));
    return value;
  }

  delete(id: string): void {
    this.items.delete(id);
    this.db.remove(this.kind, id);
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  get size(): number {
    return this.items.size;
  }
}

/** Opens (or creates) the file and checks it, so that damage stops the start with the file's name rather than failing a request later. */
function openChecked(file: string): Database.Database {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    // NORMAL with WAL is durable across a process crash; only a power loss can drop the tail.
    sqlite.pragma("synchronous = NORMAL");
    sqlite.exec(`
      CREATE TABLE IF NOT EXISTS documents (kind TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, id));
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    const check = sqlite.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(String(check));
    return sqlite;
  } catch (error) {
    sqlite?.close();
    throw unusableDataFile(file, error);
  }
}

export class DocumentDatabase {
  /** The SQLite file's path, or ":memory:". */
  readonly file: string;
  /** Set when the file looks as if state was lost before this start; the caller reports it. */
  readonly warning: string | undefined;
  private readonly sqlite: Database.Database;
  private readonly upsert: Database.Statement;
  private readonly deleteOne: Database.Statement;

  /** `dataDir` undefined keeps everything in memory (tests that need no restart). */
  constructor(dataDir: string | undefined) {
    this.file = ":memory:";
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      this.file = join(dataDir, "local-ecs.sqlite");
    }
    this.warning = dataDir ? suspiciousDataFile(this.file) : undefined;
    this.sqlite = openChecked(this.file);
    this.upsert = this.sqlite.prepare("INSERT INTO documents (kind, id, body) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body");
    this.deleteOne = this.sqlite.prepare("DELETE FROM documents WHERE kind = ? AND id = ?");
  }

  load(kind: string): Array<[string, string]> {
    const rows = this.sqlite.prepare("SELECT id, body FROM documents WHERE kind = ? ORDER BY rowid").all(kind) as Array<{ id: string; body: string }>;
    return rows.map((row) => [row.id, row.body]);
  }

  write(kind: string, id: string, body: string): void {
    this.upsert.run(kind, id, body);
  }

  remove(kind: string, id: string): void {
    this.deleteOne.run(kind, id);
  }

  getMeta(key: string): string | undefined {
    const row = this.sqlite.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.sqlite.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  /** Runs `work` in one transaction: many writes, one fsync. */
  transaction<T>(work: () => T): T {
    return this.sqlite.transaction(work)();
  }

  close(): void {
    this.sqlite.close();
  }
}
