import { RolloutNotFound } from "@/components/rollout/rollout-not-found";
import { NothingHere } from "@/components/ui/nothing-here";
import { missing, readRolloutPage } from "@/server/pages/page-reads";
import { routeMatch } from "@/server/pages/route-params";

export default async function RolloutMissing() {
  const route = await routeMatch<"cluster" | "service" | "deployment">("/clusters/[cluster]/services/[service]/deployments/[deployment]");
  if (!route) return <NothingHere />;
  const { cluster, service, deployment } = route.params;
  const read = await readRolloutPage(cluster, service, deployment);
  const failure = missing(read);
  return failure ? <RolloutNotFound cluster={cluster} service={service} deploymentId={deployment} failure={failure} /> : <NothingHere />;
}
