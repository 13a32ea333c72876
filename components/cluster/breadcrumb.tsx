import { Breadcrumb } from "@/components/ui/breadcrumb";
import { pagePaths } from "@/lib/query-keys";

/** Where a cluster's page sits: under the clusters, with the way back one click away. */
export function ClusterBreadcrumb({ cluster }: { cluster: string }) {
  return <Breadcrumb items={[{ label: "Clusters", href: pagePaths.clusters() }, { label: cluster }]} />;
}
