import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import type { AwsFailure } from "@/lib/aws-errors";
import { pagePaths } from "@/lib/query-keys";

/** A service (or its cluster) that does not exist: say which, and offer the way back up. */
export function ServiceNotFound({ cluster, service, failure }: { cluster: string; service: string; failure: AwsFailure }) {
  const noCluster = failure.awsCode === "ClusterNotFoundException";
  const back = noCluster ? { href: pagePaths.clusters(), label: "Go to the clusters" } : { href: pagePaths.cluster(cluster), label: `Back to cluster ${cluster}` };
  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ label: "Clusters", href: pagePaths.clusters() }, { label: cluster, href: pagePaths.cluster(cluster) }, { label: service }]} />
      <div className="rounded-lg border border-line bg-surface px-5 py-8 text-center shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">{noCluster ? "Cluster not found" : "Service not found"}</h1>
        <p className="mx-auto mt-2 max-w-prose text-ink-muted [overflow-wrap:anywhere]">
          {noCluster ? (
            <>
              There is no cluster named <strong className="font-semibold text-ink">{cluster}</strong> here.
            </>
          ) : (
            <>
              Cluster <strong className="font-semibold text-ink">{cluster}</strong> has no service named{" "}
              <strong className="font-semibold text-ink">{service}</strong>.
            </>
          )}{" "}
          It may have been deleted, or live in another region or account.
        </p>
        {failure.detail && <p className="mt-2 text-xs text-ink-muted">AWS said: {failure.detail}</p>}
        <p className="mt-6">
          <Link href={back.href} className="font-medium text-link underline underline-offset-2 hover:no-underline">
            {back.label}
          </Link>
        </p>
      </div>
    </div>
  );
}
