import { ValidationError } from "./errors";
import { optionalInteger, optionalString } from "./input";

/**
 * ELBv2 pagination: `PageSize` 1–400 in, `Marker` in and `NextMarker` out. The marker is
 * opaque to clients; here it encodes the offset into a stable listing.
 */
const MAX_PAGE_SIZE = 400;

export interface Page<T> {
  items: T[];
  nextMarker?: string;
}

export function paginate<T>(all: readonly T[], input: { Marker?: unknown; PageSize?: unknown }): Page<T> {
  const size = optionalInteger(input.PageSize, "PageSize", 1, MAX_PAGE_SIZE) ?? MAX_PAGE_SIZE;
  const marker = optionalString(input.Marker, "Marker");
  const offset = marker === undefined || marker === "" ? 0 : decodeMarker(marker);
  const next = offset + size;
  return { items: all.slice(offset, next), nextMarker: next < all.length ? encodeMarker(next) : undefined };
}

function encodeMarker(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeMarker(marker: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(marker, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through to the error below
  }
  throw new ValidationError("The specified marker is not valid.");
}
