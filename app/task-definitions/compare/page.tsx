import type { Metadata } from "next";
import { ComparisonView } from "@/components/taskdef/diff/comparison-view";
import { currentConnection } from "@/server/aws/current-connection";
import { compareRevisions } from "@/server/ecs/task-definition-compare";
import { canSeeSecrets } from "@/server/security/secret-access";

type SearchParams = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const params = await searchParams;
  const [left, right] = [single(params.left), single(params.right)];
  return { title: left && right ? `${left} → ${right} · Compare revisions` : "Compare revisions" };
}

/** Revisions never change once registered: read once here, nothing to poll. */
export default async function CompareRevisionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const [left, right] = [single(params.left), single(params.right)];
  if (left === undefined && right === undefined) return <ComparisonView />;
  const [connection, seesSecrets] = await Promise.all([currentConnection(), canSeeSecrets()]);
  // Masked here, on the server: what the viewer may not see is never in the page.
  const comparison = await compareRevisions(connection, left ?? "", right ?? "", { canSeeSecrets: seesSecrets });
  return <ComparisonView comparison={comparison} />;
}
