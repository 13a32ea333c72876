import "server-only";
import type { TaskDefinitionStatus } from "@aws-sdk/client-ecs";
import { awsFailure } from "@/lib/aws-errors";
import { parseFamilyRevision } from "@/lib/arn";
import {
  countByStatus,
  mergeRevisionLists,
  pageOfRevisions,
  previousRevision,
  REVISIONS_PER_PAGE,
  toRevisionRow,
  type FamilyHistoryRead,
  type ListedRevision,
} from "@/lib/view-models/task-definition-history";
import { mapWithConcurrency } from "@/server/aws/concurrency";
import type { Connection } from "@/server/aws/connection";
import { listTaskDefinitionArns } from "@/server/aws/ecs-lists";
import { toAwsFailure } from "@/server/aws/errors";
import { describeRevision } from "./task-definition-revision";

const LISTED_STATUSES: readonly TaskDefinitionStatus[] = ["ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"];
/** Descriptions in flight at once for one page: quick, without a burst that AWS would throttle. */
const DESCRIBE_CONCURRENCY = 5;

/**
 * Every revision ECS still has of `family`, newest first. For n revisions of a status:
 *
 *   ecs:ListTaskDefinitions  max(1, ⌈n/100⌉) for each of ACTIVE, INACTIVE, DELETE_IN_PROGRESS
 *
 * (familyPrefix is matched as the whole family name; the three run at once.)
 */
export async function listFamilyRevisions(connection: Connection, family: string): Promise<ListedRevision[]> {
  const lists = await Promise.all(
    LISTED_STATUSES.map(async (status) => ({ status, arns: await listTaskDefinitionArns(connection, { familyPrefix: family, status, sort: "DESC" }) })),
  );
  return mergeRevisionLists(lists);
}

function familyNotFound(family: string) {
  return awsFailure("not-found", { detail: `ECS has no task definition family ${family}.` });
}

function latestActiveOf(revisions: readonly ListedRevision[]): { latestActive?: number } {
  const active = revisions.find((entry) => entry.status === "ACTIVE");
  return active ? { latestActive: active.revision } : {};
}

/**
 * One family's history, a page at a time: the listings above, then for the page's revisions
 * (the newest 25, or the 25 older than `before`):
 *
 *   ecs:DescribeTaskDefinition  one per revision on the page, at most 25   (include TAGS)
 *
 * at most 5 at once. A revision that cannot be described keeps its row, with the reason.
 */
export async function readFamilyHistory(connection: Connection, family: string, { before }: { before?: number } = {}): Promise<FamilyHistoryRead> {
  // A name ECS could never have registered costs no call.
  const name = parseFamilyRevision(family);
  if (!name || name.revision !== undefined) return { error: familyNotFound(family) };
  let revisions: ListedRevision[];
  try {
    revisions = await listFamilyRevisions(connection, family);
  } catch (error) {
    return { error: toAwsFailure(error) };
  }
  if (revisions.length === 0) return { error: familyNotFound(family) };
  const { page, olderBefore } = pageOfRevisions(revisions, before, REVISIONS_PER_PAGE);
  const rows = await mapWithConcurrency(page, DESCRIBE_CONCURRENCY, async (listed) =>
    toRevisionRow(family, listed, previousRevision(revisions, listed.revision), await describeRevision(connection, listed.arn)),
  );
  return {
    history: {
      family,
      counts: countByStatus(revisions),
      latest: revisions[0]!.revision,
      ...latestActiveOf(revisions),
      rows,
      ...(before !== undefined ? { before } : {}),
      ...(olderBefore !== undefined ? { olderBefore } : {}),
    },
  };
}

/**
 * The revision before `revision` that ECS still has, for "Compare with previous revision";
 * undefined for the oldest, or when the listings fail (the page then offers no comparison).
 * Costs the listings of `listFamilyRevisions`.
 */
export async function readPreviousRevision(connection: Connection, family: string, revision: number): Promise<number | undefined> {
  try {
    return previousRevision(await listFamilyRevisions(connection, family), revision);
  } catch {
    return undefined;
  }
}
