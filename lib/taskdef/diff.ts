import { MASK } from "@/lib/secrets/mask";
import { alignLines, foldUnchanged, type DiffRow, type LineRow } from "./diff-lines";
import { pruneEmpty, type Registration } from "./registration";

/**
 * What changed between two registrations, as JSON rather than as text: containers matched
 * by name, environment variables and secrets by name, tags by key, object members whatever
 * their order. Reordering a container list or an environment is not a change; lists whose
 * order means something (command, entryPoint, portMappings, healthCheck.command…) compare
 * by position. Read-only members (revision, status, registeredAt…) are not in a
 * registration, so they never show up. A value masked alike on both sides (mask-registration.ts)
 * is hidden: neither changed nor unchanged, as what it hides may differ. Pure and fast: no I/O.
 */

export type ChangeKind = "added" | "removed" | "changed";

export interface Change {
  /** The member's path as the validation names it ("containerDefinitions.0.image"); indices are the newer side's where it has the entry. */
  path: string;
  /** "Container web › image", "Container web › environment › LOG_LEVEL", "Task › cpu". */
  label: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
}

/** A value masked the same way on both sides: the diff cannot say whether it changed, and does not. */
export interface HiddenValue {
  path: string;
  label: string;
}

export interface RegistrationDiff {
  changes: Change[];
  hidden: HiddenValue[];
  /** The two documents side by side, line by line, long unchanged runs folded. */
  rows: DiffRow[];
}

export type { DiffLine, DiffRow, LineRow } from "./diff-lines";

/** What the walk finds on its way. */
interface Found {
  changes: Change[];
  hidden: HiddenValue[];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Side = Json | undefined;

/** Where the walk is: `schema` names members with `*` for list items ("containerDefinitions.*.environment"). */
interface Where {
  schema: string;
  path: string[];
  label: string[];
}

interface KeyedList {
  /** The member that identifies an entry. */
  key: string;
  /** "Container web" rather than "web". */
  noun?: string;
}

const KEYED_LISTS: Record<string, KeyedList> = {
  containerDefinitions: { key: "name", noun: "Container" },
  volumes: { key: "name", noun: "Volume" },
  tags: { key: "key" },
  "containerDefinitions.*.environment": { key: "name" },
  "containerDefinitions.*.secrets": { key: "name" },
};

/** Entries that are a name and a value: a change of value reads as "… › LOG_LEVEL", not "… › LOG_LEVEL › value". */
const VALUE_MEMBERS: Record<string, string> = {
  "tags.*": "value",
  "containerDefinitions.*.environment.*": "value",
  "containerDefinitions.*.secrets.*": "valueFrom",
};

/** How each top-level member is labelled: containers and volumes by their own names, the rest as the task's. */
const ROOT_LABELS: Record<string, string[]> = { containerDefinitions: [], volumes: [], tags: ["Tags"] };

/** Member orders people expect (the API reference's); members not listed follow alphabetically. */
const MEMBER_ORDER: Record<string, readonly string[]> = {
  "": [
    "family", "taskRoleArn", "executionRoleArn", "networkMode", "containerDefinitions", "volumes", "placementConstraints",
    "requiresCompatibilities", "cpu", "memory", "tags", "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators",
    "ephemeralStorage", "runtimePlatform", "enableFaultInjection",
  ],
  "containerDefinitions.*": [
    "name", "image", "repositoryCredentials", "cpu", "memory", "memoryReservation", "links", "portMappings", "essential",
    "restartPolicy", "entryPoint", "command", "environment", "environmentFiles", "mountPoints", "volumesFrom", "linuxParameters",
    "secrets", "dependsOn", "startTimeout", "stopTimeout", "versionConsistency", "hostname", "user", "workingDirectory",
    "disableNetworking", "privileged", "readonlyRootFilesystem", "dnsServers", "dnsSearchDomains", "extraHosts",
    "dockerSecurityOptions", "interactive", "pseudoTerminal", "dockerLabels", "ulimits", "logConfiguration", "healthCheck",
    "systemControls", "resourceRequirements", "firelensConfiguration", "credentialSpecs",
  ],
  "containerDefinitions.*.portMappings.*": ["name", "containerPort", "hostPort", "protocol", "appProtocol", "containerPortRange", "hostPortRange"],
  "containerDefinitions.*.healthCheck": ["command", "interval", "timeout", "retries", "startPeriod"],
  "containerDefinitions.*.logConfiguration": ["logDriver", "options", "secretOptions"],
};

export function diffRegistrations(older: Registration, newer: Registration): RegistrationDiff {
  const found: Found = { changes: [], hidden: [] };
  const [left, right] = align(asJson(older), asJson(newer), { schema: "", path: [], label: [] }, found);
  const rows = alignLines(printed(left), printed(right)).map(hiddenRow);
  return { ...found, rows: foldUnchanged(rows) };
}

/** The same masked line on both sides is not an unchanged one. */
function hiddenRow(row: LineRow): LineRow {
  return row.kind === "same" && row.left.text.includes(MASK) ? { ...row, kind: "hidden" } : row;
}

/** Plain JSON with empty lists and objects left out: ECS treats a missing list and an empty one alike. */
function asJson(registration: Registration): Side {
  const pruned = pruneEmpty(registration);
  return pruned === undefined ? {} : (JSON.parse(JSON.stringify(pruned)) as Json);
}

function printed(document: Side): string[] {
  return document === undefined ? [] : JSON.stringify(document, null, 2).split("\n");
}

/** Both sides with members in one order and keyed lists in one order, so their texts line up; changes found on the way. */
function align(left: Side, right: Side, at: Where, found: Found): [Side, Side] {
  if (left === undefined && right === undefined) return [undefined, undefined];
  const keyed = KEYED_LISTS[at.schema];
  if (keyed && isListOrAbsent(left) && isListOrAbsent(right)) return alignKeyed(left ?? [], right ?? [], keyed, at, found);
  if (isObject(left) && isObject(right)) return alignObjects(left, right, at, found);
  if (Array.isArray(left) && Array.isArray(right) && [...left, ...right].some(isObject)) return alignByPosition(left, right, at, found);
  const before = normalised(left, at);
  const after = normalised(right, at);
  if (JSON.stringify(before) !== JSON.stringify(after)) found.changes.push(changeAt(at, before, after));
  else if (typeof before === "string" && before.includes(MASK)) found.hidden.push({ path: at.path.join("."), label: at.label.join(" › ") });
  return [before, after];
}

/** One side alone, in the order both sides are printed in. */
function normalised(value: Side, at: Where): Side {
  const nested = isObject(value) || (Array.isArray(value) && (value.some(isObject) || KEYED_LISTS[at.schema] !== undefined));
  return nested ? align(value, value, at, { changes: [], hidden: [] })[0] : value;
}

function alignObjects(left: JsonObject, right: JsonObject, at: Where, found: Found): [JsonObject, JsonObject] {
  const alignedLeft: JsonObject = {};
  const alignedRight: JsonObject = {};
  for (const key of orderedMembers([...Object.keys(left), ...Object.keys(right)], at.schema)) {
    const child = { schema: childSchema(at.schema, key), path: [...at.path, key], label: memberLabel(at, key) };
    const [l, r] = align(left[key], right[key], child, found);
    if (l !== undefined) alignedLeft[key] = l;
    if (r !== undefined) alignedRight[key] = r;
  }
  return [alignedLeft, alignedRight];
}

function alignByPosition(left: Json[], right: Json[], at: Where, found: Found): [Json[], Json[]] {
  const alignedLeft: Json[] = [];
  const alignedRight: Json[] = [];
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const item = { schema: `${at.schema}.*`, path: [...at.path, String(index)], label: [...at.label, `#${index + 1}`] };
    const [l, r] = align(left[index], right[index], item, found);
    if (l !== undefined) alignedLeft.push(l);
    if (r !== undefined) alignedRight.push(r);
  }
  return [alignedLeft, alignedRight];
}

function alignKeyed(left: Json[], right: Json[], keyed: KeyedList, at: Where, found: Found): [Json[] | undefined, Json[] | undefined] {
  const leftByKey = byKey(left, keyed.key);
  const rightByKey = byKey(right, keyed.key);
  const alignedLeft: Json[] = [];
  const alignedRight: Json[] = [];
  for (const key of mergedOrder([...leftByKey.keys()], [...rightByKey.keys()])) {
    const l = leftByKey.get(key);
    const r = rightByKey.get(key);
    const index = String(r?.index ?? l!.index);
    const label = [...at.label, keyed.noun ? `${keyed.noun} ${key}` : key];
    const item = { schema: `${at.schema}.*`, path: [...at.path, index], label };
    const [alignedL, alignedR] = l && r ? align(l.item, r.item, item, found) : [normalised(l?.item, item), normalised(r?.item, item)];
    if (!(l && r)) found.changes.push(entryChange(item, alignedL, alignedR));
    if (alignedL !== undefined) alignedLeft.push(alignedL);
    if (alignedR !== undefined) alignedRight.push(alignedR);
  }
  return [alignedLeft.length > 0 ? alignedLeft : undefined, alignedRight.length > 0 ? alignedRight : undefined];
}

/** An entry added or removed; a name-and-value entry shows its value, not its object. */
function entryChange(at: Where, before: Side, after: Side): Change {
  const valueMember = VALUE_MEMBERS[at.schema];
  const entry = before ?? after;
  if (valueMember && isObject(entry) && Object.keys(entry).length === 2 && valueMember in entry) {
    return changeAt(at, isObject(before) ? before[valueMember] : undefined, isObject(after) ? after[valueMember] : undefined);
  }
  return changeAt(at, before, after);
}

function changeAt(at: Where, before: Side, after: Side): Change {
  const kind: ChangeKind = before === undefined ? "added" : after === undefined ? "removed" : "changed";
  const change: Change = { path: at.path.join("."), label: at.label.join(" › "), kind };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return change;
}

/** Entries by their key; an entry without one, or a repeated one, gets a key of its own so nothing is lost. */
function byKey(list: Json[], keyMember: string): Map<string, { item: Json; index: number }> {
  const entries = new Map<string, { item: Json; index: number }>();
  list.forEach((item, index) => {
    const name = isObject(item) && typeof item[keyMember] === "string" ? item[keyMember] : `#${index + 1}`;
    let key = name;
    for (let seen = 2; entries.has(key); seen++) key = `${name} (${seen})`;
    entries.set(key, { item, index });
  });
  return entries;
}

/** The newer side's order, with entries only the older side has placed after the entry they followed there. */
function mergedOrder(left: string[], right: string[]): string[] {
  const merged = [...right];
  let insertAt = 0;
  for (const key of left) {
    const found = merged.indexOf(key);
    if (found >= 0) insertAt = found + 1;
    else merged.splice(insertAt++, 0, key);
  }
  return merged;
}

function orderedMembers(keys: string[], schema: string): string[] {
  const order = MEMBER_ORDER[schema] ?? [];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function childSchema(schema: string, key: string): string {
  return schema === "" ? key : `${schema}.${key}`;
}

function memberLabel(at: Where, key: string): string[] {
  if (at.schema === "") return ROOT_LABELS[key] ?? ["Task", key];
  if (VALUE_MEMBERS[at.schema] === key) return at.label;
  return [...at.label, key];
}

function isObject(value: Side): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isListOrAbsent(value: Side): value is Json[] | undefined {
  return value === undefined || Array.isArray(value);
}
