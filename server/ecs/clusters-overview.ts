import "server-only";
import type { Cluster, Service } from "@aws-sdk/client-ecs";
import { describeClusters, describeServices } from "@/server/aws/batching";
import { mapWithConcurrency } from "@/server/aws/concurrency";
import type { Connection } from "@/server/aws/connection";
import { listClusterArns, listServiceArns } from "@/server/aws/ecs-lists";
import { settle, type Settled } from "@/server/aws/errors";
import { toClusterHeader, toServiceRow, type ClusterSummary, type ClustersOverview } from "@/lib/view-models/clusters";
import { describeCurrentDeployments } from "./current-deployments";

/**
 * The clusters overview: every active cluster with its capacity providers, default strategy
 * and counts, and the services deploying in it, called out when they await approval.
 *
 * Counts come from DescribeClusters. Services are described only to find the deployments in
 * progress, and only those deployments are described, to tell which wait at a PAUSE hook.
 * For C clusters, S(c) services in active cluster c and D services deploying across all:
 *
 *   ecs:ListClusters                max(1, ⌈C/100⌉)
 *   ecs:DescribeClusters            ⌈C/100⌉
 *   ecs:ListServices                Σc max(1, ⌈S(c)/100⌉)
 *   ecs:DescribeServices            Σc ⌈S(c)/10⌉
 *   ecs:DescribeServiceDeployments  ⌈D/20⌉
 *
 * A cluster whose services cannot be read is still shown, with its error.
 */

/** Clusters read at once; each reads its services a few batches at a time. */
const CLUSTERS_AT_ONCE = 4;

/** Deleted clusters (INACTIVE, or gone between list and describe) are not shown. */
export async function activeClusters(connection: Connection): Promise<Cluster[]> {
  const { clusters } = await describeClusters(connection, await listClusterArns(connection));
  return clusters.filter((cluster) => cluster.status === "ACTIVE");
}

export async function servicesOf(connection: Connection, clusterArn: string): Promise<Settled<Service[]>> {
  const read = async () => (await describeServices(connection, clusterArn, await listServiceArns(connection, { cluster: clusterArn }))).services;
  const [services] = await settle([read()]);
  return services;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export async function readClustersOverview(connection: Connection): Promise<ClustersOverview> {
  const [listed] = await settle([activeClusters(connection)]);
  if (!listed.ok) return { clusters: [], error: listed.error };
  const clusters = listed.value;
  const services = await mapWithConcurrency(clusters, CLUSTERS_AT_ONCE, (cluster) => servicesOf(connection, cluster.clusterArn!));
  const deployments = await describeCurrentDeployments(
    connection,
    services.flatMap((read) => (read.ok ? read.value : [])),
  );
  const summaries = clusters.map((cluster, index): ClusterSummary => {
    const read = services[index];
    const header = toClusterHeader(cluster);
    if (!read.ok) return { ...header, rollouts: [], error: read.error };
    const rollouts = read.value.map((service) => toServiceRow(service, deployments)).filter((row) => row.rollout.inProgress);
    return { ...header, rollouts: rollouts.sort(byName) };
  });
  return { clusters: summaries.sort(byName) };
}
