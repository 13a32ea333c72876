import "server-only";
import type { z } from "zod";
import { fieldErrorsOf, type ActionResult } from "@/lib/action-result";
import type { Connection } from "@/server/aws/connection";
import { currentConnection } from "@/server/aws/current-connection";
import { toAwsFailure } from "@/server/aws/errors";
import { auditAction } from "@/server/audit/record-action";

/**
 * The one path every mutation takes: the input is checked against its zod schema before any
 * AWS call, the action runs on the request's connection, AWS errors become the closed set of
 * codes with their request id, and every outcome is logged with the operation and its target.
 * Authorisation and the audit log hang on this same path, so no action can skip them.
 */
export interface ActionContext {
  connection: Connection;
}

export interface ActionOutcome<T> {
  /** What happened, for the person who asked: "web now wants 4 tasks." */
  message: string;
  value: T;
  /** The ARN acted on. */
  target?: string;
  /** AWS's request id for the call that did it, for the audit log. */
  requestId?: string;
}

export interface ActionSpec<S extends z.ZodType, T> {
  /** The operation in the log's terms: "service.scale". */
  name: string;
  input: S;
  run: (input: z.output<S>, context: ActionContext) => Promise<ActionOutcome<T>>;
}

/** A request that cannot be carried out as asked: said at its field when one is to blame, with nothing left half-done. */
export class ActionRefusal extends Error {
  override readonly name = "ActionRefusal";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function logOutcome(name: string, outcome: "succeeded" | "refused" | "failed", details: Record<string, unknown>): void {
  console.info(JSON.stringify({ action: name, outcome, at: new Date().toISOString(), ...details }));
}

export function defineAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error.issues);
      logOutcome(spec.name, "refused", { fields: Object.keys(fieldErrors) });
      await auditAction({ action: spec.name, input: raw, outcome: "refused", detail: Object.values(fieldErrors).join(" "), errorCode: "invalid-input" });
      return { ok: false, error: { code: "invalid-input", message: "Some fields need attention; nothing was sent to AWS." }, fieldErrors };
    }
    try {
      const outcome = await spec.run(parsed.data, { connection: await currentConnection() });
      logOutcome(spec.name, "succeeded", { target: outcome.target });
      await auditAction({ action: spec.name, input: parsed.data, outcome: "succeeded", target: outcome.target, detail: outcome.message, awsRequestId: outcome.requestId });
      return { ok: true, message: outcome.message, value: outcome.value };
    } catch (error) {
      if (error instanceof ActionRefusal) {
        logOutcome(spec.name, "refused", { reason: error.message });
        await auditAction({ action: spec.name, input: parsed.data, outcome: "refused", detail: error.message });
        const failure = { code: "invalid-input" as const, message: error.message };
        return { ok: false, error: failure, ...(error.field ? { fieldErrors: { [error.field]: error.message } } : {}) };
      }
      const failure = toAwsFailure(error);
      if (failure.code === "unknown") console.error(`Action ${spec.name} failed unexpectedly:`, error);
      logOutcome(spec.name, "failed", { code: failure.code, awsCode: failure.awsCode, requestId: failure.requestId });
      await auditAction({
        action: spec.name,
        input: parsed.data,
        outcome: "failed",
        detail: failure.detail ?? failure.message,
        awsRequestId: failure.requestId,
        errorCode: failure.awsCode ?? failure.code,
      });
      return { ok: false, error: failure };
    }
  };
}
