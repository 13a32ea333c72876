/**
 * The opaque page tokens of every listing (ECS `nextToken`, ELBv2 `Marker`): an offset into a
 * stable, sorted listing. Each service turns an invalid token into its own error.
 */
export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

/** The offset a token stands for, or undefined when it is not one of ours. */
export function decodePageToken(token: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // not JSON: not one of ours
  }
  return undefined;
}
