import { ServiceNotFound } from "@/components/service/service-not-found";
import { NothingHere } from "@/components/ui/nothing-here";
import { missing, readDeployPage, readServicePage } from "@/server/pages/page-reads";
import { routeMatch } from "@/server/pages/route-params";

/** The service page's, and its deploy wizard's: both are about a service that may be missing. */
export default async function ServiceMissing() {
  const service = await routeMatch<"cluster" | "service">("/clusters/[cluster]/services/[service]");
  if (service) {
    const { cluster, service: name } = service.params;
    const read = await readServicePage(cluster, name);
    const failure = missing(read);
    if (failure) return <ServiceNotFound cluster={cluster} service={name} failure={failure} />;
  }
  const deploy = await routeMatch<"cluster" | "service">("/clusters/[cluster]/services/[service]/deploy");
  if (deploy) {
    const { cluster, service: name } = deploy.params;
    const { context } = await readDeployPage(cluster, name);
    const failure = missing(context);
    if (failure) return <ServiceNotFound cluster={cluster} service={name} failure={failure} />;
  }
  return <NothingHere />;
}
