import type { Tag, TaskDefinition, TaskDefinitionStatus } from "@aws-sdk/client-ecs";
import type { AwsFailure } from "@/lib/aws-errors";
import { parseEcsArn } from "@/lib/arn";
import { changeNoteOf } from "@/lib/taskdef/registration";
import { isoDate, type Part } from "./common";

/** The task definitions page: every family, and whether it still has a revision new work can use. */
export interface TaskDefinitionFamily {
  name: string;
  /** It has at least one ACTIVE revision; otherwise all its revisions are deregistered (or being deleted). */
  active: boolean;
}

export interface TaskDefinitionFamiliesView {
  families: TaskDefinitionFamily[];
  error?: AwsFailure;
}

/** Revisions a family page shows at a time; each costs one DescribeTaskDefinition. */
export const REVISIONS_PER_PAGE = 25;

/** A revision as ListTaskDefinitions names it, with the status it was listed under. */
export interface ListedRevision {
  arn: string;
  revision: number;
  status: TaskDefinitionStatus;
}

/** One row of a family's history. */
export interface RevisionRow {
  arn: string;
  family: string;
  revision: number;
  /** "web:7" */
  label: string;
  status: TaskDefinitionStatus;
  /** The next older revision ECS still has, for "Compare with previous". */
  previous?: number;
  registeredAt?: string;
  /** Who registered it, as ECS records it (an IAM principal ARN). */
  registeredBy?: string;
  changeNote?: string;
  /** Its containers' images, in order, each once. */
  images: string[];
  /** Why its details could not be read; the row still shows its revision and status. */
  error?: AwsFailure;
}

export interface FamilyHistory {
  family: string;
  /** All its revisions ECS still has, by status. */
  counts: Record<TaskDefinitionStatus, number>;
  /** The newest revision ECS has, whatever its status. */
  latest: number;
  /** The newest ACTIVE revision, what a new revision starts from; none when all are deregistered. */
  latestActive?: number;
  /** This page's revisions, newest first. */
  rows: RevisionRow[];
  /** The page shows revisions older than this one; undefined for the newest page. */
  before?: number;
  /** Where the next page starts (`?before=`), when there are older revisions than this page shows. */
  olderBefore?: number;
}

export interface FamilyHistoryRead {
  history?: FamilyHistory;
  error?: AwsFailure;
}

const STATUS_LABELS: Record<TaskDefinitionStatus, string> = { ACTIVE: "Active", INACTIVE: "Inactive", DELETE_IN_PROGRESS: "Deleting" };

export function revisionStatusLabel(status: TaskDefinitionStatus): string {
  return STATUS_LABELS[status] ?? status;
}

/** ListTaskDefinitions' ARNs, one list per status, as one list newest first. */
export function mergeRevisionLists(lists: readonly { status: TaskDefinitionStatus; arns: readonly string[] }[]): ListedRevision[] {
  const byRevision = new Map<number, ListedRevision>();
  for (const { status, arns } of lists) {
    for (const arn of arns) {
      const resource = parseEcsArn(arn);
      if (resource?.type !== "task-definition") continue;
      byRevision.set(resource.revision, { arn, revision: resource.revision, status });
    }
  }
  return [...byRevision.values()].sort((a, b) => b.revision - a.revision);
}

/** The page of `revisions` (newest first) older than `before`, and where the page after it starts. */
export function pageOfRevisions(
  revisions: readonly ListedRevision[],
  before: number | undefined,
  size = REVISIONS_PER_PAGE,
): { page: ListedRevision[]; olderBefore?: number } {
  const older = before === undefined ? revisions : revisions.filter((entry) => entry.revision < before);
  const page = older.slice(0, size);
  return { page, olderBefore: older.length > size ? page[page.length - 1]!.revision : undefined };
}

export function countByStatus(revisions: readonly ListedRevision[]): Record<TaskDefinitionStatus, number> {
  const counts: Record<TaskDefinitionStatus, number> = { ACTIVE: 0, INACTIVE: 0, DELETE_IN_PROGRESS: 0 };
  for (const entry of revisions) counts[entry.status] += 1;
  return counts;
}

/** The revision listed right after `revision` in a newest-first list: the one before it that ECS still has. */
export function previousRevision(revisions: readonly ListedRevision[], revision: number): number | undefined {
  return revisions.find((entry) => entry.revision < revision)?.revision;
}

function imagesOf(taskDefinition: TaskDefinition): string[] {
  const images = (taskDefinition.containerDefinitions ?? []).map((container) => container.image).filter((image): image is string => !!image);
  return [...new Set(images)];
}

/** A row from the listing and, when it could be read, the revision described with its tags. */
export function toRevisionRow(
  family: string,
  listed: ListedRevision,
  previous: number | undefined,
  described: Part<{ taskDefinition: TaskDefinition; tags: readonly Tag[] }>,
): RevisionRow {
  const row: RevisionRow = {
    arn: listed.arn,
    family,
    revision: listed.revision,
    label: `${family}:${listed.revision}`,
    status: listed.status,
    ...(previous !== undefined ? { previous } : {}),
    images: [],
  };
  if (!described.ok) return { ...row, error: described.error };
  const { taskDefinition, tags } = described.value;
  return {
    ...row,
    // The description is newer than the listing when a revision changed in between.
    status: taskDefinition.status ?? row.status,
    registeredAt: isoDate(taskDefinition.registeredAt),
    registeredBy: taskDefinition.registeredBy,
    changeNote: changeNoteOf(tags),
    images: imagesOf(taskDefinition),
  };
}

/**
 * Who registered a revision, short: "root" for an account's root user, the user or session
 * name for IAM users and assumed roles. The full ARN belongs in a title beside it.
 */
export function principalName(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  const resource = /^arn:aws[a-z-]*:(?:iam|sts)::\d{12}:(.+)$/.exec(arn)?.[1];
  if (!resource) return arn;
  return resource.slice(resource.lastIndexOf("/") + 1);
}
