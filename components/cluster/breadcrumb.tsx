import Link from "next/link";
import { pagePaths } from "@/lib/query-keys";

/** Where this page sits: under the clusters, with the way back one click away. */
export function ClusterBreadcrumb({ cluster }: { cluster: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol className="flex flex-wrap items-center gap-1.5 text-ink-muted">
        <li>
          <Link href={pagePaths.clusters()} className="text-link underline-offset-2 hover:underline">
            Clusters
          </Link>
        </li>
        <li aria-hidden="true">/</li>
        <li aria-current="page" className="min-w-0 font-medium [overflow-wrap:anywhere] text-ink">
          {cluster}
        </li>
      </ol>
    </nav>
  );
}
