import "server-only";
import {
  $Command as CloudWatchCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  type CloudWatchClientResolvedConfig,
  type ServiceInputTypes as CloudWatchInput,
  type ServiceOutputTypes as CloudWatchOutput,
} from "@aws-sdk/client-cloudwatch";
import {
  $Command as EcsCommand,
  DescribeClustersCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  type ECSClientResolvedConfig,
  type ServiceInputTypes as EcsInput,
  type ServiceOutputTypes as EcsOutput,
} from "@aws-sdk/client-ecs";
import {
  $Command as ElbCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2ClientResolvedConfig,
  type ServiceInputTypes as ElbInput,
  type ServiceOutputTypes as ElbOutput,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { cloudWatchClient, ecsClient, elbClient } from "./clients";
import { canonicalJson, sharedReadCache } from "./coalescing";
import { connectionKey, type Connection } from "./connection";

/**
 * Reads go through here so that identical ones are shared (see coalescing.ts). Only the
 * operations listed are reads; anything else is refused, so a write can never be served from
 * the cache. The names are written out because a bundler may rename command classes.
 */
const ECS_READS = new Map<object, string>([
  [DescribeClustersCommand, "DescribeClusters"],
  [DescribeServiceDeploymentsCommand, "DescribeServiceDeployments"],
  [DescribeServiceRevisionsCommand, "DescribeServiceRevisions"],
  [DescribeServicesCommand, "DescribeServices"],
  [DescribeTaskDefinitionCommand, "DescribeTaskDefinition"],
  [DescribeTasksCommand, "DescribeTasks"],
  [ListClustersCommand, "ListClusters"],
  [ListServiceDeploymentsCommand, "ListServiceDeployments"],
  [ListServicesCommand, "ListServices"],
  [ListTagsForResourceCommand, "ListTagsForResource"],
  [ListTaskDefinitionFamiliesCommand, "ListTaskDefinitionFamilies"],
  [ListTaskDefinitionsCommand, "ListTaskDefinitions"],
  [ListTasksCommand, "ListTasks"],
]);

const ELB_READS = new Map<object, string>([
  [DescribeListenersCommand, "DescribeListeners"],
  [DescribeLoadBalancersCommand, "DescribeLoadBalancers"],
  [DescribeRulesCommand, "DescribeRules"],
  [DescribeTagsCommand, "DescribeTags"],
  [DescribeTargetGroupsCommand, "DescribeTargetGroups"],
  [DescribeTargetHealthCommand, "DescribeTargetHealth"],
]);

const CLOUDWATCH_READS = new Map<object, string>([
  [GetMetricDataCommand, "GetMetricData"],
  [DescribeAlarmsCommand, "DescribeAlarms"],
]);

function readKey(connection: Connection, service: string, reads: Map<object, string>, command: { input: object }): string {
  const operation = reads.get(command.constructor);
  if (!operation) throw new Error(`${command.constructor.name} is not a shared read; send it through the client.`);
  return `${connectionKey(connection)} ${service}:${operation} ${canonicalJson(command.input)}`;
}

export async function readEcs<I extends EcsInput, O extends EcsOutput>(
  connection: Connection,
  command: EcsCommand<I, O, ECSClientResolvedConfig, EcsInput, EcsOutput>,
): Promise<O> {
  const key = readKey(connection, "ecs", ECS_READS, command);
  return sharedReadCache().share(key, () => ecsClient(connection).send(command));
}

export async function readElb<I extends ElbInput, O extends ElbOutput>(
  connection: Connection,
  command: ElbCommand<I, O, ElasticLoadBalancingV2ClientResolvedConfig, ElbInput, ElbOutput>,
): Promise<O> {
  const key = readKey(connection, "elbv2", ELB_READS, command);
  return sharedReadCache().share(key, () => elbClient(connection).send(command));
}

export async function readCloudWatch<I extends CloudWatchInput, O extends CloudWatchOutput>(
  connection: Connection,
  command: CloudWatchCommand<I, O, CloudWatchClientResolvedConfig, CloudWatchInput, CloudWatchOutput>,
): Promise<O> {
  const key = readKey(connection, "cloudwatch", CLOUDWATCH_READS, command);
  return sharedReadCache().share(key, () => cloudWatchClient(connection).send(command));
}
