import type { TaskDefinitionStatus } from "@aws-sdk/client-ecs";
import { awsFailure, type AwsFailure } from "@/lib/aws-errors";
import { taskDefinitionRef, type Part } from "@/lib/view-models/common";
import type { RegistrationDiff } from "./diff";

/** One side of a comparison, as its header shows it. */
export interface ComparedRevision {
  /** "web:7" */
  label: string;
  family: string;
  revision: number;
  status: TaskDefinitionStatus;
  registeredAt?: string;
  changeNote?: string;
}

/** Two revisions and what changed between them; each side may fail on its own. */
export interface RevisionComparison {
  /** The references as asked for, to fill the form again. */
  asked: { left: string; right: string };
  left: Part<ComparedRevision>;
  right: Part<ComparedRevision>;
  /** Only when both sides were read. */
  diff?: RegistrationDiff;
  /** Whether masking hid values from this viewer; a hidden value shows as hidden on both sides, never as changed or unchanged. */
  hidesValues: boolean;
}

/**
 * "web:7" or a task definition ARN, as the page's form takes it. A family alone is refused:
 * it would mean whichever revision is latest, and a comparison should say what it compares.
 */
export function parseRevisionReference(text: string): { ok: true; reference: string } | { ok: false; error: AwsFailure } {
  const reference = text.trim();
  if (taskDefinitionRef(reference)) return { ok: true, reference };
  const detail = reference
    ? `“${reference}” is not a task definition revision. Write family:revision, for example web:5.`
    : "Name a revision as family:revision, for example web:5.";
  return { ok: false, error: { ...awsFailure("invalid-input"), message: "This is not a revision Slipway can look up.", detail } };
}
