/**
 * A name from a URL segment, decoded once. A malformed escape ("%E0") is not an error page:
 * the segment is kept as written, and ECS then says it knows no such resource.
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
