/**
 * The operations' zod schemas, loaded the first time a form needs them (a dialog opening, a
 * submit) rather than with every page: zod is a large part of the JavaScript a page would
 * otherwise carry before anyone clicks anything.
 */
export function loadOperationSchemas() {
  return import("@/lib/schemas/operations");
}
