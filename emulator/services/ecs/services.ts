import type {
  Cluster,
  CreateServiceCommandInput,
  CreateServiceCommandOutput,
  DeleteServiceCommandInput,
  DeleteServiceCommandOutput,
  DescribeServicesCommandInput,
  DescribeServicesCommandOutput,
  Failure,
  ListServicesCommandInput,
  ListServicesCommandOutput,
  Service,
  TaskDefinition,
  UpdateServiceCommandInput,
  UpdateServiceCommandOutput,
} from "@aws-sdk/client-ecs";
import { FINISHED_SERVICE_DEPLOYMENT_STATUSES, startDeployment } from "../../engine/deployment-factory";
import type { Output, RequestContext } from "../../protocols/operation";
import { ecsArn, serviceNameFrom } from "../../store/arns";
import type { ServiceRecord } from "../../store/records";
import type { EcsWorld } from "../../world";
import { requireActiveCluster } from "./cluster-lookup";
import { ClientException, InvalidParameterException, ServiceNotActiveException, ServiceNotFoundException } from "./errors";
import { validateLaunch } from "./launch-validation";
import { paginate } from "./pagination";
import { createServiceRecord, serviceFingerprint } from "./service-factory";
import { validateLoadBalancers } from "./load-balancer-validation";
import { normalizeDeploymentConfiguration, validateDesiredCount, validateGracePeriod } from "./service-validation";
import { dropTags, putTags, tagsOf } from "./tag-store";
import { findTaskDefinition } from "./task-definition-lookup";

const MAX_DESCRIBE_SERVICES = 10;

export function createServiceOperations(world: EcsWorld) {
  const { state } = world;

  const serviceArn = (clusterName: string, nameOrArn: string) => ecsArn.service(world.settings, clusterName, serviceNameFrom(nameOrArn));

  const view = (record: ServiceRecord, includeTags: boolean): Service => ({
    ...record.service,
    tags: includeTags ? tagsOf(state, record.service.serviceArn!) : undefined,
  });

  /** The service a request names, which must exist (in any status). */
  const requireService = (clusterName: string, nameOrArn: unknown): ServiceRecord => {
    if (typeof nameOrArn !== "string" || nameOrArn === "") throw new InvalidParameterException("service must be given.");
    const record = state.services.get(serviceArn(clusterName, nameOrArn));
    if (!record) throw new ServiceNotFoundException();
    return record;
  };

  const requireTaskDefinition = (reference: unknown) => {
    const definition = findTaskDefinition(world, reference);
    if (!definition) throw new ClientException("TaskDefinition not found.");
    if (definition.status !== "ACTIVE") throw new ClientException("TaskDefinition is inactive");
    return definition;
  };

  const saveAndSchedule = (record: ServiceRecord) => {
    state.services.put(record.service.serviceArn!, record);
    world.scheduler.serviceChanged(record.service.serviceArn!);
  };

  return {
    CreateService(_ctx: RequestContext, input: CreateServiceCommandInput): Output<CreateServiceCommandOutput> {
      const cluster = requireActiveCluster(world, input.cluster).cluster;
      const record = createServiceRecord(world, cluster, input, requireTaskDefinition(input.taskDefinition));
      const existing = state.services.get(record.service.serviceArn!);
      if (existing && existing.service.status !== "INACTIVE") {
        if (existing.service.status === "DRAINING") throw new InvalidParameterException("Unable to Start a service that is still Draining.");
        if (serviceFingerprint(existing.service) !== serviceFingerprint(record.service)) {
          throw new InvalidParameterException("Creation of service was not idempotent.");
        }
        return { service: view(existing, true) };
      }
      state.db.transaction(() => {
        startDeployment(world, record);
        // A name reused after its service went INACTIVE starts with no tags of the old one.
        dropTags(state, record.service.serviceArn!);
        putTags(state, record.service.serviceArn!, input.tags);
        saveAndSchedule(record);
      });
      return { service: view(record, true) };
    },

    UpdateService(_ctx: RequestContext, input: UpdateServiceCommandInput): Output<UpdateServiceCommandOutput> {
      const cluster = requireActiveCluster(world, input.cluster).cluster;
      const record = requireService(cluster.clusterName!, input.service);
      const service = record.service;
      if (service.status !== "ACTIVE") throw new ServiceNotActiveException();
      // Everything is checked before anything changes: a refused update leaves the service as it was.
      const desiredCount = input.desiredCount !== undefined ? validateDesiredCount(input.desiredCount) : service.desiredCount;
      const gracePeriod = input.healthCheckGracePeriodSeconds !== undefined
        ? validateGracePeriod(input.healthCheckGracePeriodSeconds)
        : service.healthCheckGracePeriodSeconds;
      const deploymentConfiguration = input.deploymentConfiguration !== undefined
        ? normalizeDeploymentConfiguration(input.deploymentConfiguration, service.deploymentConfiguration)
        : service.deploymentConfiguration;
      const taskDefinition = input.taskDefinition !== undefined
        ? requireTaskDefinition(input.taskDefinition)
        : state.taskDefinitions.get(service.taskDefinition!)?.taskDefinition;
      if (!taskDefinition) throw new ClientException("TaskDefinition not found.");
      const loadBalancers = validateLoadBalancers(world, input.loadBalancers ?? service.loadBalancers, taskDefinition, deploymentConfiguration?.strategy);
      const loadBalancersChanged = input.loadBalancers !== undefined && JSON.stringify(loadBalancers) !== JSON.stringify(service.loadBalancers);
      const launch = updatedLaunch(cluster, service, input, taskDefinition);
      const platformVersion = input.platformVersion ?? service.platformVersion;
      const needsDeployment = input.forceNewDeployment === true || launch.changed || loadBalancersChanged ||
        taskDefinition.taskDefinitionArn !== service.taskDefinition || platformVersion !== service.platformVersion;
      Object.assign(service, {
        desiredCount,
        loadBalancers,
        healthCheckGracePeriodSeconds: gracePeriod,
        deploymentConfiguration,
        taskDefinition: taskDefinition.taskDefinitionArn,
        launchType: launch.launchType,
        capacityProviderStrategy: launch.capacityProviderStrategy,
        networkConfiguration: launch.networkConfiguration,
        platformVersion,
        enableExecuteCommand: input.enableExecuteCommand !== undefined ? Boolean(input.enableExecuteCommand) : service.enableExecuteCommand,
        propagateTags: input.propagateTags ?? service.propagateTags,
      });
      if (needsDeployment) startDeployment(world, record);
      saveAndSchedule(record);
      return { service: view(record, false) };
    },

    DeleteService(_ctx: RequestContext, input: DeleteServiceCommandInput): Output<DeleteServiceCommandOutput> {
      const cluster = requireActiveCluster(world, input.cluster).cluster;
      const record = requireService(cluster.clusterName!, input.service);
      const service = record.service;
      if (service.status !== "ACTIVE") throw new ServiceNotActiveException();
      if ((service.desiredCount ?? 0) > 0 && input.force !== true) {
        throw new InvalidParameterException("The service cannot be stopped while it is scaled above 0.");
      }
      service.desiredCount = 0;
      service.status = "DRAINING";
      endOngoingServiceDeployment(world, record);
      saveAndSchedule(record);
      return { service: view(record, false) };
    },

    ListServices(_ctx: RequestContext, input: ListServicesCommandInput): Output<ListServicesCommandOutput> {
      const cluster = requireActiveCluster(world, input.cluster).cluster;
      const arns = [...state.servicesOf(cluster.clusterArn!)]
        .map((r) => r.service)
        .filter((s) => s.status === "ACTIVE" || s.status === "DRAINING")
        .filter((s) => input.launchType === undefined || s.launchType === input.launchType)
        .filter((s) => input.schedulingStrategy === undefined || s.schedulingStrategy === input.schedulingStrategy)
        .map((s) => s.serviceArn!)
        .sort();
      const page = paginate(arns, input, { defaultSize: 10, maxSize: 100 });
      return { serviceArns: page.items, nextToken: page.nextToken };
    },

    DescribeServices(_ctx: RequestContext, input: DescribeServicesCommandInput): Output<DescribeServicesCommandOutput> {
      const cluster = requireActiveCluster(world, input.cluster).cluster;
      if (!Array.isArray(input.services) || input.services.length === 0) throw new InvalidParameterException("Services cannot be empty.");
      if (input.services.length > MAX_DESCRIBE_SERVICES) {
        throw new InvalidParameterException(`Too many services were provided. Up to ${MAX_DESCRIBE_SERVICES} services can be described at once.`);
      }
      const includeTags = Array.isArray(input.include) && input.include.includes("TAGS");
      const services: Service[] = [];
      const failures: Failure[] = [];
      for (const name of input.services) {
        const arn = serviceArn(cluster.clusterName!, String(name));
        const record = state.services.get(arn);
        if (record) services.push(view(record, includeTags));
        else failures.push({ arn, reason: "MISSING" });
      }
      return { services, failures };
    },
  };
}

/** Where an updated service's tasks will run, and whether that change needs a new deployment. */
function updatedLaunch(cluster: Cluster, service: Service, input: UpdateServiceCommandInput, taskDefinition: TaskDefinition) {
  const networkConfiguration = input.networkConfiguration ?? service.networkConfiguration;
  const unchanged = { launchType: service.launchType, capacityProviderStrategy: service.capacityProviderStrategy, networkConfiguration, changed: false };
  const launchChanged = input.capacityProviderStrategy !== undefined || input.networkConfiguration !== undefined;
  if (!launchChanged && taskDefinition.taskDefinitionArn === service.taskDefinition) return unchanged;
  const launch = validateLaunch(cluster, taskDefinition, {
    capacityProviderStrategy: input.capacityProviderStrategy ?? service.capacityProviderStrategy,
    launchType: input.capacityProviderStrategy?.length ? undefined : service.launchType,
    networkConfiguration,
  });
  const changed =
    JSON.stringify(networkConfiguration) !== JSON.stringify(service.networkConfiguration) ||
    JSON.stringify(launch.capacityProviderStrategy) !== JSON.stringify(service.capacityProviderStrategy);
  return {
    launchType: launch.capacityProviderStrategy ? undefined : launch.launchType,
    capacityProviderStrategy: launch.capacityProviderStrategy,
    networkConfiguration,
    changed,
  };
}

/** Deleting a service ends a deployment still under way. */
function endOngoingServiceDeployment(world: EcsWorld, record: ServiceRecord): void {
  const arn = record.service.currentServiceDeployment;
  const current = arn ? world.state.serviceDeployments.get(arn) : undefined;
  if (!current || FINISHED_SERVICE_DEPLOYMENT_STATUSES.has(current.serviceDeployment.status!)) return;
  const now = world.clock.now();
  Object.assign(current.serviceDeployment, { status: "STOPPED", statusReason: "The service was deleted.", stoppedAt: now, finishedAt: now, updatedAt: now });
  world.state.serviceDeployments.put(arn!, current);
}
