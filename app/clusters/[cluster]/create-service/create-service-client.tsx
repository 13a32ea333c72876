"use client";

import { CreateServiceFormBody } from "@/components/deploy/create/create-service-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import type { LiveRead } from "@/lib/live-read";
import { pagePaths } from "@/lib/query-keys";
import type { CreateServicePageData } from "@/lib/view-models/load-balancing-create";

/** The create-service page: the form once its choices are read, or why it cannot be shown. */
export function CreateServiceClient({ cluster, initial, refusal }: { cluster: string; initial?: LiveRead<CreateServicePageData>; refusal?: string }) {
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Breadcrumb items={[{ label: "Clusters", href: pagePaths.clusters() }, { label: cluster, href: pagePaths.cluster(cluster) }, { label: "Create a service" }]} />
        <PageHeader title="Create a service" description={`In cluster ${cluster}: what it runs, where, how it deploys, and the load balancer in front of it.`} />
      </div>
      {refusal && (
        <Notice tone="warn" title="Creating a service needs the deployer role">
          <p>{refusal}</p>
        </Notice>
      )}
      {initial && !initial.ok && (
        <Notice tone="danger" title="What a service can be created with could not be read">
          <FailureDetails failure={initial.error} />
        </Notice>
      )}
      {initial?.ok && <CreateServiceFormBody cluster={cluster} data={initial.value} />}
    </div>
  );
}
