import "server-only";
import { forbidden, unauthorized } from "next/navigation";
import type { z } from "zod";
import { fieldErrorsOf, type ActionResult } from "@/lib/action-result";
import type { AwsFailure } from "@/lib/aws-errors";
import type { Permission } from "@/lib/auth/permissions";
import type { Connection } from "@/server/aws/connection";
import { currentConnection } from "@/server/aws/current-connection";
import { toAwsFailure } from "@/server/aws/errors";
import { auditAction, beginAuditedChange, settleAuditedChange } from "@/server/audit/record-action";
import { forgetApprovalsInbox } from "@/server/ecs/approvals-inbox";
import { currentActor, refusalFor, type Actor } from "@/server/auth/session";

/**
 * The one path every mutation takes: the person is checked for the action's permission (and
 * the instance for the read-only switch) before anything else, the input against its zod
 * schema before any AWS call; the action runs on the request's connection, AWS errors become
 * the closed set of codes with their request id. Every attempt is in the audit log: refusals as
 * they happen, and a change as a pending entry written before AWS is asked and settled with its
 * outcome after; a log that cannot be written refuses the change. No action can skip a step:
 * there is no other way to define one.
 */
export interface ActionContext {
  connection: Connection;
  actor: Actor;
}

export interface ActionOutcome<T> {
  /** What happened, for the person who asked: "web now wants 4 tasks." */
  message: string;
  value: T;
  /** The ARN acted on. */
  target?: string;
  /** AWS's request id for the call that did it, for the audit log. */
  requestId?: string;
  /** False when nothing needed doing (a decision someone had already taken): logged as "no change". */
  changed?: boolean;
}

export interface ActionSpec<S extends z.ZodType, T> {
  /** The operation in the log's terms: "service.scale". */
  name: string;
  /** What the person must be allowed (lib/auth/permissions.ts). */
  permission: Permission;
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

/**
 * A failure the action has already put in the closed set's terms, for when AWS's own error
 * says less than it knows: DeleteTaskDefinitions answers a missing revision with HTTP 200 and a
 * reason, which is "not found", not success.
 */
export class ActionFailure extends Error {
  override readonly name = "ActionFailure";
  constructor(readonly failure: AwsFailure) {
    super(failure.detail ?? failure.message);
  }
}

const AUDIT_UNAVAILABLE =
  "Nothing was changed: the audit log cannot be written, and every change must be recorded. An admin can see why in the Slipway server's log (the audit page says so too).";

function logOutcome(name: string, actor: Actor | undefined, outcome: "succeeded" | "refused" | "failed" | "denied", details: Record<string, unknown>): void {
  console.info(JSON.stringify({ action: name, actor: actor?.id ?? null, outcome, at: new Date().toISOString(), ...details }));
}

export function defineAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    const actor = await currentActor();
    const refusal = refusalFor(actor, spec.permission);
    if (refusal || !actor) {
      logOutcome(spec.name, actor, "denied", { reason: refusal?.message });
      auditAction({ action: spec.name, input: raw, outcome: "denied", detail: refusal?.message, errorCode: "access-denied" }, actor);
      // A real 401 or 403 for the request, whoever sent it: the page never offers what the person may not do.
      return refusal?.status === 401 || !actor ? unauthorized() : forbidden();
    }
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error.issues);
      logOutcome(spec.name, actor, "refused", { fields: Object.keys(fieldErrors) });
      auditAction({ action: spec.name, input: raw, outcome: "refused", detail: Object.values(fieldErrors).join(" "), errorCode: "invalid-input" }, actor);
      return { ok: false, error: { code: "invalid-input", message: "Some fields need attention; nothing was sent to AWS." }, fieldErrors };
    }
    let entryId: number;
    try {
      entryId = beginAuditedChange({ action: spec.name, input: parsed.data }, actor);
    } catch (error) {
      console.error(`The audit log could not record ${spec.name}: nothing was changed.`, error);
      logOutcome(spec.name, actor, "refused", { reason: "audit log unavailable" });
      return { ok: false, error: { code: "unknown", message: AUDIT_UNAVAILABLE } };
    }
    try {
      const connection = await currentConnection();
      const outcome = await spec.run(parsed.data, { connection, actor });
      // Any change can end a pause (a deploy over it, a decision, a deletion): the inbox is read afresh.
      forgetApprovalsInbox(connection);
      logOutcome(spec.name, actor, "succeeded", { target: outcome.target });
      settleAuditedChange(entryId, { outcome: outcome.changed === false ? "no-change" : "succeeded", target: outcome.target, detail: outcome.message, awsRequestId: outcome.requestId });
      return { ok: true, message: outcome.message, value: outcome.value };
    } catch (error) {
      if (error instanceof ActionRefusal) {
        logOutcome(spec.name, actor, "refused", { reason: error.message });
        settleAuditedChange(entryId, { outcome: "refused", detail: error.message });
        const failure = { code: "invalid-input" as const, message: error.message };
        return { ok: false, error: failure, ...(error.field ? { fieldErrors: { [error.field]: error.message } } : {}) };
      }
      const failure = error instanceof ActionFailure ? error.failure : toAwsFailure(error);
      if (failure.code === "unknown") console.error(`Action ${spec.name} failed unexpectedly:`, error);
      logOutcome(spec.name, actor, "failed", { code: failure.code, awsCode: failure.awsCode, requestId: failure.requestId });
      settleAuditedChange(entryId, { outcome: "failed", detail: failure.detail ?? failure.message, awsRequestId: failure.requestId, errorCode: failure.awsCode ?? failure.code });
      return { ok: false, error: failure };
    }
  };
}
