import { pruneEmpty } from "./registration";

/** JSON with object members sorted, so two drafts that differ only in member order read the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Whether a draft would register the same task definition as the revision it started from.
 * Empty lists and objects do not count (ECS fills them in), nor does member order; the change
 * note lives outside the draft, so a new note alone is still the same settings.
 */
export function sameSettings(draft: unknown, base: unknown): boolean {
  return canonical(pruneEmpty(draft) ?? {}) === canonical(pruneEmpty(base) ?? {});
}
