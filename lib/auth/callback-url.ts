/**
 * Where to go after signing in: a path of this Slipway, never another site. The value comes
 * from the URL, so anyone can craft it; browsers read `/\host`, `/<TAB>/host` and the like as
 * `//host`, another origin. So the path is resolved as a browser would, against a placeholder
 * origin, and kept only when it stays there — in the browser's own normalised form.
 */
const PLACEHOLDER_ORIGIN = "http://slipway.invalid";
const OVERVIEW = "/";

export function safeCallbackPath(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/")) return OVERVIEW;
  let resolved: URL;
  try {
    resolved = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return OVERVIEW;
  }
  if (resolved.origin !== PLACEHOLDER_ORIGIN) return OVERVIEW;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // A path that still begins with two slashes, of either kind, would leave for another host once written into a Location.
  if (/^[/\\]{2}/.test(path) || path.startsWith("/sign-in")) return OVERVIEW;
  return path;
}
