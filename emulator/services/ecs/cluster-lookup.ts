import { clusterNameFrom, ecsArn } from "../../store/arns";
import type { ClusterRecord } from "../../store/records";
import type { EcsWorld } from "../../world";
import { ClusterNotFoundException, InvalidParameterException } from "./errors";

/** The one place a cluster name becomes the ARN its record is stored under. */
export function clusterArnFor(world: EcsWorld, name: string): string {
  return ecsArn.cluster(world.settings, name);
}

/** The record for a cluster name or ARN, whatever its status; undefined when there is none. */
export function findCluster(world: EcsWorld, nameOrArn: string | undefined): ClusterRecord | undefined {
  if (nameOrArn !== undefined && typeof nameOrArn !== "string") {
    throw new InvalidParameterException("cluster must be a string.");
  }
  return world.state.clusters.get(clusterArnFor(world, clusterNameFrom(nameOrArn)));
}

/**
 * The cluster a request names (ECS's "default" when it names none). A deleted (INACTIVE)
 * cluster is as good as missing for anything that would put work on it.
 */
export function requireActiveCluster(world: EcsWorld, nameOrArn: string | undefined): ClusterRecord {
  const record = findCluster(world, nameOrArn);
  if (!record || record.cluster.status !== "ACTIVE") throw new ClusterNotFoundException();
  return record;
}
