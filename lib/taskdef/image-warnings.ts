/**
 * Image references that can change under a deployment: `:latest`, no tag at all, or a tag
 * that names a moving target. A digest (`@sha256:…`) pins the image and is never warned about.
 */
const MOVING_TAGS = new Set(["latest", "stable", "main", "master", "dev", "develop", "edge", "nightly", "current", "prod", "production", "staging"]);
const ADVICE = "Use a unique tag (a version or commit) or a digest (@sha256:…) so every task runs the same image.";

export function imageWarnings(image: string): string[] {
  const reference = image.trim();
  if (reference === "" || reference.includes("@sha256:")) return [];
  const tag = tagOf(reference);
  if (tag === undefined) return [`${reference} has no tag, so it means :latest, which can change. ${ADVICE}`];
  if (tag.toLowerCase() === "latest") return [`:latest can point at a different image at any time. ${ADVICE}`];
  if (MOVING_TAGS.has(tag.toLowerCase())) return [`:${tag} usually moves to newer images. ${ADVICE}`];
  return [];
}

/** The tag is after the last ":" of the last path segment, so a registry port is not a tag. */
function tagOf(reference: string): string | undefined {
  const lastSegment = reference.slice(reference.lastIndexOf("/") + 1);
  const colon = lastSegment.lastIndexOf(":");
  return colon === -1 ? undefined : lastSegment.slice(colon + 1);
}
