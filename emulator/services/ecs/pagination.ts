import { decodePageToken, encodePageToken } from "../../store/page-tokens";
import { InvalidParameterException } from "./errors";

/**
 * ECS pagination: `maxResults` within a documented range, `nextToken` opaque. The token
 * here encodes the offset into a stable, sorted listing.
 */
export interface PageRequest {
  nextToken?: string;
  maxResults?: number;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function paginate<T>(
  all: readonly T[],
  request: PageRequest,
  limits: { defaultSize: number; maxSize: number },
): Page<T> {
  const size = request.maxResults ?? limits.defaultSize;
  if (!Number.isInteger(size) || size < 1 || size > limits.maxSize) {
    throw new InvalidParameterException(`maxResults must be between 1 and ${limits.maxSize}.`);
  }
  const offset = request.nextToken === undefined ? 0 : decodeToken(request.nextToken);
  const items = all.slice(offset, offset + size);
  const next = offset + size;
  return { items, nextToken: next < all.length ? encodePageToken(next) : undefined };
}

function decodeToken(token: string): number {
  const offset = decodePageToken(token);
  if (offset === undefined) throw new InvalidParameterException("The specified nextToken is invalid.");
  return offset;
}
