import "server-only";
import type Database from "better-sqlite3";
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

  /** `path` is a file (made if missing) or ":memory:". */
  constructor(readonly path: string) {
    this.db = openDatabase(path, AUDIT_SCHEMA);
    this.insert = this.db.prepare(
      `INSERT INTO audit_entries (at, actor_id, actor_name, actor_email, action, target, input, outcome, detail, aws_request_id, error_code)
       VALUES (@at, @actor_id, @actor_name, @actor_email, @action, @target, @input, @outcome, @detail, @aws_request_id, @error_code)
       RETURNING *`,
    );
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  record(entry: AuditEntryInput): AuditEntry {
    if (!AUDIT_OUTCOMES.includes(entry.outcome)) throw new RangeError(`An audit entry's outcome is one of ${AUDIT_OUTCOMES.join(", ")}; got ${String(entry.outcome)}.`);
    const row = this.insert.get({
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
    }) as Row;
    return entryOf(row);
  }

  /** The newest entries that match, and the cursor for the older ones when there are more. */
  query(filter: AuditFilter = {}): AuditPage {
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
    this.db.close();
  }
}

let shared: AuditLog | undefined;

/** The process's audit log, `audit.sqlite` in the dashboard's data directory, opened on first use. */
export function sharedAuditLog(): AuditLog {
  shared ??= new AuditLog(join(dashboardDataDir(), AUDIT_FILE));
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
