import Link from "next/link";
import type { ReactNode } from "react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { pagePaths } from "@/lib/query-keys";

/** Clusters › demo › web › Deploy, the page's one h1, and a way back to the service. */
export function DeployFrame({ cluster, service, children }: { cluster: string; service: string; children: ReactNode }) {
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb
          items={[
            { label: "Clusters", href: pagePaths.clusters() },
            { label: cluster, href: pagePaths.cluster(cluster) },
            { label: service, href: pagePaths.service(cluster, service) },
            { label: "Deploy" },
          ]}
        />
        <PageHeader
          title={`Deploy ${service}`}
          description="Pick what to deploy and how; ECS carries the deployment out with its own strategy."
          aside={
            <Link href={pagePaths.service(cluster, service)} className="text-sm font-medium text-link underline-offset-2 hover:underline">
              Back to the service
            </Link>
          }
        />
      </div>
      {children}
    </div>
  );
}
