import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { LiveRead } from "@/lib/live-read";
import { decodeSegment } from "@/lib/url-segment";
import type { ClusterDetail, ClusterTasks } from "@/lib/view-models/clusters";
import { readLive } from "@/server/api/live-read";
import type { Connection } from "@/server/aws/connection";
import { currentConnection } from "@/server/aws/current-connection";
import { readClusterTasks } from "@/server/ecs/cluster-detail";
import { missing, readClusterPage } from "@/server/pages/page-reads";
import { ClusterClient } from "./cluster-client";

interface Props {
  params: Promise<{ cluster: string }>;
}

/**
 * Up to this many tasks (ECS's running and pending counts), the server reads the tasks table
 * too, so the whole page is there before its JavaScript runs. A bigger cluster's tasks take
 * a hundred-task page of ListTasks after another: the page answers with its services first,
 * and the browser loads the tasks beside them.
 */
const TASKS_READ_ON_THE_SERVER = 500;

async function readTasksIfFew(connection: Connection, cluster: string, detail: LiveRead<ClusterDetail>): Promise<LiveRead<ClusterTasks> | undefined> {
  if (!detail.ok || !detail.value.cluster.ok) return undefined;
  const { runningTasks, pendingTasks } = detail.value.cluster.value;
  if (runningTasks + pendingTasks > TASKS_READ_ON_THE_SERVER) return undefined;
  return readLive(() => readClusterTasks(connection, cluster, { includeStoppedTasks: true }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).cluster) };
}

/** The first read happens here, so the page is useful before its JavaScript runs; the client then polls. */
export default async function ClusterPage({ params }: Props) {
  const cluster = decodeSegment((await params).cluster);
  const initial = await readClusterPage(cluster);
  if (missing(initial)) notFound();
  const initialTasks = await readTasksIfFew(await currentConnection(), cluster, initial);
  return <ClusterClient cluster={cluster} initial={initial} initialTasks={initialTasks} />;
}
