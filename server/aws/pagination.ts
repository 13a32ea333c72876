import "server-only";

/**
 * Follows a listing to its last page, asking for AWS's largest page each time so a list costs
 * as few calls as it can. ECS pages with `nextToken`/`maxResults` (at most 100), ELBv2 with
 * `Marker`/`PageSize` (at most 400).
 */
export const ECS_PAGE_SIZE = 100;
export const ELB_PAGE_SIZE = 400;

/** A token seen twice would loop forever, one AWS call per turn. */
function checkAdvanced(seen: Set<string>, token: string): void {
  if (seen.has(token)) throw new Error(`Pagination returned a page token it had already returned: ${token}`);
  seen.add(token);
}

/** `onPage` sees each page's items as it arrives, so work on them can start before the last page. */
export async function listAll<I extends { nextToken?: string; maxResults?: number }, O extends { nextToken?: string }, T>(
  fetchPage: (input: I) => Promise<O>,
  input: I,
  itemsOf: (page: O) => readonly T[] | undefined,
  onPage?: (items: readonly T[]) => void,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await fetchPage({ ...input, maxResults: ECS_PAGE_SIZE, nextToken });
    const pageItems = itemsOf(page) ?? [];
    items.push(...pageItems);
    onPage?.(pageItems);
    nextToken = page.nextToken || undefined;
    if (nextToken) checkAdvanced(seen, nextToken);
  } while (nextToken);
  return items;
}

export async function listAllByMarker<I extends { Marker?: string; PageSize?: number }, O extends { NextMarker?: string }, T>(
  fetchPage: (input: I) => Promise<O>,
  input: I,
  itemsOf: (page: O) => readonly T[] | undefined,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  do {
    const page = await fetchPage({ ...input, PageSize: ELB_PAGE_SIZE, Marker: marker });
    items.push(...(itemsOf(page) ?? []));
    marker = page.NextMarker || undefined;
    if (marker) checkAdvanced(seen, marker);
  } while (marker);
  return items;
}
