import "server-only";
import {
  DescribeClustersCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  type Cluster,
  type ClusterField,
  type Failure,
  type Service,
  type ServiceDeployment,
  type ServiceField,
  type Task,
  type TaskField,
} from "@aws-sdk/client-ecs";
import { chunk, mapWithConcurrency } from "./concurrency";
import type { Connection } from "./connection";
import { readEcs } from "./reads";

/**
 * Describes as many resources as asked in as few calls as ECS allows: ids are de-duplicated,
 * split into ECS's largest batches and described a few batches at a time; the results and
 * `failures[]` (ids ECS did not find) are merged. Each batch is a shared read. An empty list
 * costs nothing (ECS would reject it, or describe the default cluster).
 */
export const DESCRIBE_BATCH_SIZE = { clusters: 100, services: 10, tasks: 100, serviceDeployments: 20 } as const;

/** Batches in flight at once for one describe: fast for big pages, gentle on ECS's rate limits. */
const CONCURRENT_BATCHES = 4;

interface Described<T> {
  items: T[];
  failures: Failure[];
}

async function describeInBatches<T>(
  ids: readonly string[],
  batchSize: number,
  describe: (batch: string[]) => Promise<{ items?: T[]; failures?: Failure[] }>,
): Promise<Described<T>> {
  const batches = chunk([...new Set(ids)], batchSize);
  const results = await mapWithConcurrency(batches, CONCURRENT_BATCHES, describe);
  return {
    items: results.flatMap((result) => result.items ?? []),
    failures: results.flatMap((result) => result.failures ?? []),
  };
}

/** Order-free lists sorted, so the same question always makes the same shared read. */
const sortedFields = <F extends string>(include: readonly F[] | undefined) => (include?.length ? [...include].sort() : undefined);

export async function describeClusters(
  connection: Connection,
  clusters: readonly string[],
  include?: readonly ClusterField[],
): Promise<{ clusters: Cluster[]; failures: Failure[] }> {
  const { items, failures } = await describeInBatches(clusters, DESCRIBE_BATCH_SIZE.clusters, async (batch) => {
    const output = await readEcs(connection, new DescribeClustersCommand({ clusters: batch, include: sortedFields(include) }));
    return { items: output.clusters, failures: output.failures };
  });
  return { clusters: items, failures };
}

export async function describeServices(
  connection: Connection,
  cluster: string,
  services: readonly string[],
  include?: readonly ServiceField[],
): Promise<{ services: Service[]; failures: Failure[] }> {
  const { items, failures } = await describeInBatches(services, DESCRIBE_BATCH_SIZE.services, async (batch) => {
    const output = await readEcs(connection, new DescribeServicesCommand({ cluster, services: batch, include: sortedFields(include) }));
    return { items: output.services, failures: output.failures };
  });
  return { services: items, failures };
}

export async function describeTasks(
  connection: Connection,
  cluster: string,
  tasks: readonly string[],
  include?: readonly TaskField[],
): Promise<{ tasks: Task[]; failures: Failure[] }> {
  const { items, failures } = await describeInBatches(tasks, DESCRIBE_BATCH_SIZE.tasks, async (batch) => {
    const output = await readEcs(connection, new DescribeTasksCommand({ cluster, tasks: batch, include: sortedFields(include) }));
    return { items: output.tasks, failures: output.failures };
  });
  return { tasks: items, failures };
}

/**
 * Describes tasks while their listing is still being paged: each full batch of 100 ARNs is
 * described as soon as the pages have supplied it, so the describes overlap the listing (a
 * sequence of pages, one call after another) instead of waiting for its last page. It costs
 * what describeTasks of the whole listing costs: ⌈unique ARNs / 100⌉ calls. `list` pages
 * through the listing(s), handing each page's ARNs to `onArns`.
 */
export async function describeTasksWhileListing(
  connection: Connection,
  cluster: string,
  list: (onArns: (taskArns: readonly string[]) => void) => Promise<unknown>,
): Promise<{ tasks: Task[]; failures: Failure[] }> {
  const seen = new Set<string>();
  const waiting: string[] = [];
  const described: Promise<{ tasks?: Task[]; failures?: Failure[] }>[] = [];
  const describe = (batch: string[]) => {
    const call = readEcs(connection, new DescribeTasksCommand({ cluster, tasks: batch }));
    // Awaited below; if the listing fails first, this one's failure must not go unhandled.
    call.catch(() => undefined);
    described.push(call);
  };
  await list((taskArns) => {
    for (const arn of taskArns) {
      if (seen.has(arn)) continue;
      seen.add(arn);
      waiting.push(arn);
    }
    while (waiting.length >= DESCRIBE_BATCH_SIZE.tasks) describe(waiting.splice(0, DESCRIBE_BATCH_SIZE.tasks));
  });
  if (waiting.length > 0) describe(waiting);
  const results = await Promise.all(described);
  return { tasks: results.flatMap((result) => result.tasks ?? []), failures: results.flatMap((result) => result.failures ?? []) };
}

export async function describeServiceDeployments(
  connection: Connection,
  serviceDeploymentArns: readonly string[],
): Promise<{ serviceDeployments: ServiceDeployment[]; failures: Failure[] }> {
  const { items, failures } = await describeInBatches(serviceDeploymentArns, DESCRIBE_BATCH_SIZE.serviceDeployments, async (batch) => {
    const output = await readEcs(connection, new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: batch }));
    return { items: output.serviceDeployments, failures: output.failures };
  });
  return { serviceDeployments: items, failures };
}
