import type { Metadata } from "next";
import { connection } from "next/server";
import { readLive } from "@/server/api/live-read";
import { defaultConnection, readTargetSummary } from "@/server/aws/target-summary";
import { readClustersOverview } from "@/server/ecs/clusters-overview";
import { ClustersOverviewClient } from "./clusters-overview-client";

export const metadata: Metadata = { title: "Clusters" };

/** The first read happens here, so the page is useful before its JavaScript runs; the client then polls. */
export default async function ClustersPage() {
  await connection();
  const initial = await readLive(() => readClustersOverview(defaultConnection()));
  return <ClustersOverviewClient initial={initial} target={readTargetSummary()} />;
}
