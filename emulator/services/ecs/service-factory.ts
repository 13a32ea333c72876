import type { Cluster, CreateServiceCommandInput, Service, TaskDefinition } from "@aws-sdk/client-ecs";
import { ecsArn } from "../../store/arns";
import type { ServiceRecord } from "../../store/records";
import type { EcsWorld } from "../../world";
import { InvalidParameterException } from "./errors";
import { validateLaunch } from "./launch-validation";
import { validateLoadBalancers } from "./load-balancer-validation";
import {
  normalizeDeploymentConfiguration,
  validateDesiredCount,
  validateGracePeriod,
  validateServiceName,
} from "./service-validation";
import { MAX_TAGS, validateTags } from "./tag-store";

/** A new service as CreateService describes it, with ECS's defaults filled in. */
export function createServiceRecord(world: EcsWorld, cluster: Cluster, input: CreateServiceCommandInput, taskDefinition: TaskDefinition): ServiceRecord {
  const serviceName = validateServiceName(input.serviceName);
  if (input.schedulingStrategy !== undefined && input.schedulingStrategy !== "REPLICA") {
    throw new InvalidParameterException("Local ECS runs REPLICA services; DAEMON needs container instances.");
  }
  if (input.deploymentController?.type !== undefined && input.deploymentController.type !== "ECS") {
    throw new InvalidParameterException("Local ECS runs services with the ECS deployment controller only.");
  }
  if (input.desiredCount === undefined) throw new InvalidParameterException("desiredCount is required for REPLICA services.");
  const desiredCount = validateDesiredCount(input.desiredCount);
  // Checked here, before a deployment is recorded: a refused CreateService must leave nothing behind.
  if (validateTags(input.tags).length > MAX_TAGS) throw new InvalidParameterException(`A resource can have at most ${MAX_TAGS} tags.`);
  const launch = validateLaunch(cluster, taskDefinition, input);
  const deploymentConfiguration = normalizeDeploymentConfiguration(input.deploymentConfiguration);
  const { accountId } = world.settings;
  const service: Service = {
    serviceArn: ecsArn.service(world.settings, cluster.clusterName!, serviceName),
    serviceName,
    clusterArn: cluster.clusterArn,
    loadBalancers: validateLoadBalancers(world, input.loadBalancers, taskDefinition, deploymentConfiguration.strategy),
    serviceRegistries: input.serviceRegistries ?? [],
    status: "ACTIVE",
    desiredCount,
    runningCount: 0,
    pendingCount: 0,
    launchType: launch.capacityProviderStrategy ? undefined : launch.launchType,
    capacityProviderStrategy: launch.capacityProviderStrategy,
    platformVersion: launch.launchType === "FARGATE" ? (input.platformVersion ?? "LATEST") : undefined,
    platformFamily: launch.launchType === "FARGATE" ? "Linux" : undefined,
    taskDefinition: taskDefinition.taskDefinitionArn,
    deploymentConfiguration,
    deployments: [],
    roleArn: `arn:aws:iam::${accountId}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
    events: [],
    createdAt: world.clock.now(),
    placementConstraints: input.placementConstraints ?? [],
    placementStrategy: input.placementStrategy ?? [],
    networkConfiguration: input.networkConfiguration,
    healthCheckGracePeriodSeconds: validateGracePeriod(input.healthCheckGracePeriodSeconds) ?? 0,
    schedulingStrategy: "REPLICA",
    deploymentController: { type: "ECS" },
    createdBy: `arn:aws:iam::${accountId}:root`,
    enableECSManagedTags: input.enableECSManagedTags ?? false,
    propagateTags: input.propagateTags ?? "NONE",
    enableExecuteCommand: input.enableExecuteCommand ?? false,
    availabilityZoneRebalancing: input.availabilityZoneRebalancing ?? "ENABLED",
  };
  return { service, links: {} };
}

/** What must match for a repeated CreateService to count as the same request. */
export function serviceFingerprint(service: Service): string {
  return JSON.stringify([
    service.taskDefinition,
    service.desiredCount,
    service.launchType,
    service.capacityProviderStrategy,
    service.networkConfiguration,
    service.loadBalancers,
    service.schedulingStrategy,
  ]);
}
