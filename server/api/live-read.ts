import "server-only";
import type { AwsFailure } from "@/lib/aws-errors";
import type { LiveRead, LiveReadFailureBody } from "@/lib/live-read";
import { toAwsFailure } from "@/server/aws/errors";

/**
 * Runs a live view's read for a server shell or a GET route handler. A read model returns
 * its view with `error` set when nothing could be read; anything it throws is unexpected,
 * logged here, and still answered as a failure from the closed set.
 */
export async function readLive<T extends { error?: AwsFailure }>(read: () => Promise<T>): Promise<LiveRead<T>> {
  try {
    const value = await read();
    const readAt = Date.now();
    return value.error ? { ok: false, error: value.error, readAt } : { ok: true, value, readAt };
  } catch (error) {
    console.error("A live read failed unexpectedly:", error);
    return { ok: false, error: toAwsFailure(error), readAt: Date.now() };
  }
}

/** Live data must never come from a cache between the browser and the server. */
const HEADERS = { "Cache-Control": "no-store" };

/**
 * 200 with the view (parts of it may carry their own errors); 404 with the failure when ECS
 * says the thing does not exist; 503 with it when nothing could be read.
 */
export function liveReadResponse<T>(result: LiveRead<T>): Response {
  if (result.ok) return Response.json(result.value, { headers: HEADERS });
  const body: LiveReadFailureBody = { error: result.error };
  return Response.json(body, { status: result.error.code === "not-found" ? 404 : 503, headers: HEADERS });
}
