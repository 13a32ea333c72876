import { jsonTextError } from "./draft-json";
import type { Registration } from "./registration";

/**
 * The editor's one draft: a registration edited through the form or as JSON. Paths are the
 * validation's (`containerDefinitions.0.portMappings.1.containerPort`), so a message, a field
 * and a value all name the same place. Every change returns a new draft; none is mutated.
 */
export type Draft = Record<string, unknown>;

/** A registration as a draft; the draft is free-form because the JSON editor lets anyone type anything. */
export function asDraft(registration: Registration): Draft {
  return { ...registration };
}

type Segment = string | number;

function segmentsOf(path: string): Segment[] {
  return path === "" ? [] : path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

/** The value at `path`, or undefined when any step is missing. */
export function valueAt(draft: unknown, path: string): unknown {
  let current: unknown = draft;
  for (const segment of segmentsOf(path)) {
    if (!isContainer(current)) return undefined;
    current = (current as Record<Segment, unknown>)[segment];
  }
  return current;
}

/**
 * The draft with `value` at `path`, the steps on the way created (a list where the next step
 * is a number). `undefined` leaves the member out, so a cleared field leaves no `""` in the JSON.
 */
export function withValueAt<T>(draft: T, path: string, value: unknown): T {
  return setIn(draft, segmentsOf(path), value) as T;
}

function setIn(current: unknown, [segment, ...rest]: Segment[], value: unknown): unknown {
  if (segment === undefined) return value;
  const next = setIn(isContainer(current) ? (current as Record<Segment, unknown>)[segment] : undefined, rest, value);
  if (typeof segment === "number") {
    const list = Array.isArray(current) ? [...current] : [];
    list[segment] = next;
    return list;
  }
  const object: Record<string, unknown> = isContainer(current) && !Array.isArray(current) ? { ...current } : {};
  if (next === undefined) delete object[segment];
  else object[segment] = next;
  return object;
}

/** The draft with `item` at the end of the list at `path` (the list created if missing). */
export function withItemAdded<T>(draft: T, path: string, item: unknown): T {
  const list = valueAt(draft, path);
  return withValueAt(draft, path, [...(Array.isArray(list) ? list : []), item]);
}

/** The draft without the list item at `path.index`; an emptied list leaves the draft, as ECS would drop it. */
export function withItemRemoved<T>(draft: T, path: string, index: number): T {
  const list = valueAt(draft, path);
  if (!Array.isArray(list)) return draft;
  const kept = list.filter((_, at) => at !== index);
  return withValueAt(draft, path, kept.length > 0 ? kept : undefined);
}

/** The draft as its JSON editor shows it: two-space JSON. */
export function draftText(draft: unknown): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}

export type ParsedDraftText = { ok: true; draft: Draft } | { ok: false; message: string; line: number; column: number; offset: number };

/** The JSON editor's text as a draft, or where it stops being JSON (line and column from 1). */
export function parseDraftText(text: string): ParsedDraftText {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const { message, offset } = jsonTextError(text) ?? { message: "This is not JSON", offset: 0 };
    return { ok: false, message, offset, ...lineAndColumn(text, offset) };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: "A task definition is one JSON object: { … }", line: 1, column: 1, offset: 0 };
  }
  return { ok: true, draft: parsed as Draft };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** A blank draft to start a family from: a Fargate task with one container to fill in. */
export function starterDraft(): Registration {
  return {
    family: "",
    networkMode: "awsvpc",
    containerDefinitions: [{ name: "app", image: "", essential: true, portMappings: [{ containerPort: 8080, protocol: "tcp" }] }],
    requiresCompatibilities: ["FARGATE"],
    cpu: "256",
    memory: "512",
  };
}

/** Where the browser keeps the unsaved draft of an edit from `from` ("web:5"), or of a new family. */
export function draftStorageKey(from: string | undefined): string {
  return `slipway:taskdef-draft:${from || "new"}`;
}

export interface StoredDraft {
  /** The JSON as typed, even when it does not parse: nothing typed is lost. */
  text: string;
  changeNote: string;
  /** The ARN of the revision the draft started from. */
  basedOn?: string;
  /** ISO time of the last save. */
  savedAt: string;
}

/** A stored draft read back, or undefined when there is none or it is not one (another version's, or tampered with). */
export function readStoredDraft(stored: string | null): StoredDraft | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Partial<StoredDraft>;
    if (typeof value.text !== "string" || typeof value.savedAt !== "string" || Number.isNaN(Date.parse(value.savedAt))) return undefined;
    return {
      text: value.text,
      changeNote: typeof value.changeNote === "string" ? value.changeNote : "",
      ...(typeof value.basedOn === "string" ? { basedOn: value.basedOn } : {}),
      savedAt: value.savedAt,
    };
  } catch {
    return undefined;
  }
}

export function storedDraftText(draft: StoredDraft): string {
  return JSON.stringify(draft);
}
