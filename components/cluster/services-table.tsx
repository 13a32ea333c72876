"use client";

import { useMemo } from "react";
import { ResourceTable } from "@/components/resources/resource-table";
import type { ServiceRow } from "@/lib/view-models/clusters";
import { serviceColumns } from "./service-columns";

const NOUN = { one: "service", other: "services" };
const BY_NAME = { column: "name", direction: "ascending" } as const;
/** Room for the rollout's and the load balancer's second line. */
const ROW_HEIGHT = 52;

export function ServicesTable({ cluster, services }: { cluster: string; services: readonly ServiceRow[] }) {
  const columns = useMemo(() => serviceColumns(cluster), [cluster]);
  return (
    <ResourceTable
      caption={`Services of cluster ${cluster}`}
      rows={services}
      columns={columns}
      rowKey={(row) => row.arn || row.name}
      noun={NOUN}
      initialSort={BY_NAME}
      rowHeight={ROW_HEIGHT}
      empty="This cluster has no services yet."
    />
  );
}
