import "server-only";
import type Database from "better-sqlite3";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { auditExportText } from "@/lib/audit/export";
import { capBytes, summariseInput } from "@/lib/audit/input-summary";
import {
  AUDIT_MAX_PAGE_SIZE,
  AUDIT_OUTCOMES,
  AUDIT_PAGE_SIZE,
  type AuditActor,
  type AuditChoices,
  type AuditEntry,
  type AuditExportFormat,
  type AuditFilter,
  type AuditOutcome,
  type AuditPage,
} from "@/lib/audit/types";
import { dashboardDataDir } from "@/server/store/data-dir";
import { openDatabase } from "@/server/store/sqlite";
import { AUDIT_SCHEMA } from "./schema";

/**
 * Every mutation's record, in SQLite in the dashboard's data directory: who, what, on which
 * resource, a summary of the input (secrets masked), the outcome and AWS's request id. WAL
 * lets the page read while an action writes, and several dashboard processes share the file.
 */
export const AUDIT_FILE = "audit.sqlite";

export interface AuditEntryInput {
  /** When it happened; now unless given. */
  at?: string | Date;
  actor: AuditActor;
  action: string;
  target?: string;
  /** The operation's input as it was given: summarised and masked here, so no caller can store a secret. */
  input?: unknown;
  outcome: AuditOutcome;
  detail?: string;
  awsRequestId?: string;
  errorCode?: string;
}

/** Free text from callers is kept, but not without bound. */
const MAX_TEXT_BYTES = 2_048;

/** The same refusal of the same person within this long of the last is counted on its entry, not added as another. */
const REPEAT_WINDOW_MS = 10 * 60_000;

const CHECKPOINT_EVERY_MS = 1_000;

/** An entry still pending this long after it was written belongs to a process that stopped before AWS answered it. */
const INTERRUPTED_AFTER_MS = 5 * 60_000;

const INTERRUPTED =
  "Slipway stopped after asking AWS and before hearing back: whether it happened is not known here. The resource's events in ECS (or CloudTrail) tell.";

/** The log cannot be written (or read): every change is refused while it is so, and the page says why. */
export class AuditUnavailable extends Error {
  override readonly name = "AuditUnavailable";
}

/** What is known when an action starts: everything but how it ended. */
export type AuditIntent = Omit<AuditEntryInput, "outcome" | "detail" | "awsRequestId" | "errorCode">;

/** How it ended, for an entry written as pending. */
export type AuditSettlement = Pick<AuditEntryInput, "outcome" | "target" | "detail" | "awsRequestId" | "errorCode">;

interface Row {
  id: number;
  at: string;
  actor_id: string;
  actor_name: string;
  actor_email: string | null;
  action: string;
  target: string | null;
  input: string | null;
  outcome: AuditOutcome;
  detail: string | null;
  aws_request_id: string | null;
  error_code: string | null;
  repeats: number;
  last_at: string | null;
}

function optional<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: string };
}

function entryOf(row: Row): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name, ...optional("email", row.actor_email) },
    action: row.action,
    ...optional("target", row.target),
    ...optional("input", row.input),
    outcome: row.outcome,
    ...optional("detail", row.detail),
    ...optional("awsRequestId", row.aws_request_id),
    ...optional("errorCode", row.error_code),
    ...(row.repeats > 1 ? { repeats: { count: row.repeats, lastAt: row.last_at ?? row.at } } : {}),
  };
}

function isoTime(at: string | Date | undefined): string {
  const time = at === undefined ? new Date() : new Date(at);
  if (Number.isNaN(time.getTime())) throw new RangeError(`An audit entry's time must be a date; got ${String(at)}.`);
  return time.toISOString();
}

function text(value: string | undefined): string | null {
  return value === undefined || value === "" ? null : capBytes(value, MAX_TEXT_BYTES);
}

/** LIKE's own wildcards in what a person typed match themselves. */
function containing(value: string): string {
  return `%${value.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function whereOf(filter: AuditFilter): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filter.actor) add("actor_id = ?", filter.actor);
  if (filter.action) add("action = ?", filter.action);
  if (filter.resource) add("(target LIKE ? ESCAPE '\\' OR input LIKE ? ESCAPE '\\')", containing(filter.resource), containing(filter.resource));
  if (filter.from) add("at >= ?", isoTime(filter.from));
  if (filter.to) add("at <= ?", isoTime(filter.to));
  if (filter.before !== undefined) add("id < ?", filter.before);
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return AUDIT_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(limit), 1), AUDIT_MAX_PAGE_SIZE);
}

export class AuditLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  /** Queries differ only by which filters are set: a handful of statements, each prepared once. */
  private readonly statements = new Map<string, Database.Statement>();
  /** The file as opened: one deleted or replaced underneath is noticed, not written to unseen. */
  private readonly inode: number | undefined;

  /** `path` is a file (made if missing) or ":memory:". */
  constructor(readonly path: string) {
    this.db = openDatabase(path, AUDIT_SCHEMA);
    this.inode = path === ":memory:" ? undefined : statSync(path).ino;
    this.insert = this.db.prepare(
      `INSERT INTO audit_entries (at, actor_id, actor_name, actor_email, action, target, input, outcome, detail, aws_request_id, error_code)
       VALUES (@at, @actor_id, @actor_name, @actor_email, @action, @target, @input, @outcome, @detail, @aws_request_id, @error_code)
       RETURNING *`,
    );
    this.settleInterrupted();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Throws AuditUnavailable when the file this log opened is no longer the one at its path. */
  private assertFileInPlace(): void {
    if (this.inode === undefined) return;
    let inode: number | undefined;
    try {
      inode = statSync(this.path).ino;
    } catch {
      inode = undefined;
    }
    if (inode !== this.inode) {
      throw new AuditUnavailable(`The audit log ${this.path} was deleted or replaced while Slipway ran. Put it back, or restart Slipway to start a new, empty log.`);
    }
  }

  private lastCheckpoint = 0;
  private checkpointTimer: NodeJS.Timeout | undefined;

  /**
   * Writes are copied from the WAL into the database file within a second: a WAL damaged later
   * loses at most that second, and the WAL stays small. Not after every write, which would
   * make a burst of entries wait on the disk for each.
   */
  private checkpoint(): void {
    if (this.inode === undefined || this.checkpointTimer) return;
    const wait = this.lastCheckpoint + CHECKPOINT_EVERY_MS - Date.now();
    if (wait > 0) {
      this.checkpointTimer = setTimeout(() => {
        this.checkpointTimer = undefined;
        if (this.db.open) this.checkpoint();
      }, wait).unref();
      return;
    }
    this.db.pragma("wal_checkpoint(PASSIVE)");
    this.lastCheckpoint = Date.now();
  }

  private row(entry: AuditEntryInput): Record<string, string | null> {
    if (!AUDIT_OUTCOMES.includes(entry.outcome)) throw new RangeError(`An audit entry's outcome is one of ${AUDIT_OUTCOMES.join(", ")}; got ${String(entry.outcome)}.`);
    return {
      at: isoTime(entry.at),
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      actor_email: text(entry.actor.email),
      action: entry.action,
      target: text(entry.target),
      input: summariseInput(entry.input) ?? null,
      outcome: entry.outcome,
      detail: text(entry.detail),
      aws_request_id: text(entry.awsRequestId),
      error_code: text(entry.errorCode),
    };
  }

  /** A refusal or denial like one this person had within the last minutes: counted there instead. */
  private repeatOf(row: Record<string, string | null>): AuditEntry | undefined {
    if (row.outcome !== "refused" && row.outcome !== "denied") return undefined;
    const since = new Date(Date.parse(row.at!) - REPEAT_WINDOW_MS).toISOString();
    const updated = this.statement(
      `UPDATE audit_entries SET repeats = repeats + 1, last_at = @at, detail = @detail, input = @input
       WHERE id = (SELECT id FROM audit_entries
                   WHERE actor_id = @actor_id AND action = @action AND outcome = @outcome AND error_code IS @error_code AND COALESCE(last_at, at) >= @since
                   ORDER BY id DESC LIMIT 1)
       RETURNING *`,
    ).get({ ...row, since }) as Row | undefined;
    return updated && entryOf(updated);
  }

  record(entry: AuditEntryInput): AuditEntry {
    this.assertFileInPlace();
    const row = this.row(entry);
    const written = this.db.transaction(() => this.repeatOf(row) ?? entryOf(this.insert.get(row) as Row))();
    this.checkpoint();
    return written;
  }

  /** Writes what is about to be asked of AWS, before it is asked; `settle` says how it ended. */
  begin(intent: AuditIntent): AuditEntry {
    return this.record({ ...intent, outcome: "pending" });
  }

  settle(id: number, settlement: AuditSettlement): AuditEntry {
    this.assertFileInPlace();
    const row = this.row({ actor: { id: "", name: "" }, action: "", ...settlement });
    const settled = this.statement(
      `UPDATE audit_entries SET outcome = @outcome, target = COALESCE(@target, target), detail = @detail, aws_request_id = @aws_request_id, error_code = @error_code
       WHERE id = @id AND outcome = 'pending' RETURNING *`,
    ).get({ id, outcome: row.outcome, target: row.target, detail: row.detail, aws_request_id: row.aws_request_id, error_code: row.error_code }) as Row | undefined;
    if (!settled) throw new AuditUnavailable(`Audit entry ${id} is not pending: it cannot be settled twice.`);
    this.checkpoint();
    return entryOf(settled);
  }

  /** Pending entries left by a process that stopped before AWS answered: said to be so. How many. */
  settleInterrupted(now: Date = new Date()): number {
    const before = new Date(now.getTime() - INTERRUPTED_AFTER_MS).toISOString();
    return this.statement("UPDATE audit_entries SET outcome = 'interrupted', detail = @detail WHERE outcome = 'pending' AND at < @before").run({ detail: INTERRUPTED, before }).changes;
  }

  /** When this log began: its first entry's time, or when its file was made. */
  keptSince(): string | undefined {
    return this.statement("SELECT value FROM audit_meta WHERE key = 'kept_since'").pluck().get() as string | undefined;
  }

  /** The newest entries that match, and the cursor for the older ones when there are more. */
  query(filter: AuditFilter = {}): AuditPage {
    this.assertFileInPlace();
    const limit = pageSize(filter.limit);
    const where = whereOf(filter);
    // One more than asked says whether there is an older page, without counting.
    const rows = this.statement(`SELECT * FROM audit_entries ${where.sql} ORDER BY id DESC LIMIT ?`).all(...where.params, limit + 1) as Row[];
    const entries = rows.slice(0, limit).map(entryOf);
    return rows.length > limit ? { entries, nextBefore: entries[entries.length - 1].id } : { entries };
  }

  /** Every entry that matches (not one page), newest first, as a CSV or JSON file's text. */
  export(filter: AuditFilter, format: AuditExportFormat): string {
    const where = whereOf(filter);
    const limit = filter.limit === undefined ? "" : `LIMIT ${pageSize(filter.limit)}`;
    const rows = this.statement(`SELECT * FROM audit_entries ${where.sql} ORDER BY id DESC ${limit}`).iterate(...where.params) as IterableIterator<Row>;
    return auditExportText(Array.from(rows, entryOf), format);
  }

  /** The actions and the people in the log, for the filter's selects; each person as last seen. */
  choices(): AuditChoices {
    const actions = this.statement("SELECT DISTINCT action FROM audit_entries ORDER BY action").pluck().all() as string[];
    const actors = this
      .statement(
        `SELECT actor_id, actor_name, actor_email FROM audit_entries
         WHERE id IN (SELECT max(id) FROM audit_entries GROUP BY actor_id) ORDER BY actor_name COLLATE NOCASE, actor_id`,
      )
      .all() as Pick<Row, "actor_id" | "actor_name" | "actor_email">[];
    return { actions, actors: actors.map((row) => ({ id: row.actor_id, name: row.actor_name, ...optional("email", row.actor_email) })) };
  }

  close(): void {
    clearTimeout(this.checkpointTimer);
    try {
      if (this.inode !== undefined) this.db.pragma("wal_checkpoint(TRUNCATE)");
    } catch (error) {
      // A log whose file went bad still closes; what went wrong was said when it was used.
      console.error(`The audit log ${this.path} could not be checkpointed on closing:`, error);
    }
    this.db.close();
  }
}

let shared: AuditLog | undefined;

/** Data beside the log from before this process started means Slipway has run here: a log gone missing is said, not silently started afresh. */
function keptDataBefore(dir: string): boolean {
  const started = Date.now() - process.uptime() * 1000;
  return readdirSync(dir)
    .filter((name) => name.endsWith(".sqlite"))
    .some((name) => {
      const { birthtimeMs, mtimeMs } = statSync(join(dir, name));
      return Math.min(birthtimeMs || Infinity, mtimeMs) < started;
    });
}

/** The process's audit log, `audit.sqlite` in the dashboard's data directory, opened on first use. */
export function sharedAuditLog(): AuditLog {
  if (!shared) {
    const dir = dashboardDataDir();
    const path = join(dir, AUDIT_FILE);
    if (!existsSync(path) && keptDataBefore(dir)) {
      console.warn(`The audit log ${path} was not there, though Slipway has kept data in ${dir} before: a new, empty log starts now. If the old one was moved, put it back and restart.`);
    }
    shared = new AuditLog(path);
  }
  return shared;
}

export function recordAudit(entry: AuditEntryInput): AuditEntry {
  return sharedAuditLog().record(entry);
}

export function queryAudit(filter: AuditFilter = {}): AuditPage {
  return sharedAuditLog().query(filter);
}

export function exportAudit(filter: AuditFilter, format: AuditExportFormat): string {
  return sharedAuditLog().export(filter, format);
}

export function auditChoices(): AuditChoices {
  return sharedAuditLog().choices();
}
