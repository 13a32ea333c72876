import { describe, expect, it } from "vitest";
import { awsFailure } from "@/lib/aws-errors";
import {
  countByStatus,
  mergeRevisionLists,
  pageOfRevisions,
  previousRevision,
  principalName,
  revisionStatusLabel,
  toRevisionRow,
  type ListedRevision,
} from "./task-definition-history";

const arn = (family: string, revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${revision}`;

function listed(...revisions: number[]): ListedRevision[] {
  return revisions.map((revision) => ({ arn: arn("web", revision), revision, status: "ACTIVE" }));
}

describe("a family's revisions from its three listings", () => {
  it("merges them newest first, each with the status it was listed under", () => {
    const merged = mergeRevisionLists([
      { status: "ACTIVE", arns: [arn("web", 9), arn("web", 10), arn("web", 2)] },
      { status: "INACTIVE", arns: [arn("web", 8), arn("web", 1)] },
      { status: "DELETE_IN_PROGRESS", arns: [arn("web", 3)] },
    ]);
    expect(merged.map((entry) => [entry.revision, entry.status])).toEqual([
      [10, "ACTIVE"],
      [9, "ACTIVE"],
      [8, "INACTIVE"],
      [3, "DELETE_IN_PROGRESS"],
      [2, "ACTIVE"],
      [1, "INACTIVE"],
    ]);
    expect(countByStatus(merged)).toEqual({ ACTIVE: 3, INACTIVE: 2, DELETE_IN_PROGRESS: 1 });
  });

  it("sorts revision 10 after 9 by number, not as text, and skips what is not a revision ARN", () => {
    const merged = mergeRevisionLists([{ status: "ACTIVE", arns: [arn("web", 10), "web:9", arn("web", 9)] }]);
    expect(merged.map((entry) => entry.revision)).toEqual([10, 9]);
  });

  it("finds the previous revision ECS still has, skipping deleted numbers", () => {
    const revisions = listed(7, 6, 3);
    expect(previousRevision(revisions, 7)).toBe(6);
    expect(previousRevision(revisions, 6)).toBe(3);
    expect(previousRevision(revisions, 3)).toBeUndefined();
  });
});

describe("a page of revisions", () => {
  const sixty = listed(...Array.from({ length: 60 }, (_, i) => 60 - i));

  it("starts at the newest and says where the next page starts", () => {
    const { page, olderBefore } = pageOfRevisions(sixty, undefined);
    expect(page.map((entry) => entry.revision)).toEqual(Array.from({ length: 25 }, (_, i) => 60 - i));
    expect(olderBefore).toBe(36);
  });

  it("continues below `before`, and the last page has no next", () => {
    expect(pageOfRevisions(sixty, 36).page[0]!.revision).toBe(35);
    const last = pageOfRevisions(sixty, 11);
    expect(last.page.map((entry) => entry.revision)).toEqual(Array.from({ length: 10 }, (_, i) => 10 - i));
    expect(last.olderBefore).toBeUndefined();
  });

  it("has no next page when exactly a page is left", () => {
    expect(pageOfRevisions(listed(3, 2, 1), undefined, 3).olderBefore).toBeUndefined();
    expect(pageOfRevisions(listed(4, 3, 2, 1), undefined, 3).olderBefore).toBe(2);
  });

  it("is empty below the oldest revision", () => {
    expect(pageOfRevisions(sixty, 1)).toEqual({ page: [] });
  });
});

describe("a revision's row", () => {
  const entry: ListedRevision = { arn: arn("web", 5), revision: 5, status: "ACTIVE" };

  it("shows when and by whom it was registered, its change note and its images once each", () => {
    const row = toRevisionRow("web", entry, 4, {
      ok: true,
      value: {
        taskDefinition: {
          status: "ACTIVE",
          registeredAt: new Date("2025-03-01T10:00:00Z"),
          registeredBy: "arn:aws:iam::123456789012:root",
          containerDefinitions: [
            { name: "web", image: "public.ecr.aws/slipway/web:1.5.0" },
            { name: "proxy", image: "envoy:1.30" },
            { name: "sidecar", image: "envoy:1.30" },
          ],
        },
        tags: [{ key: "slipway:change-note", value: "Bump to 1.5.0" }],
      },
    });
    expect(row).toEqual({
      arn: arn("web", 5),
      family: "web",
      revision: 5,
      label: "web:5",
      status: "ACTIVE",
      previous: 4,
      registeredAt: "2025-03-01T10:00:00.000Z",
      registeredBy: "arn:aws:iam::123456789012:root",
      changeNote: "Bump to 1.5.0",
      images: ["public.ecr.aws/slipway/web:1.5.0", "envoy:1.30"],
    });
  });

  it("takes the described status over the listed one: it may have changed in between", () => {
    const row = toRevisionRow("web", entry, undefined, { ok: true, value: { taskDefinition: { status: "INACTIVE" }, tags: [] } });
    expect(row.status).toBe("INACTIVE");
    expect(row).not.toHaveProperty("previous");
  });

  it("keeps the listed revision and says why its details are missing when it could not be described", () => {
    const error = awsFailure("throttled");
    expect(toRevisionRow("web", entry, 4, { ok: false, error })).toMatchObject({ label: "web:5", status: "ACTIVE", images: [], error });
  });
});

describe("words for a revision", () => {
  it("names the statuses as people say them", () => {
    expect(["ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"].map((status) => revisionStatusLabel(status as "ACTIVE"))).toEqual(["Active", "Inactive", "Deleting"]);
  });

  it.each([
    ["arn:aws:iam::123456789012:root", "root"],
    ["arn:aws:iam::123456789012:user/ops/alice", "alice"],
    ["arn:aws:sts::123456789012:assumed-role/Deployer/ci-pipeline", "ci-pipeline"],
    ["someone", "someone"],
  ])("says who %s is", (value, name) => {
    expect(principalName(value)).toBe(name);
  });
});
