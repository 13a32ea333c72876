import { AWS_ERROR_CODES, type AwsFailure } from "@/lib/aws-errors";

/**
 * The contract between a live view's GET route handler and the page that polls it: the view
 * itself with 200 (parts of it may carry their own errors), or `{ error }` with 404 when ECS
 * says the thing does not exist and 503 when nothing could be read. The server shell hands the
 * page its first read in the same terms.
 */
export type LiveRead<T> = { ok: true; value: T; readAt: number } | { ok: false; error: AwsFailure; readAt: number };

export interface LiveReadFailureBody {
  error: AwsFailure;
}

/** A failed poll, carrying what to tell the person. */
export class LiveReadError extends Error {
  override readonly name = "LiveReadError";
  constructor(readonly failure: AwsFailure) {
    super(failure.detail ?? failure.message);
  }
}

const CODES: ReadonlySet<string> = new Set(AWS_ERROR_CODES);

export function isAwsFailure(value: unknown): value is AwsFailure {
  if (value === null || typeof value !== "object") return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === "string" && CODES.has(code) && typeof message === "string";
}

/** The browser could not reach Slipway's own server, so nothing is known about AWS. */
export function dashboardUnreachable(detail?: string): AwsFailure {
  return {
    code: "unreachable",
    message: "Could not reach the Slipway server. Check that it is still running; the view retries on its own.",
    ...(detail ? { detail } : {}),
  };
}

/** What a failed response means, from its body when it is one of ours, else from its status. */
export function failureOfResponse(status: number, body: unknown): AwsFailure {
  const error = body !== null && typeof body === "object" ? (body as Partial<LiveReadFailureBody>).error : undefined;
  if (isAwsFailure(error)) return error;
  if (status === 502 || status === 504) return dashboardUnreachable(`HTTP ${status}`);
  return {
    code: "unknown",
    message: "The Slipway server answered with an error. Its log says more.",
    detail: `HTTP ${status}`,
  };
}
