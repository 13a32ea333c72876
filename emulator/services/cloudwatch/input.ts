import { InvalidParameterValue, MissingParameter } from "./errors";

/** Readers for CloudWatch's JSON input: a missing required member and a wrong value get CloudWatch's own errors. */
export function requiredTimestamp(value: unknown, name: string): number {
  if (value === undefined || value === null) throw new MissingParameter(name);
  // JSON carries epoch seconds; the SDK types call them Date.
  const ms = typeof value === "number" ? value * 1000 : value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new InvalidParameterValue(`The parameter ${name} must be a timestamp.`);
  return ms;
}

export function requiredString(value: unknown, name: string, maxLength = 255): string {
  if (value === undefined || value === null || value === "") throw new MissingParameter(name);
  if (typeof value !== "string") throw new InvalidParameterValue(`The parameter ${name} must be a string.`);
  if (value.length > maxLength) throw new InvalidParameterValue(`The parameter ${name} must be no longer than ${maxLength} characters.`);
  return value;
}

export function optionalString(value: unknown, name: string, maxLength = 255): string | undefined {
  return value === undefined || value === null ? undefined : requiredString(value, name, maxLength);
}

export function optionalPositiveInteger(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new InvalidParameterValue(`The value ${String(value)} for parameter ${name} must be a positive integer.`);
  }
  return value;
}

export function optionalList(value: unknown, name: string): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new InvalidParameterValue(`The parameter ${name} must be a list.`);
  return value;
}

export function requiredList(value: unknown, name: string): unknown[] {
  const list = optionalList(value, name);
  if (!list || list.length === 0) throw new MissingParameter(name);
  return list;
}

export function asObject(value: unknown, name: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new InvalidParameterValue(`The parameter ${name} must be a structure.`);
  return value as Record<string, unknown>;
}
