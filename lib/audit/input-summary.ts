import { maskSecretValue } from "@/lib/secrets/secret-values";

/**
 * What the audit log keeps of an operation's input: enough to see what was asked, never a
 * secret, never large. Values under keys that look secret are masked, and so is the value of
 * a { name, value } pair whose name looks secret (an environment variable, say). Any string
 * that looks like a credential whatever its key (GITHUB_PAT=ghp_…) is masked as the task page
 * masks it, and a URL keeps everything but its password.
 */
export const INPUT_SUMMARY_MAX_BYTES = 2_048;
export const MASKED = "[masked]";

const SECRET_NAME = /secret|password|token|key|credential/i;
/** AWS's identifiers (hookId, serviceDeploymentArn) look random by design, and the log is no use without them. */
const IDENTIFIER_NAME = /(^id|Id|Ids|Arn|Arns)$/;
const MAX_STRING = 256;
const MAX_ITEMS = 20;
const MAX_DEPTH = 6;
const ELLIPSIS = "…";

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

function shortString(value: string): string {
  return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}${ELLIPSIS}` : value;
}

function entriesOf(value: object): [string, unknown][] | undefined {
  if (value instanceof Map) return [...value].map(([key, item]) => [String(key), item]);
  if (typeof FormData !== "undefined" && value instanceof FormData) return [...value].map(([key, item]) => [key, typeof item === "string" ? item : `[file ${item.name}]`]);
  return undefined;
}

function plainObject(entries: [string, unknown][], depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const pairNamedSecret = entries.some(([key, value]) => key === "name" && typeof value === "string" && looksSecret(value));
  const result: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    if (looksSecret(key) || (pairNamedSecret && key === "value")) result[key] = MASKED;
    else result[key] = IDENTIFIER_NAME.test(key) && typeof value === "string" ? shortString(value) : sanitised(value, depth + 1, seen);
  }
  return result;
}

function sanitised(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  // Masked before shortening: a credential cut short is still part of one, and may no longer look like one.
  if (typeof value === "string") return shortString(maskSecretValue(value, MASKED) ?? value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (depth >= MAX_DEPTH) return ELLIPSIS;
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ITEMS).map((item) => sanitised(item, depth + 1, seen) ?? null);
      return value.length > MAX_ITEMS ? [...items, `${ELLIPSIS} ${value.length - MAX_ITEMS} more`] : items;
    }
    return plainObject(entriesOf(value) ?? Object.entries(value), depth, seen);
  } finally {
    seen.delete(value);
  }
}

/** `text` cut to at most `maxBytes` of UTF-8, ending in "…" when cut, never splitting a character. */
export function capBytes(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  const budget = maxBytes - encoder.encode(ELLIPSIS).length;
  let used = 0;
  let kept = "";
  for (const character of text) {
    used += encoder.encode(character).length;
    if (used > budget) break;
    kept += character;
  }
  return `${kept}${ELLIPSIS}`;
}

/** The input as short JSON with secrets masked, or undefined when there was none. */
export function summariseInput(input: unknown): string | undefined {
  const value = sanitised(input, 0, new WeakSet());
  if (value === undefined) return undefined;
  return capBytes(JSON.stringify(value), INPUT_SUMMARY_MAX_BYTES);
}
