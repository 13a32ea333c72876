import type { Metadata } from "next";
import { readLive } from "@/server/api/live-read";
import { currentConnection } from "@/server/aws/current-connection";
import { readTargetSummary } from "@/server/aws/target-summary";
import { readClustersOverview } from "@/server/ecs/clusters-overview";
import { ClustersOverviewClient } from "./clusters-overview-client";

export const metadata: Metadata = { title: "Clusters" };

/** The first read happens here, so the page is useful before its JavaScript runs; the client then polls. */
export default async function ClustersPage() {
  const connection = await currentConnection();
  const initial = await readLive(() => readClustersOverview(connection));
  return <ClustersOverviewClient initial={initial} target={readTargetSummary(process.env, connection)} />;
}
