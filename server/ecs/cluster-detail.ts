import "server-only";
import { ClusterNotFoundException } from "@aws-sdk/client-ecs";
import { describeClusters, describeServices, describeTasksWhileListing } from "@/server/aws/batching";
import type { Connection } from "@/server/aws/connection";
import { listServiceArns, listTaskArns } from "@/server/aws/ecs-lists";
import { settle } from "@/server/aws/errors";
import { clusterName, serviceName } from "@/lib/arn";
import { toClusterHeader, toServiceRow, type ClusterDetail, type ClusterHeader, type ClusterTasks, type ServiceRow } from "@/lib/view-models/clusters";
import { byNewest, toTaskRow, type TaskRow } from "@/lib/view-models/tasks";
import { describeCurrentDeployments } from "./current-deployments";

/**
 * One cluster's page, for clusters of thousands of services and tasks, in two reads: the
 * header with the services table (readClusterDetail), and the tasks table (readClusterTasks),
 * which a big cluster's page loads after its first paint. For S services, D of them
 * deploying, and T(r) running and T(s) stopped tasks (of the service asked for, if one is):
 *
 *   readClusterDetail
 *     ecs:DescribeClusters            1
 *     ecs:ListServices                max(1, ⌈S/100⌉)
 *     ecs:DescribeServices            ⌈S/10⌉
 *     ecs:DescribeServiceDeployments  ⌈D/20⌉   (to show which deployments await approval)
 *   readClusterTasks
 *     ecs:ListTasks                   max(1, ⌈T(r)/100⌉), + max(1, ⌈T(s)/100⌉) when stopped tasks are asked for
 *     ecs:DescribeTasks               ⌈(T(r) + T(s))/100⌉, described while the listing is paged
 *
 * The header and the services are separate parts: one failing leaves the other. When both
 * fail (no such cluster, AWS unreachable) the detail carries the header's error, so a live
 * view keeps its last read rather than replacing it with two errors.
 */
export interface ClusterTasksOptions {
  /** Also list the tasks ECS has stopped (it keeps them for about an hour). */
  includeStoppedTasks?: boolean;
  /** Only this service's tasks (a name or ARN). */
  service?: string;
}

async function readHeader(connection: Connection, cluster: string): Promise<ClusterHeader> {
  const { clusters } = await describeClusters(connection, [cluster]);
  // ECS reports a cluster it does not know as a failure of the describe, not as an error.
  if (!clusters[0]) throw new ClusterNotFoundException({ message: "Cluster not found.", $metadata: {} });
  return toClusterHeader(clusters[0]);
}

async function readServiceRows(connection: Connection, cluster: string): Promise<ServiceRow[]> {
  const { services } = await describeServices(connection, cluster, await listServiceArns(connection, { cluster }));
  const deployments = await describeCurrentDeployments(connection, services);
  return services.map((service) => toServiceRow(service, deployments)).sort((a, b) => a.name.localeCompare(b.name));
}

async function readTaskRows(connection: Connection, cluster: string, options: ClusterTasksOptions): Promise<TaskRow[]> {
  const statuses = options.includeStoppedTasks ? (["RUNNING", "STOPPED"] as const) : (["RUNNING"] as const);
  // ListTasks filters by a service's name, not its ARN.
  const service = options.service === undefined ? undefined : serviceName(options.service);
  // Tasks stopped between the list and the describe come back as failures: they are simply not shown.
  const { tasks } = await describeTasksWhileListing(connection, cluster, (onArns) =>
    Promise.all(statuses.map((desiredStatus) => listTaskArns(connection, { cluster, desiredStatus, serviceName: service }, onArns))),
  );
  return tasks.map(toTaskRow).sort(byNewest);
}

export async function readClusterDetail(connection: Connection, cluster: string): Promise<ClusterDetail> {
  const [header, services] = await settle([readHeader(connection, cluster), readServiceRows(connection, cluster)]);
  const nothingRead = !header.ok && !services.ok;
  return {
    clusterName: header.ok ? header.value.name : clusterName(cluster),
    ...(nothingRead ? { error: header.error } : {}),
    cluster: header,
    services,
  };
}

export async function readClusterTasks(connection: Connection, cluster: string, options: ClusterTasksOptions = {}): Promise<ClusterTasks> {
  const [tasks] = await settle([readTaskRows(connection, cluster, options)]);
  return tasks.ok ? { tasks: tasks.value } : { tasks: [], error: tasks.error };
}
