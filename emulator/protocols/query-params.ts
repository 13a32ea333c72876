import { AwsError } from "./aws-error";

/**
 * AWS Query's flattened parameters (`Actions.member.1.ForwardConfig.TargetGroups.member.2.Weight=10`)
 * turned back into nested values without a service model: `X.member.N` is a list, `X.entry.N.key`
 * / `.value` a map, any other dotted path a structure. Leaves stay strings because the codec
 * cannot know their types; handlers coerce.
 */
export type QueryValue = string | QueryValue[] | QueryStruct;
export interface QueryStruct {
  [name: string]: QueryValue;
}

export class InvalidQueryParameterError extends AwsError {
  constructor(message: string) {
    super("InvalidQueryParameter", message, 400);
  }
}

type Step = { kind: "field"; name: string } | { kind: "member" | "entry"; index: number };

type Node =
  | { kind: "leaf"; value: string }
  | { kind: "struct"; children: Map<string, Node> }
  | { kind: "list"; children: Map<number, Node> }
  | { kind: "map"; children: Map<number, Node> };
type Container = Exclude<Node, { kind: "leaf" }>;

/** `a=1&b=x+y` → pairs, decoding `+` and percent escapes as HTML forms do. */
export function parseFormPairs(body: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const piece of body.split("&")) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    const name = decodeFormComponent(eq === -1 ? piece : piece.slice(0, eq));
    const value = eq === -1 ? "" : decodeFormComponent(piece.slice(eq + 1));
    if (name === "") throw new InvalidQueryParameterError("A query parameter has an empty name.");
    pairs.push([name, value]);
  }
  return pairs;
}

function decodeFormComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw new InvalidQueryParameterError(`The query string has a malformed percent-encoding: ${text}`);
  }
}

function parseIndex(segment: string | undefined, name: string): number {
  const index = /^[1-9][0-9]*$/.test(segment ?? "") ? Number(segment) : NaN;
  if (!Number.isSafeInteger(index)) {
    throw new InvalidQueryParameterError(`Parameter ${name} needs a positive integer index after member/entry.`);
  }
  return index;
}

function parseSteps(name: string): Step[] {
  const segments = name.split(".");
  if (segments.some((segment) => segment === "")) {
    throw new InvalidQueryParameterError(`Parameter ${name} has an empty path segment.`);
  }
  const steps: Step[] = [{ kind: "field", name: segments[0] }];
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === "member" || segment === "entry") {
      steps.push({ kind: segment, index: parseIndex(segments[++i], name) });
      const next = segments[i + 1];
      if (segment === "entry" && next !== "key" && next !== "value") {
        throw new InvalidQueryParameterError(`Parameter ${name} must name the key or value of a map entry.`);
      }
    } else {
      steps.push({ kind: "field", name: segment });
    }
  }
  return steps;
}

/** The kind of node a step leads into is fixed by the step after it. */
function emptyNodeBefore(next: Step | undefined, value: string): Node {
  if (!next) return { kind: "leaf", value };
  if (next.kind === "field") return { kind: "struct", children: new Map() };
  return { kind: next.kind === "member" ? "list" : "map", children: new Map() };
}

function insert(root: Container, name: string, value: string): void {
  const steps = parseSteps(name);
  let parent: Container = root;
  steps.forEach((step, i) => {
    // Each container was created for the step that follows it, so the key type always fits.
    const children = parent.children as Map<string | number, Node>;
    const key = step.kind === "field" ? step.name : step.index;
    const wanted = emptyNodeBefore(steps[i + 1], value);
    const existing = children.get(key);
    if (existing && (existing.kind !== wanted.kind || existing.kind === "leaf")) {
      const problem = existing.kind === "leaf" && wanted.kind === "leaf" ? "is given more than once" : "mixes a value with a list, map or structure";
      throw new InvalidQueryParameterError(`Parameter ${name} ${problem}.`);
    }
    const node = existing ?? wanted;
    if (!existing) children.set(key, node);
    if (node.kind !== "leaf") parent = node;
  });
}

/**
 * Lists and maps are compacted in index order. An empty value as a structure member is how the
 * SDKs send an empty list (`Names=`), so it decodes to `[]`; a handler wanting a string still
 * reads it as "" through `String([])`.
 */
function finish(node: Node, asMember: boolean): QueryValue {
  switch (node.kind) {
    case "leaf":
      return asMember && node.value === "" ? [] : node.value;
    case "struct":
      return Object.fromEntries([...node.children].map(([key, child]) => [key, finish(child, true)]));
    case "list":
      return byIndex(node.children).map((child) => finish(child, false));
    case "map":
      return Object.fromEntries(byIndex(node.children).map(finishEntry));
  }
}

function byIndex(children: Map<number, Node>): Node[] {
  return [...children].sort(([a], [b]) => a - b).map(([, child]) => child);
}

function finishEntry(entry: Node): [string, QueryValue] {
  const key = entry.kind === "struct" ? entry.children.get("key") : undefined;
  const value = entry.kind === "struct" ? entry.children.get("value") : undefined;
  if (key?.kind !== "leaf" || !value) {
    throw new InvalidQueryParameterError("Every map entry needs both a key and a value.");
  }
  return [key.value, finish(value, false)];
}

/** Flat `[name, value]` pairs → one nested structure. */
export function decodeQueryParams(pairs: Array<[string, string]>): QueryStruct {
  const root: Container = { kind: "struct", children: new Map() };
  for (const [name, value] of pairs) insert(root, name, value);
  return finish(root, false) as QueryStruct;
}
