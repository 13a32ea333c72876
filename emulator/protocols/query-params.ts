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

/**
 * Bounds that keep one request from stalling the endpoint, each checked before the work it
 * limits. They admit the largest ELBv2 calls: RegisterTargets with the 1,000 targets a target
 * group holds (3,000 parameters, indexes up to 1,000), and the deepest key of any input, 10
 * segments (a JWT validation action's claim values,
 * `Actions.member.1.JwtValidationConfig.AdditionalClaims.member.1.Values.member.1`).
 */
export const MAX_QUERY_PARAMETERS = 10_000;
export const MAX_KEY_SEGMENTS = 10;
export const MAX_LIST_INDEX = 1_000;

/** AWS answers a request beyond its limits as invalid input. */
export class QueryLimitExceededError extends AwsError {
  constructor(message: string) {
    super("ValidationError", message, 400);
  }
}

type Step = { kind: "field"; name: string } | { kind: "member" | "entry"; index: number };

type Node =
  | { kind: "leaf"; value: string }
  | { kind: "struct"; children: Map<string, Node> }
  | { kind: "list"; children: Map<number, Node> }
  | { kind: "map"; children: Map<number, Node> };
type Container = Exclude<Node, { kind: "leaf" }>;

/**
 * `a=1&b=x+y` → pairs, decoding `+` and percent escapes as HTML forms do. Walks the body rather
 * than splitting it, so a body of millions of `&` is refused before millions of strings exist.
 */
export function parseFormPairs(body: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let start = 0; start < body.length; ) {
    const amp = body.indexOf("&", start);
    const end = amp === -1 ? body.length : amp;
    const piece = body.slice(start, end);
    start = end + 1;
    if (piece === "") continue;
    if (pairs.length === MAX_QUERY_PARAMETERS) {
      throw new QueryLimitExceededError(`A request can have at most ${MAX_QUERY_PARAMETERS} parameters.`);
    }
    const eq = piece.indexOf("=");
    const name = decodeFormComponent(eq === -1 ? piece : piece.slice(0, eq));
    const value = eq === -1 ? "" : decodeFormComponent(piece.slice(eq + 1));
    if (name === "") throw new InvalidQueryParameterError("A query parameter has an empty name.");
    pairs.push([name, value]);
  }
  return pairs;
}

/** Text cut short, so that an error about a huge name or value does not repeat it whole. */
function shortened(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

function decodeFormComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw new InvalidQueryParameterError(`The query string has a malformed percent-encoding: ${shortened(text)}`);
  }
}

function parseIndex(segment: string | undefined, name: string): number {
  const index = /^[1-9][0-9]*$/.test(segment ?? "") ? Number(segment) : NaN;
  if (!Number.isSafeInteger(index)) {
    throw new InvalidQueryParameterError(`Parameter ${shortened(name)} needs a positive integer index after member/entry.`);
  }
  if (index > MAX_LIST_INDEX) {
    throw new QueryLimitExceededError(`Parameter ${shortened(name)} has an index above ${MAX_LIST_INDEX}, the most any list or map may hold.`);
  }
  return index;
}

/** Counts dots only as far as the limit, so that a key of millions of segments costs no more than a short one. */
function checkDepth(name: string): void {
  let dot = -1;
  for (let segments = 1; (dot = name.indexOf(".", dot + 1)) !== -1; segments++) {
    if (segments === MAX_KEY_SEGMENTS) {
      throw new QueryLimitExceededError(`Parameter ${shortened(name)} has more than ${MAX_KEY_SEGMENTS} dotted segments.`);
    }
  }
}

function parseSteps(name: string): Step[] {
  checkDepth(name);
  const segments = name.split(".");
  if (segments.some((segment) => segment === "")) {
    throw new InvalidQueryParameterError(`Parameter ${shortened(name)} has an empty path segment.`);
  }
  const steps: Step[] = [{ kind: "field", name: segments[0] }];
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === "member" || segment === "entry") {
      steps.push({ kind: segment, index: parseIndex(segments[++i], name) });
      const next = segments[i + 1];
      if (segment === "entry" && next !== "key" && next !== "value") {
        throw new InvalidQueryParameterError(`Parameter ${shortened(name)} must name the key or value of a map entry.`);
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
      throw new InvalidQueryParameterError(`Parameter ${shortened(name)} ${problem}.`);
    }
    const node = existing ?? wanted;
    if (!existing) children.set(key, node);
    if (node.kind !== "leaf") parent = node;
  });
}

/**
 * Lists and maps are compacted in index order. An empty value as a structure member is how the
 * SDKs send an empty list (`Names=`), so it decodes to `[]`; a handler wanting a string still
 * reads it as "" through `String([])`. Containers are finished children first from a stack of
 * their own rather than by recursion, so no input can exhaust the call stack.
 */
function finish(root: Container): QueryStruct {
  const finished = new Map<Container, QueryValue>();
  const pending: Array<{ node: Container; childrenDone: boolean }> = [{ node: root, childrenDone: false }];
  while (pending.length > 0) {
    const { node, childrenDone } = pending.pop()!;
    if (childrenDone) {
      finished.set(node, assemble(node, finished));
      continue;
    }
    pending.push({ node, childrenDone: true });
    for (const child of node.children.values()) {
      if (child.kind !== "leaf") pending.push({ node: child, childrenDone: false });
    }
  }
  return finished.get(root) as QueryStruct;
}

type ValueOf = (child: Node, asMember: boolean) => QueryValue;

/** One container's value, from its children's, which are all finished already. */
function assemble(node: Container, finished: Map<Container, QueryValue>): QueryValue {
  const valueOf: ValueOf = (child, asMember) => {
    if (child.kind !== "leaf") return finished.get(child)!;
    return asMember && child.value === "" ? [] : child.value;
  };
  switch (node.kind) {
    case "struct":
      return Object.fromEntries([...node.children].map(([key, child]) => [key, valueOf(child, true)]));
    case "list":
      return byIndex(node.children).map((child) => valueOf(child, false));
    case "map":
      return Object.fromEntries(byIndex(node.children).map((entry) => mapEntry(entry, valueOf)));
  }
}

function byIndex(children: Map<number, Node>): Node[] {
  return [...children].sort(([a], [b]) => a - b).map(([, child]) => child);
}

function mapEntry(entry: Node, valueOf: ValueOf): [string, QueryValue] {
  const key = entry.kind === "struct" ? entry.children.get("key") : undefined;
  const value = entry.kind === "struct" ? entry.children.get("value") : undefined;
  if (key?.kind !== "leaf" || !value) {
    throw new InvalidQueryParameterError("Every map entry needs both a key and a value.");
  }
  return [key.value, valueOf(value, false)];
}

/** Flat `[name, value]` pairs → one nested structure. */
export function decodeQueryParams(pairs: Array<[string, string]>): QueryStruct {
  const root: Container = { kind: "struct", children: new Map() };
  for (const [name, value] of pairs) insert(root, name, value);
  return finish(root);
}
