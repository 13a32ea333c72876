import { InvalidParameterException } from "./errors";

/**
 * Readers for decoded JSON input: a value of the wrong type is the caller's fault (400,
 * InvalidParameterException naming the field), never ours (500).
 */
export type JsonObject = Record<string, unknown>;
export const absent = (value: unknown): value is undefined | null => value === undefined || value === null;

export function readObject(value: unknown, field: string): JsonObject {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InvalidParameterException(`${field} must be an object.`);
  }
  return value as JsonObject;
}

export function readList(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new InvalidParameterException(`${field} must be a list.`);
  return value;
}

export function readStrings(value: unknown, field: string): string[] {
  return readList(value, field).map((item) => {
    if (typeof item !== "string") throw new InvalidParameterException(`${field} must be a list of strings.`);
    return item;
  });
}

export function optionalString(value: unknown, field: string): string | undefined {
  if (absent(value)) return undefined;
  if (typeof value !== "string") throw new InvalidParameterException(`${field} must be a string.`);
  return value;
}

export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (absent(value)) return undefined;
  if (typeof value !== "boolean") throw new InvalidParameterException(`${field} must be a boolean.`);
  return value;
}

export function integerInRange(value: unknown, field: string, min: number, max: number): number {
  if (absent(value)) return 0;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidParameterException(`${field} must be an integer from ${min} to ${max}.`);
  }
  return value;
}

export function requiredString(value: unknown, field: string): string {
  const text = optionalString(value, field);
  if (text === undefined) throw new InvalidParameterException(`${field} is required.`);
  return text;
}
