import "server-only";
import {
  ListClustersCommand,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  type ListClustersCommandInput,
  type ListServiceDeploymentsCommandInput,
  type ListServicesCommandInput,
  type ListTaskDefinitionFamiliesCommandInput,
  type ListTaskDefinitionsCommandInput,
  type ListTasksCommandInput,
  type ServiceDeploymentBrief,
} from "@aws-sdk/client-ecs";
import type { Connection } from "./connection";
import { listAll } from "./pagination";
import { readEcs } from "./reads";

/** Every page of ECS's listings, each page a shared read. Paging fields are this layer's to set. */
type Unpaged<I> = Omit<I, "nextToken" | "maxResults">;

export function listClusterArns(connection: Connection, input: Unpaged<ListClustersCommandInput> = {}): Promise<string[]> {
  return listAll((page: ListClustersCommandInput) => readEcs(connection, new ListClustersCommand(page)), input, (o) => o.clusterArns);
}

export function listServiceArns(connection: Connection, input: Unpaged<ListServicesCommandInput>): Promise<string[]> {
  return listAll((page: ListServicesCommandInput) => readEcs(connection, new ListServicesCommand(page)), input, (o) => o.serviceArns);
}

/** `onPage` sees each page of ARNs as it arrives (see batching's describeTasksWhileListing). */
export function listTaskArns(
  connection: Connection,
  input: Unpaged<ListTasksCommandInput>,
  onPage?: (taskArns: readonly string[]) => void,
): Promise<string[]> {
  return listAll((page: ListTasksCommandInput) => readEcs(connection, new ListTasksCommand(page)), input, (o) => o.taskArns, onPage);
}

export function listServiceDeployments(
  connection: Connection,
  input: Unpaged<ListServiceDeploymentsCommandInput>,
): Promise<ServiceDeploymentBrief[]> {
  return listAll(
    (page: ListServiceDeploymentsCommandInput) => readEcs(connection, new ListServiceDeploymentsCommand(page)),
    input,
    (o) => o.serviceDeployments,
  );
}

export function listTaskDefinitionArns(connection: Connection, input: Unpaged<ListTaskDefinitionsCommandInput> = {}): Promise<string[]> {
  return listAll(
    (page: ListTaskDefinitionsCommandInput) => readEcs(connection, new ListTaskDefinitionsCommand(page)),
    input,
    (o) => o.taskDefinitionArns,
  );
}

export function listTaskDefinitionFamilies(
  connection: Connection,
  input: Unpaged<ListTaskDefinitionFamiliesCommandInput> = {},
): Promise<string[]> {
  return listAll(
    (page: ListTaskDefinitionFamiliesCommandInput) => readEcs(connection, new ListTaskDefinitionFamiliesCommand(page)),
    input,
    (o) => o.families,
  );
}
