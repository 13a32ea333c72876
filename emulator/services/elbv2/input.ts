import { isDeepStrictEqual } from "node:util";
import { ValidationError } from "./errors";

/**
 * Readers for AWS Query input. The codec hands over every leaf as a string and every list as
 * an array, so numbers and booleans are parsed here; anything malformed is the caller's fault
 * (400 ValidationError), never ours. Numbers and booleans are also accepted as such, so that
 * in-process callers need not stringify.
 */
export type QueryObject = Record<string, unknown>;

export const absent = (value: unknown): value is undefined | null => value === undefined || value === null;

/** AWS's model-validation wording: "1 validation error detected: Value 'x' at 'pageSize' failed…". */
export function constraintError(value: unknown, field: string, constraint: string): ValidationError {
  const path = field.charAt(0).toLowerCase() + field.slice(1);
  return new ValidationError(`1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: ${constraint}`);
}

/** The codec decodes an empty member (`Name=`) to `[]`, since that is how SDKs send empty lists. */
const isEmptyValue = (value: unknown): boolean => value === "" || (Array.isArray(value) && value.length === 0);

export function optionalString(value: unknown, field: string): string | undefined {
  if (absent(value)) return undefined;
  if (isEmptyValue(value)) return "";
  if (typeof value !== "string") throw new ValidationError(`${field} must be a string.`);
  return value;
}

export function requiredString(value: unknown, field: string): string {
  const text = optionalString(value, field);
  if (text === undefined || text === "") throw new ValidationError(`${field} is required.`);
  return text;
}

function parseInteger(value: unknown, field: string): number {
  const number = typeof value === "number" ? value : typeof value === "string" && /^[+-]?\d{1,15}$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) throw new ValidationError(`${field} must be an integer; '${String(value)}' is not.`);
  return number;
}

export function optionalInteger(value: unknown, field: string, min: number, max: number): number | undefined {
  if (absent(value) || isEmptyValue(value)) return undefined;
  const number = parseInteger(value, field);
  if (number < min) throw constraintError(value, field, `Member must have value greater than or equal to ${min}`);
  if (number > max) throw constraintError(value, field, `Member must have value less than or equal to ${max}`);
  return number;
}

export function requiredInteger(value: unknown, field: string, min: number, max: number): number {
  const number = optionalInteger(value, field, min, max);
  if (number === undefined) throw new ValidationError(`${field} is required.`);
  return number;
}

export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (absent(value) || isEmptyValue(value)) return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new ValidationError(`${field} must be true or false; '${String(value)}' is not.`);
}

export function optionalEnum<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  const text = optionalString(value, field);
  if (text === undefined || text === "") return undefined;
  if (!(allowed as readonly string[]).includes(text)) {
    throw constraintError(text, field, `Member must satisfy enum value set: [${allowed.join(", ")}]`);
  }
  return text as T;
}

export function readObject(value: unknown, field: string): QueryObject {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new ValidationError(`${field} must be a structure.`);
  return value as QueryObject;
}

export function optionalObject(value: unknown, field: string): QueryObject | undefined {
  return absent(value) || isEmptyValue(value) ? undefined : readObject(value, field);
}

/** An empty Query list (`Names=`) may arrive as an empty string. */
export function optionalList(value: unknown, field: string): unknown[] | undefined {
  if (absent(value)) return undefined;
  if (value === "") return [];
  if (!Array.isArray(value)) throw new ValidationError(`${field} must be a list.`);
  return value;
}

export function readList(value: unknown, field: string): unknown[] {
  const list = optionalList(value, field);
  if (list === undefined) throw new ValidationError(`${field} is required.`);
  return list;
}

export function optionalStrings(value: unknown, field: string): string[] | undefined {
  return optionalList(value, field)?.map((item) => {
    if (typeof item !== "string") throw new ValidationError(`${field} must be a list of strings.`);
    return item;
  });
}

export function readStrings(value: unknown, field: string): string[] {
  const list = optionalStrings(value, field);
  if (list === undefined) throw new ValidationError(`${field} is required.`);
  return list;
}

export function maxItems<T>(list: T[], max: number, field: string): T[] {
  if (list.length > max) throw constraintError(`[${list.length} items]`, field, `Member must have length less than or equal to ${max}`);
  return list;
}

/** Equal as stored: key order and undefined members do not count. */
export function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));
}
