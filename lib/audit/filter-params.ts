import { AUDIT_MAX_PAGE_SIZE, type AuditExportFormat, type AuditFilter } from "./types";

/**
 * The audit page's filter lives in its URL, so a filtered view can be shared and survives a
 * reload: `?user=alice&action=service.scale&resource=web&from=2026-05-01T09:00&to=…`. The
 * route handlers take the same parameters. Times without a zone are UTC, as the page shows
 * them, and `to` counts to the end of the minute (or second) it names.
 */
export interface AuditFilterFields {
  user: string;
  action: string;
  resource: string;
  from: string;
  to: string;
}

export const AUDIT_FILTER_FIELDS = ["user", "action", "resource", "from", "to"] as const satisfies readonly (keyof AuditFilterFields)[];

export type AuditFilterErrors = Partial<Record<keyof AuditFilterFields | "limit" | "before" | "format", string>>;

export interface ParsedAuditFilter {
  /** As typed, for the form to show again. */
  fields: AuditFilterFields;
  filter: AuditFilter;
  /** Set when a parameter could not be used; that parameter narrows nothing. */
  errors: AuditFilterErrors;
}

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function paramOf(params: SearchParamsLike, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An ISO instant from what a date-time input gives ("2026-05-01T09:30", UTC when no zone is
 * said). As the end of a range, it is the last millisecond of the minute or second it names.
 */
export function parseAuditTime(text: string, end: "start" | "end"): string | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, day, minute, seconds, millis, zone] = match;
  // Date.parse rolls 30 February over into March; a day that does not exist is refused.
  const midnight = Date.parse(`${day}T00:00Z`);
  if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== day) return undefined;
  const time = Date.parse(`${day}T${minute}${seconds ?? ":00"}${zone ?? "Z"}`);
  if (Number.isNaN(time)) return undefined;
  const span = millis ? 0 : seconds ? 999 : 59_999;
  return new Date(end === "end" ? time + span : time).toISOString();
}

function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

function parseTimes(fields: AuditFilterFields, filter: AuditFilter, errors: AuditFilterErrors): void {
  if (fields.from) {
    filter.from = parseAuditTime(fields.from, "start");
    if (!filter.from) errors.from = "From must be a date and time, like 2026-05-01T09:30.";
  }
  if (fields.to) {
    filter.to = parseAuditTime(fields.to, "end");
    if (!filter.to) errors.to = "To must be a date and time, like 2026-05-01T17:00.";
  }
  if (filter.from && filter.to && filter.to < filter.from) {
    errors.to = "To must not be before From.";
    delete filter.to;
  }
}

function parsePaging(params: SearchParamsLike, filter: AuditFilter, errors: AuditFilterErrors): void {
  const limit = paramOf(params, "limit");
  if (limit) {
    filter.limit = wholeNumber(limit, 1, AUDIT_MAX_PAGE_SIZE);
    if (filter.limit === undefined) errors.limit = `limit must be a whole number from 1 to ${AUDIT_MAX_PAGE_SIZE.toLocaleString("en-US")}.`;
  }
  const before = paramOf(params, "before");
  if (before) {
    filter.before = wholeNumber(before, 1, Number.MAX_SAFE_INTEGER);
    if (filter.before === undefined) errors.before = "before must be an entry id, a whole number.";
  }
}

export function parseAuditFilter(params: SearchParamsLike): ParsedAuditFilter {
  const fields = Object.fromEntries(AUDIT_FILTER_FIELDS.map((name) => [name, paramOf(params, name)])) as unknown as AuditFilterFields;
  const filter: AuditFilter = {};
  const errors: AuditFilterErrors = {};
  if (fields.user) filter.actor = fields.user;
  if (fields.action) filter.action = fields.action;
  if (fields.resource) filter.resource = fields.resource;
  parseTimes(fields, filter, errors);
  parsePaging(params, filter, errors);
  return { fields, filter, errors };
}

/** "?user=alice&action=service.scale", the fields that are set, in a fixed order; "" when none are. */
export function auditFilterQuery(fields: Partial<AuditFilterFields>, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_FIELDS) if (fields[name]) params.set(name, fields[name]);
  for (const [name, value] of Object.entries(extra)) if (value !== undefined && value !== "") params.set(name, String(value));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The fields that narrowed the view: one that could not be used is blank, as the filter left it out. */
export function appliedFields({ fields, errors }: Pick<ParsedAuditFilter, "fields" | "errors">): AuditFilterFields {
  return Object.fromEntries(AUDIT_FILTER_FIELDS.map((name) => [name, errors[name] ? "" : fields[name]])) as unknown as AuditFilterFields;
}

export function parseExportFormat(text: string | null): AuditExportFormat | undefined {
  return text === "csv" || text === "json" ? text : undefined;
}

export function hasFilter(fields: AuditFilterFields): boolean {
  return AUDIT_FILTER_FIELDS.some((name) => fields[name] !== "");
}
