import "server-only";
import type { Tag, TaskDefinition } from "@aws-sdk/client-ecs";
import { maskRegistrationPair } from "@/lib/secrets/mask-registration";
import { diffRegistrations } from "@/lib/taskdef/diff";
import { parseRevisionReference, type ComparedRevision, type RevisionComparison } from "@/lib/taskdef/diff-comparison";
import { changeNoteOf, toRegistration } from "@/lib/taskdef/registration";
import { isoDate, type Part } from "@/lib/view-models/common";
import type { Connection } from "@/server/aws/connection";
import { describeRevision } from "./task-definition-revision";

type Described = Part<{ taskDefinition: TaskDefinition; tags: Tag[] }>;

/**
 * Two revisions side by side, masked for the viewer, and what changed from `left` (the older)
 * to `right` (the newer):
 *
 *   ecs:DescribeTaskDefinition  2   (in parallel, include TAGS; 1 when both name the same
 *                                    revision, as identical reads in flight are shared;
 *                                    none for a reference that is not family:revision or an ARN)
 */
export async function compareRevisions(connection: Connection, left: string, right: string, { canSeeSecrets }: { canSeeSecrets: boolean }): Promise<RevisionComparison> {
  const [older, newer] = await Promise.all([describeSide(connection, left), describeSide(connection, right)]);
  const comparison: RevisionComparison = { asked: { left, right }, left: header(older), right: header(newer), hidesValues: false };
  if (!older.ok || !newer.ok) return comparison;
  const clean = [toRegistration(older.value.taskDefinition, older.value.tags), toRegistration(newer.value.taskDefinition, newer.value.tags)] as const;
  const masked = maskRegistrationPair(clean[0], clean[1], canSeeSecrets);
  return { ...comparison, diff: diffRegistrations(...masked), hidesValues: JSON.stringify(masked) !== JSON.stringify(clean) };
}

async function describeSide(connection: Connection, text: string): Promise<Described> {
  const parsed = parseRevisionReference(text);
  return parsed.ok ? describeRevision(connection, parsed.reference) : parsed;
}

function header(described: Described): Part<ComparedRevision> {
  if (!described.ok) return described;
  const { taskDefinition, tags } = described.value;
  const family = taskDefinition.family ?? "";
  const revision = taskDefinition.revision ?? 0;
  return {
    ok: true,
    value: {
      label: `${family}:${revision}`,
      family,
      revision,
      status: taskDefinition.status ?? "ACTIVE",
      registeredAt: isoDate(taskDefinition.registeredAt),
      changeNote: changeNoteOf(tags),
    },
  };
}
