import { InvalidParameterException } from "./errors";

/** Timestamps arrive on the wire as epoch seconds (JSON 1.1); the SDK types call them Date. */
export function toTimestamp(value: unknown, field: string): Date | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value * 1000);
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value);
  throw new InvalidParameterException(`${field} must be a timestamp.`);
}
