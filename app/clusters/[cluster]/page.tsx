import type { Metadata } from "next";
import { decodeSegment } from "@/lib/url-segment";
import { readLive } from "@/server/api/live-read";
import { currentConnection } from "@/server/aws/current-connection";
import { readClusterDetail } from "@/server/ecs/cluster-detail";
import { ClusterClient } from "./cluster-client";

interface Props {
  params: Promise<{ cluster: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).cluster) };
}

/** The first read happens here, so the page is useful before its JavaScript runs; the client then polls. */
export default async function ClusterPage({ params }: Props) {
  const cluster = decodeSegment((await params).cluster);
  const connection = await currentConnection();
  const initial = await readLive(() => readClusterDetail(connection, cluster, { includeStoppedTasks: true }));
  return <ClusterClient cluster={cluster} initial={initial} />;
}
