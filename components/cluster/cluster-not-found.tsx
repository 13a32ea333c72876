import Link from "next/link";
import type { AwsFailure } from "@/lib/aws-errors";
import { pagePaths } from "@/lib/query-keys";
import { ClusterBreadcrumb } from "./breadcrumb";

/** A cluster ECS does not know: say so, with ECS's own words, and the way back. */
export function ClusterNotFound({ cluster, failure }: { cluster: string; failure: AwsFailure }) {
  const aws = [failure.awsCode, failure.detail].filter(Boolean).join(": ");
  return (
    <div className="space-y-4">
      <ClusterBreadcrumb cluster={cluster} />
      <section aria-labelledby="cluster-not-found" className="rounded-lg border border-dashed border-line bg-surface px-4 py-10 text-center sm:px-8">
        <h1 id="cluster-not-found" className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">
          No cluster named {cluster}
        </h1>
        <p className="mx-auto mt-2 max-w-prose text-sm text-ink-muted">
          ECS has no active cluster by this name in this account and region. It may have been deleted, or the address may be mistyped.
        </p>
        {aws && <p className="mt-2 font-mono text-xs [overflow-wrap:anywhere] text-ink-muted">{aws}</p>}
        <p className="mt-6">
          <Link href={pagePaths.clusters()} className="font-medium text-link underline underline-offset-2 hover:no-underline">
            Back to the clusters
          </Link>
        </p>
      </section>
    </div>
  );
}
