import type { AwsFailure } from "@/lib/aws-errors";

/**
 * What a server action answers, plain data for the form that called it: done, with a sentence
 * saying what happened; or refused, with why and, for input that was wrong, a message per
 * field (keyed by the field's path, "desiredCount" or "capacityProviderStrategy.0.weight").
 */
export type ActionResult<T = undefined> =
  | { ok: true; message: string; value: T }
  | { ok: false; error: AwsFailure; fieldErrors?: Record<string, string> };

/** The first message for each field path of a failed validation. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[path] ??= issue.message;
  }
  return errors;
}
