import type { AwsFailure } from "@/lib/aws-errors";
import { parseEcsArn, parseFamilyRevision } from "@/lib/arn";

/**
 * Pieces every page's view model is made of. View models are plain data: they cross from a
 * route handler to the browser as JSON, so dates are ISO strings and nothing is an SDK class.
 */

/** One part of a page: its data, or why AWS could not give it, rendered beside the part. The shape of server/aws's `Settled`. */
export type Part<T> = { ok: true; value: T } | { ok: false; error: AwsFailure };

export function isoDate(date: Date | undefined): string | undefined {
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/** A task definition revision as pages name it: "web:7". */
export interface TaskDefinitionRef {
  /** The ARN, or the "family:revision" ECS was given when it is not an ARN. */
  arn: string;
  family: string;
  revision: number;
  label: string;
}

/** From a task definition ARN or a "family:revision"; undefined for anything without a revision. */
export function taskDefinitionRef(reference: string | undefined): TaskDefinitionRef | undefined {
  if (!reference) return undefined;
  const resource = parseEcsArn(reference);
  const parsed = resource?.type === "task-definition" ? resource : parseFamilyRevision(reference);
  if (parsed?.revision === undefined) return undefined;
  return { arn: reference, family: parsed.family, revision: parsed.revision, label: `${parsed.family}:${parsed.revision}` };
}

/** The last segment of an ARN's resource path: a service deployment's or service revision's id. */
export function idOfArn(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}
