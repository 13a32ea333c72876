import { ClusterNotFound } from "@/components/cluster/cluster-not-found";
import { NothingHere } from "@/components/ui/nothing-here";
import { missing, readClusterPage } from "@/server/pages/page-reads";
import { routeMatch } from "@/server/pages/route-params";

export default async function ClusterMissing() {
  const route = await routeMatch<"cluster">("/clusters/[cluster]");
  if (!route) return <NothingHere />;
  const { cluster } = route.params;
  const read = await readClusterPage(cluster);
  const failure = missing(read);
  return failure ? <ClusterNotFound cluster={cluster} failure={failure} /> : <NothingHere />;
}
