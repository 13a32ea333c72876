import { ClusterNotFound } from "@/components/cluster/cluster-not-found";
import { NothingHere } from "@/components/ui/nothing-here";
import { missing, readNewServicePage } from "@/server/pages/page-reads";
import { routeMatch } from "@/server/pages/route-params";

export default async function CreateServiceClusterMissing() {
  const route = await routeMatch<"cluster">("/clusters/[cluster]/create-service");
  if (!route) return <NothingHere />;
  const { initial } = await readNewServicePage(route.params.cluster);
  const failure = missing(initial);
  return failure ? <ClusterNotFound cluster={route.params.cluster} failure={failure} /> : <NothingHere />;
}
