import "server-only";
import { ClusterNotFoundException, type Service } from "@aws-sdk/client-ecs";
import { parseArn } from "@/lib/arn";
import type { CreateServicePageData, NetworkPrefill } from "@/lib/view-models/load-balancing-create";
import { capacityStrategyLabel } from "@/lib/view-models/strategy";
import { describeClusters, describeServices } from "@/server/aws/batching";
import type { Connection } from "@/server/aws/connection";
import { listServiceArns } from "@/server/aws/ecs-lists";
import { settle } from "@/server/aws/errors";
import { readAlarmChoices } from "@/server/cloudwatch/alarm-choices";
import { readLoadBalancingChoices } from "@/server/elb/load-balancing-choices";

/**
 * The create-service page: the cluster, its services (names taken, a network to prefill, which
 * target groups they use) and the account's load balancing. For S services in the cluster:
 *
 *   ecs:DescribeClusters   1
 *   ecs:ListServices       max(1, ⌈S/100⌉)
 *   ecs:DescribeServices   ⌈S/10⌉
 *   + the load balancing choices (server/elb/load-balancing-choices.ts)
 *   + the alarms its deployments can watch (server/cloudwatch/alarm-choices.ts)
 */
async function clusterServices(connection: Connection, cluster: string): Promise<Service[]> {
  const arns = await listServiceArns(connection, { cluster });
  return (await describeServices(connection, cluster, arns)).services;
}

/** The first service (by name) with an awsvpc network: a new service beside it can usually reach what it reaches. */
function networkPrefill(services: readonly Service[]): NetworkPrefill | undefined {
  const sorted = [...services].sort((a, b) => (a.serviceName ?? "").localeCompare(b.serviceName ?? ""));
  const found = sorted.find((service) => service.networkConfiguration?.awsvpcConfiguration?.subnets?.length);
  const vpc = found?.networkConfiguration?.awsvpcConfiguration;
  return vpc && { service: found.serviceName ?? "", subnets: vpc.subnets ?? [], securityGroups: vpc.securityGroups ?? [], assignPublicIp: vpc.assignPublicIp };
}

export async function readCreateServicePage(connection: Connection, cluster: string): Promise<CreateServicePageData> {
  const services = clusterServices(connection, cluster);
  const [clusterRead, servicesRead, loadBalancingRead, alarms] = await settle([
    describeClusters(connection, [cluster]).then(({ clusters }) => {
      if (!clusters[0] || clusters[0].status === "INACTIVE") throw new ClusterNotFoundException({ message: `Cluster ${cluster} not found.`, $metadata: {} });
      return clusters[0];
    }),
    services,
    services.catch(() => []).then((found) => readLoadBalancingChoices(connection, found)),
    readAlarmChoices(connection),
  ]);
  const found = clusterRead.ok ? clusterRead.value : undefined;
  const live = servicesRead.ok ? servicesRead.value.filter((service) => service.status !== "INACTIVE") : [];
  return {
    ...(clusterRead.ok ? {} : { error: clusterRead.error }),
    cluster: {
      name: found?.clusterName ?? cluster,
      account: parseArn(found?.clusterArn ?? "")?.accountId,
      capacityProviders: found?.capacityProviders ?? [],
      defaultStrategyLabel: capacityStrategyLabel(found?.defaultCapacityProviderStrategy),
    },
    takenNames: live.map((service) => service.serviceName ?? "").sort(),
    network: networkPrefill(live),
    ...(servicesRead.ok ? {} : { servicesError: servicesRead.error }),
    loadBalancing: loadBalancingRead.ok ? loadBalancingRead.value : { loadBalancers: [], targetGroups: [], rules: [], error: loadBalancingRead.error },
    alarms,
  };
}
