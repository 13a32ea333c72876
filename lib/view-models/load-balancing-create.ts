import type { AssignPublicIp, NetworkMode } from "@aws-sdk/client-ecs";
import type { AwsFailure } from "@/lib/aws-errors";
import type { AlarmChoice } from "./alarms";
import type { Part } from "./common";
import type { LoadBalancingChoices } from "./load-balancing";

/** What the create-service page offers: the cluster's capacity, a network to start from, and the load balancing to pick from. */

export interface CreateServiceCluster {
  name: string;
  /** The AWS account, from the cluster's ARN: the default traffic role's account. */
  account?: string;
  capacityProviders: string[];
  defaultStrategyLabel: string;
}

export interface NetworkPrefill {
  /** The service it was copied from. */
  service: string;
  subnets: string[];
  securityGroups: string[];
  assignPublicIp?: AssignPublicIp;
}

export interface CreateServicePageData {
  /** Set when the cluster itself could not be read: there is nothing to create a service in. */
  error?: AwsFailure;
  cluster: CreateServiceCluster;
  /** Names of the cluster's services that are not INACTIVE: a new service cannot take them. */
  takenNames: string[];
  network?: NetworkPrefill;
  /** Why the cluster's services could not be read; names are then checked by ECS only. */
  servicesError?: AwsFailure;
  loadBalancing: LoadBalancingChoices;
  /** The account's alarms its deployments can watch. */
  alarms: Part<AlarmChoice[]>;
}

export interface ContainerPorts {
  name: string;
  ports: { containerPort: number; protocol?: string; name?: string }[];
}

/** A family's ACTIVE revisions and what the chosen one offers a load balancer. */
export interface TaskDefinitionPick {
  family: string;
  /** Newest first (at most the newest 100). */
  revisions: number[];
  chosen?: {
    label: string;
    arn: string;
    networkMode?: NetworkMode;
    /** Containers with port mappings: where a target group can send traffic. */
    containers: ContainerPorts[];
  };
  error?: AwsFailure;
}

/** The role ECS assumes to change listener rules, named as the ECS console names it by default. */
export function defaultTrafficRole(account: string | undefined): string {
  return `arn:aws:iam::${account ?? "123456789012"}:role/ecsInfrastructureRoleForLoadBalancers`;
}
