import type { RegisterTaskDefinitionCommandInput, Tag, TaskDefinition } from "@aws-sdk/client-ecs";

/**
 * A revision as the RegisterTaskDefinition input that would register it again: what the
 * editor edits, the diff compares, and the export writes for
 * `aws ecs register-task-definition --cli-input-json file://taskdef.json`.
 */
export type Registration = RegisterTaskDefinitionCommandInput;

/** Members ECS sets itself; RegisterTaskDefinition (and the CLI) refuse them as input. */
export const READ_ONLY_MEMBERS = [
  "taskDefinitionArn",
  "revision",
  "status",
  "requiresAttributes",
  "compatibilities",
  "registeredAt",
  "registeredBy",
  "deregisteredAt",
  "deleteRequestedAt",
] as const;

/** RegisterTaskDefinition's members in the order of the API reference, so every export reads the same way. */
const REGISTRATION_ORDER = [
  "family",
  "taskRoleArn",
  "executionRoleArn",
  "networkMode",
  "containerDefinitions",
  "volumes",
  "placementConstraints",
  "requiresCompatibilities",
  "cpu",
  "memory",
  "tags",
  "pidMode",
  "ipcMode",
  "proxyConfiguration",
  "inferenceAccelerators",
  "ephemeralStorage",
  "runtimePlatform",
  "enableFaultInjection",
] as const;

/** The tag that carries a revision's change note; `aws:` is reserved, so the prefix is Slipway's own. */
export const CHANGE_NOTE_TAG = "slipway:change-note";
/** ECS's limit on a tag value. */
export const MAX_CHANGE_NOTE_LENGTH = 256;

/** A revision's change note, if it was given one. */
export function changeNoteOf(tags: readonly Tag[] | undefined): string | undefined {
  return tags?.find((tag) => tag.key === CHANGE_NOTE_TAG)?.value || undefined;
}

/** The tags a new revision registered with `note` carries: the others kept, the note replaced. */
export function tagsWithChangeNote(tags: readonly Tag[] | undefined, note: string): Tag[] | undefined {
  const kept = (tags ?? []).filter((tag) => tag.key !== CHANGE_NOTE_TAG);
  const trimmed = note.trim();
  const all = trimmed ? [...kept, { key: CHANGE_NOTE_TAG, value: trimmed }] : kept;
  return all.length > 0 ? all : undefined;
}

/**
 * The clean registration of a described revision: read-only members dropped, members in the
 * API's order, and empty lists and objects left out (ECS fills them in again). Tags other
 * than the change note come along, as the CLI registers them too.
 */
export function toRegistration(taskDefinition: TaskDefinition, tags?: readonly Tag[]): Registration {
  const kept = tags?.filter((tag) => tag.key !== CHANGE_NOTE_TAG).map((tag) => ({ key: tag.key, value: tag.value }));
  return orderedRegistration(taskDefinition as Record<string, unknown>, kept);
}

/** `tags` are given apart, as DescribeTaskDefinition returns them beside the task definition; they take their place in the API's order. */
function orderedRegistration(source: Record<string, unknown>, tags: readonly Tag[] | undefined): Registration {
  const readOnly: readonly string[] = READ_ONLY_MEMBERS;
  const known: readonly string[] = REGISTRATION_ORDER;
  const members = { ...source, tags };
  const keys = [...REGISTRATION_ORDER.filter((key) => key in members), ...Object.keys(source).filter((key) => !known.includes(key))];
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    if (readOnly.includes(key)) continue;
    const value = pruneEmpty(members[key as keyof typeof members]);
    if (value !== undefined) result[key] = value;
  }
  return result as unknown as Registration;
}

/** Drops undefined, empty lists and empty objects, at any depth; Dates (never in a registration) become ISO text. */
export function pruneEmpty(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.map(pruneEmpty).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const pruned = pruneEmpty(item);
      return pruned === undefined ? [] : [[key, pruned] as const];
    });
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** The registration as a file people keep beside their code: two-space JSON with a final newline. */
export function registrationJson(registration: Registration): string {
  return `${JSON.stringify(registration, null, 2)}\n`;
}

/** `web-7.json`: the export's file name. */
export function registrationFileName(family: string, revision: number | undefined): string {
  return revision === undefined ? `${family}.json` : `${family}-${revision}.json`;
}

export type ImportedFile =
  | {
      ok: true;
      registration: Registration;
      /** The read-only members found and left out, to tell the person importing. */
      dropped: string[];
      changeNote?: string;
    }
  | { ok: false; message: string; line?: number; column?: number };

/**
 * A `taskdef.json` as pipelines keep it: a registration, or the output of
 * `aws ecs describe-task-definition` (`{"taskDefinition": {...}, "tags": [...]}`), whose
 * read-only members are dropped. Anything else gets a message saying where it went wrong.
 */
export function parseTaskDefinitionFile(text: string): ImportedFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `This is not JSON: ${(error as Error).message}`, ...jsonErrorPosition(text) };
  }
  if (!isPlainObject(parsed)) return { ok: false, message: "A task definition file holds one JSON object, with family and containerDefinitions." };
  const described = isPlainObject(parsed.taskDefinition) ? parsed.taskDefinition : undefined;
  const source = described ?? parsed;
  const tags = described && Array.isArray(parsed.tags) ? (parsed.tags as Tag[]) : (source.tags as Tag[] | undefined);
  if (!("containerDefinitions" in source) && !("family" in source)) {
    return { ok: false, message: "This JSON has neither family nor containerDefinitions: it does not look like a task definition." };
  }
  const dropped = READ_ONLY_MEMBERS.filter((member) => member in source);
  const taggable = Array.isArray(tags) ? tags.filter((tag) => isPlainObject(tag)) : undefined;
  const registration = orderedRegistration(source, taggable?.filter((tag) => tag.key !== CHANGE_NOTE_TAG));
  return { ok: true, registration, dropped, changeNote: changeNoteOf(taggable) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The line and column where the text stops being JSON. V8 names a position for some errors
 * only (not for "Unexpected token" nor for a file cut short), so the text is walked instead.
 */
function jsonErrorPosition(text: string): { line: number; column: number } {
  const lines = text.slice(0, jsonErrorOffset(text)).split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

const JSON_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;

/** The offset of the first character that is not where JSON allows it (the text's length when it ends too soon). */
function jsonErrorOffset(text: string): number {
  let at = 0;
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const expect = (pattern: RegExp) => {
    pattern.lastIndex = at;
    if (!pattern.test(text)) throw at;
    at = pattern.lastIndex;
  };
  const list = (close: string, item: () => void) => {
    at++;
    space();
    if (text[at] === close) return void at++;
    for (;;) {
      item();
      space();
      if (text[at] === close) return void at++;
      if (text[at] !== ",") throw at;
      at++;
    }
  };
  const member = () => {
    space();
    expect(JSON_STRING);
    space();
    if (text[at] !== ":") throw at;
    at++;
    value();
  };
  const value = (): void => {
    space();
    if (text[at] === "{") return list("}", member);
    if (text[at] === "[") return list("]", value);
    expect(text[at] === '"' ? JSON_STRING : JSON_LITERAL);
  };
  try {
    value();
    space();
    return at;
  } catch (offset) {
    return Math.min(offset as number, text.length);
  }
}
