/**
 * The audit log as the page and the exports see it: plain, JSON-safe data. The store
 * (server/audit/) writes and reads these; nothing here does I/O.
 */
export const AUDIT_OUTCOMES = ["pending", "succeeded", "no-change", "refused", "failed", "denied", "interrupted"] as const;

/**
 * pending: written before AWS is called, until its answer; succeeded: AWS did it; no-change:
 * AWS was asked and nothing needed doing (a decision already taken); refused: the input was
 * wrong, nothing sent; failed: AWS said no; denied: the person may not; interrupted: Slipway
 * stopped between asking AWS and hearing back, so whether it happened is for ECS to tell.
 */
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who acted, as they were known when they did. */
export interface AuditActor {
  id: string;
  name: string;
  email?: string;
}

export interface AuditEntry {
  /** Increasing with each entry; the paging cursor. */
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  actor: AuditActor;
  /** The operation in the log's terms: "service.scale". */
  action: string;
  /** The ARN (or name) acted on, when known. */
  target?: string;
  /** A short JSON summary of the input, secrets masked. */
  input?: string;
  outcome: AuditOutcome;
  /** What the person was told: the result, or why not. */
  detail?: string;
  awsRequestId?: string;
  /** AWS's error name, or the closed code, when it did not succeed. */
  errorCode?: string;
  /** The same refusal of the same person, repeated: how many times in all, and the last time (ISO). */
  repeats?: { count: number; lastAt: string };
}

export const AUDIT_PAGE_SIZE = 100;
export const AUDIT_MAX_PAGE_SIZE = 1_000;

/** Every field narrows; none given, everything. Times are ISO and both ends count. */
export interface AuditFilter {
  /** An actor's id. */
  actor?: string;
  action?: string;
  /** Part of the target, or of the input summary (a failed action may have no ARN to name). */
  resource?: string;
  from?: string;
  to?: string;
  /** At most this many, AUDIT_PAGE_SIZE unless said, never more than AUDIT_MAX_PAGE_SIZE. */
  limit?: number;
  /** Entries older than this id: the cursor of the next page. */
  before?: number;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Give as `before` for the next, older page; absent on the last. */
  nextBefore?: number;
}

/** What the filter's selects offer: the actions and the people in the log. */
export interface AuditChoices {
  actions: string[];
  actors: AuditActor[];
}

/** A page of a filtered view, as its route handler answers and the page polls it; the newest page carries the choices, and since when the log has been kept. */
export interface AuditView extends AuditPage {
  choices?: AuditChoices;
  keptSince?: string;
}

export type AuditExportFormat = "csv" | "json";
