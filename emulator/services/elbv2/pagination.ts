import { decodePageToken, encodePageToken } from "../../store/page-tokens";
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
  return { items: all.slice(offset, next), nextMarker: next < all.length ? encodePageToken(next) : undefined };
}

function decodeMarker(marker: string): number {
  const offset = decodePageToken(marker);
  if (offset === undefined) throw new ValidationError("The specified marker is not valid.");
  return offset;
}
